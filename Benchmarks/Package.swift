// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so that `swift test` of Concord never
// builds them. Run: swift run -c release concord-bench --help
let package = Package(
    name: "ConcordBenchmarks",
    dependencies: [
        .package(name: "Concord", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "concord-bench",
            dependencies: [.product(name: "Concord", package: "Concord")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
