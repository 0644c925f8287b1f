// swift-tools-version:6.0
import PackageDescription

// Module arrows point down only (see README "Architecture"): the C modules are
// seen by ConcordXML and ConcordText alone; everything above them works on
// Swift values.
let package = Package(
    name: "Concord",
    products: [
        .executable(name: "concord", targets: ["concord"]),
        .library(name: "Concord", targets: ["Concord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // MARK: C layer
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "CStemmer",
            // Debian ships the Snowball runtime (libstemmer0d) without a
            // development symlink; link the versioned file by name.
            linkerSettings: [.linkedLibrary(":libstemmer.so.0d")]
        ),

        // MARK: Swift wrappers over C
        .target(name: "ConcordXML", dependencies: ["CLibXML2"]),
        .target(name: "ConcordText", dependencies: ["CICU", "CStemmer"]),

        // MARK: Domain
        .target(name: "ConcordModel"),
        .target(name: "ConcordSegmentation", dependencies: ["ConcordModel", "ConcordText"]),
        .target(name: "ConcordTerminology", dependencies: ["ConcordModel", "ConcordText"]),
        .target(name: "ConcordMemory", dependencies: ["ConcordModel", "ConcordText", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "ConcordFormats", dependencies: ["ConcordModel", "ConcordXML", "ConcordText"]),
        .target(name: "ConcordAlignment", dependencies: ["ConcordModel", "ConcordText", "ConcordTerminology"]),
        .target(name: "ConcordChecks", dependencies: ["ConcordModel", "ConcordText", "ConcordTerminology"]),
        .target(
            name: "Concord",
            dependencies: ["ConcordModel", "ConcordFormats", "ConcordText", "ConcordXML", "ConcordSegmentation", "ConcordTerminology", "ConcordMemory",
                           "ConcordAlignment", "ConcordChecks"],
            resources: [.copy("Resources/default.srx"), .copy("Resources/sco.tbx")]
        ),
        .executableTarget(
            name: "concord",
            // The CLI sees the service layer only (and the argument parser).
            dependencies: [
                "Concord",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .target(name: "ConcordTestSupport", path: "Tests/ConcordTestSupport"),
        .testTarget(name: "ConcordXMLTests", dependencies: ["ConcordXML", "ConcordTestSupport"]),
        .testTarget(name: "ConcordTextTests", dependencies: ["ConcordText"]),
        .testTarget(name: "ConcordModelTests", dependencies: ["ConcordModel"]),
        .testTarget(name: "ConcordFormatsTests", dependencies: ["ConcordFormats", "ConcordTestSupport"]),
        .testTarget(
            name: "ConcordTerminologyTests",
            dependencies: ["ConcordTerminology", "ConcordFormats", "ConcordTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ConcordMemoryTests", dependencies: ["ConcordMemory", "ConcordTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ConcordSegmentationTests", dependencies: ["ConcordSegmentation", "ConcordFormats", "ConcordTestSupport"]),
        .testTarget(name: "ConcordAlignmentTests", dependencies: ["ConcordAlignment", "ConcordTestSupport"]),
        .testTarget(name: "ConcordChecksTests", dependencies: ["ConcordChecks", "ConcordFormats", "ConcordTestSupport"]),
        .testTarget(name: "ArchitectureTests", dependencies: ["ConcordTestSupport"]),
        // The workflows called in-process, as the CLI and the server call them.
        .testTarget(name: "ConcordTests", dependencies: ["Concord", "ConcordTestSupport"]),
        .testTarget(name: "concordTests", dependencies: ["ConcordTestSupport", "concord"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
