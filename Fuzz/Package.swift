// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over every parser Concord has, in their own package so that
// `swift test` of Concord never builds them and CI never runs them.
// Build and run: ./run.sh [seconds per target] (see README "Reliability").
let concord: Target.Dependency = .product(name: "Concord", package: "Concord")

let package = Package(
    name: "ConcordFuzz",
    dependencies: [
        .package(name: "Concord", path: ".."),
    ],
    targets: [
        .executableTarget(name: "fuzz-tmx", dependencies: [concord]),
        .executableTarget(name: "fuzz-tbx", dependencies: [concord]),
        .executableTarget(name: "fuzz-tables", dependencies: [concord]),
        .executableTarget(name: "fuzz-srx", dependencies: [concord]),
        .executableTarget(name: "fuzz-documents", dependencies: [concord]),
    ],
    swiftLanguageModes: [.v5]
)
