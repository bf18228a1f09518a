// swift-tools-version:6.0
import PackageDescription

/// Release builds of the plugin link the Swift runtime statically: it starts on every
/// pod's critical path and must not depend on a Swift toolchain being on the node.
let staticStdlib: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "multinet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "multinet", targets: ["multinet"]),
        .executable(name: "multinet-inspect", targets: ["multinet-inspect"]),
        .library(name: "MultinetCore", targets: ["MultinetCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "MultinetCore",
            dependencies: [
                "CSQLite",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "multinet",
            dependencies: ["MultinetCore"],
            linkerSettings: staticStdlib
        ),
        .executableTarget(
            name: "multinet-inspect",
            dependencies: [
                "MultinetCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "MultinetTestSupport",
            dependencies: ["MultinetCore"],
            path: "Tests/MultinetTestSupport"
        ),
        .testTarget(
            name: "MultinetCoreTests",
            dependencies: ["MultinetCore", "MultinetTestSupport"]
        ),
        .testTarget(
            name: "MultinetEndToEndTests",
            dependencies: ["MultinetCore", "MultinetTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
