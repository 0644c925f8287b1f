// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over every parser Concord has, in their own package so that
// `swift test` of Concord never builds them and CI never runs them.
// Build and run: ./run.sh [seconds per target] (see README "Reliability").
let concord: Target.Dependency = .product(name: "Concord", package: "Concord")
let support: Target.Dependency = "FuzzSupport"

let package = Package(
    name: "ConcordFuzz",
    dependencies: [
        .package(name: "Concord", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "fuzz-tmx", dependencies: [concord, support]),
        .executableTarget(name: "fuzz-tbx", dependencies: [concord, support]),
        .executableTarget(name: "fuzz-tables", dependencies: [concord, support]),
        .executableTarget(name: "fuzz-srx", dependencies: [concord, support]),
        .executableTarget(name: "fuzz-documents", dependencies: [concord, support]),
        .executableTarget(name: "fuzz-xliff", dependencies: [concord, support]),
    ],
    swiftLanguageModes: [.v6]
)
