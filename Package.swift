// swift-tools-version:6.0
import PackageDescription

/// Release builds of the plugin link the Swift runtime statically: it starts on every
/// pod's critical path and must not depend on a Swift toolchain being on the node.
///
/// Nothing the plugin links may import full Foundation (only `FoundationEssentials`):
/// `PluginLinkageTests` fails the build's tests if something does.
let staticStdlib: [LinkerSetting] = [
    .unsafeFlags([
        "-static-stdlib",
        // AsyncHTTPClient imports FoundationEssentials; SwiftPM compiles against the shared
        // runtime's module files, which do not name its static dependencies, so they are
        // listed here. (Full Foundation stays out: nothing the plugin links imports it.)
        "-Xlinker", "--start-group",
        "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections",
        "-Xlinker", "--end-group",
        // A position-dependent executable: the loader then has ~70,000 fewer relative
        // relocations to apply (and pages to copy) on every start, about 2.5 ms of CPU.
        "-Xclang-linker", "-no-pie",
    ], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "multinet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "multinet", targets: ["multinet"]),
        .executable(name: "multinet-inspect", targets: ["multinet-inspect"]),
        .executable(name: "multinet-bench", targets: ["multinet-bench"]),
        .library(name: "MultinetCore", targets: ["MultinetCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CNCursesw", path: "Sources/CNCursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", providers: [.apt(["libyaml-dev"])]),
        .target(
            name: "MultinetCore",
            dependencies: [
                "CSQLite",
                "CYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "KubeAPIServerDouble",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "multinet",
            dependencies: ["MultinetCore"],
            linkerSettings: staticStdlib
        ),
        .target(
            name: "MultinetInspector",
            dependencies: [
                "MultinetCore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "multinet-inspect",
            dependencies: [
                "CNCursesw",
                "MultinetCore",
                "MultinetInspector",
                "KubeAPIServerDouble",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "MultinetBenchmark"),
        .executableTarget(
            name: "multinet-bench",
            dependencies: [
                "MultinetBenchmark", "MultinetCore", "MultinetInspector", "KubeAPIServerDouble",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "MultinetTestSupport",
            dependencies: ["MultinetCore", "KubeAPIServerDouble"],
            path: "Tests/MultinetTestSupport"
        ),
        .testTarget(
            name: "MultinetCoreTests",
            dependencies: ["MultinetCore", "MultinetTestSupport", "KubeAPIServerDouble"]
        ),
        .testTarget(
            name: "MultinetInspectorTests",
            dependencies: ["MultinetInspector", "MultinetCore", "MultinetTestSupport", "KubeAPIServerDouble"]
        ),
        .testTarget(
            name: "KubeAPIServerDoubleTests",
            dependencies: ["KubeAPIServerDouble", "MultinetTestSupport"]
        ),
        .testTarget(
            name: "MultinetBenchmarkTests",
            dependencies: ["MultinetBenchmark"]
        ),
        .testTarget(
            name: "MultinetEndToEndTests",
            dependencies: ["MultinetCore", "MultinetTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
