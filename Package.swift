// swift-tools-version:6.0
import PackageDescription

/// The node binaries (`multinet`, `multinet-inspect`) are copied onto hosts that promise
/// nothing but glibc (Flatcar, Bottlerocket, a busybox image): they link the Swift runtime,
/// SQLite, ncursesw, zlib, libstdc++ and libgcc statically. `ldd` lists only glibc's
/// libraries (`PluginLinkageTests`); `HiddenLibrariesTests` runs them with the toolchain
/// and those libraries hidden.
///
/// C libraries: `StaticLibraries/` holds one-line linker scripts named like the shared
/// libraries (`libsqlite3.so` says `INPUT(libsqlite3.a)`) and is searched first, so every
/// `-lsqlite3`, `-lstdc++`, `-lz`, `-lncursesw` of the link (module maps, the toolchain's
/// `static-stdlib-args.lnk`) takes Debian's static archive instead; one more library is
/// one more script there (see its README.md).
func nodeBinary(swiftLibraries: [String]) -> [LinkerSetting] {
    [
        .unsafeFlags([
            "-static-stdlib",
            "-L", Context.packageDirectory + "/StaticLibraries",
            "-Xclang-linker", "-static-libgcc",
            // SwiftPM compiles against the shared runtime's module files, which do not name
            // the static libraries behind Foundation, so they are listed here, in one group
            // with libstdc++ (ICU is C++; the toolchain's own -lstdc++ comes before them).
            "-Xlinker", "--start-group",
        ] + (swiftLibraries + ["stdc++"]).flatMap { ["-Xlinker", "-l" + $0] } + [
            "-Xlinker", "--end-group",
            // A position-dependent executable: the loader then has ~70,000 fewer relative
            // relocations to apply (and pages to copy) on every start, about 2.5 ms of CPU.
            "-Xclang-linker", "-no-pie",
        ], .when(platforms: [.linux])),
    ]
}

/// The plugin starts on every pod's critical path: nothing it links may import full
/// Foundation (only `FoundationEssentials`, which AsyncHTTPClient imports);
/// `PluginLinkageTests` fails the build's tests if something does.
let pluginLinking = nodeBinary(swiftLibraries: ["FoundationEssentials", "_FoundationCShims", "_FoundationCollections"])

/// The inspector imports Foundation: all of it, with ICU and its data, inside the binary.
let inspectorLinking = nodeBinary(swiftLibraries: [
    "Foundation", "FoundationInternationalization", "FoundationEssentials", "_FoundationICU", "_FoundationCShims",
    "_FoundationCollections", "CoreFoundation", "swiftDispatch", "dispatch", "BlocksRuntime", "swiftSynchronization",
])

let package = Package(
    name: "multinet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "multinet", targets: ["multinet"]),
        .executable(name: "multinet-inspect", targets: ["multinet-inspect"]),
        .executable(name: "multinet-agent", targets: ["multinet-agent"]),
        .executable(name: "multinet-demo", targets: ["multinet-demo"]),
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
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CNCursesw", path: "Sources/CNCursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", providers: [.apt(["libyaml-dev"])]),
        // The layers, bottom up. Each target names only what it uses; `PackageGraphTests`
        // fails on an edge the layering forbids (docs/ARCHITECTURE.md §1).
        .target(name: "MultinetJSON"),
        .target(name: "MultinetCNI", dependencies: ["MultinetJSON"]),
        .target(name: "MultinetSystem"),
        .target(name: "MultinetYAML", dependencies: ["MultinetJSON", "CYAML"]),
        .target(name: "MultinetModel", dependencies: ["MultinetJSON", "MultinetCNI"]),
        .target(name: "MultinetKubeAPI", dependencies: ["MultinetJSON", "MultinetModel"]),
        .target(
            name: "MultinetPlanning",
            dependencies: ["MultinetJSON", "MultinetCNI", "MultinetModel", "MultinetKubeAPI", "MultinetSystem"]
        ),
        .target(name: "MultinetCheckpoint", dependencies: ["MultinetSystem", "CSQLite"]),
        .target(
            name: "MultinetKube",
            dependencies: [
                "MultinetJSON", "MultinetYAML", "MultinetKubeAPI", "MultinetSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "MultinetNetlink", dependencies: ["MultinetCNI", "MultinetSystem"]),
        .target(
            name: "MultinetCore",
            dependencies: [
                "MultinetJSON", "MultinetCNI", "MultinetSystem", "MultinetModel", "MultinetKubeAPI",
                "MultinetPlanning", "MultinetCheckpoint", "MultinetKube", "MultinetNetlink",
                .product(name: "Logging", package: "swift-log"),
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
            dependencies: [
                "MultinetCore", "MultinetCNI", "MultinetPlanning", "MultinetSystem",
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: pluginLinking
        ),
        .target(
            name: "MultinetInspector",
            dependencies: [
                "MultinetCore", "MultinetJSON", "MultinetCNI", "MultinetSystem", "MultinetYAML", "MultinetKubeAPI",
                "MultinetPlanning", "MultinetCheckpoint", "MultinetKube",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "multinet-inspect",
            dependencies: [
                "CNCursesw", "MultinetCore", "MultinetInspector", "MultinetCheckpoint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: inspectorLinking
        ),
        // The node agent's library: the reconcile loop as a pure step, metrics, the HTTP
        // endpoints and the runtime that reads and acts; the binary is a thin main over it.
        .target(
            name: "MultinetAgent",
            dependencies: [
                "MultinetCore", "MultinetJSON", "MultinetCheckpoint", "MultinetKube", "MultinetKubeAPI", "MultinetModel",
                "MultinetPlanning",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "multinet-agent",
            dependencies: [
                "MultinetAgent", "MultinetCore", "MultinetKube", "MultinetSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: pluginLinking
        ),
        // `multinet-inspect demo` execs it; built with the rest, never installed on nodes.
        .executableTarget(
            name: "multinet-demo",
            dependencies: [
                "MultinetCore", "MultinetJSON", "MultinetCNI", "MultinetPlanning", "MultinetCheckpoint", "KubeAPIServerDouble",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "MultinetBenchmark"),
        .executableTarget(
            name: "multinet-bench",
            dependencies: [
                "MultinetBenchmark", "MultinetCore", "MultinetInspector", "MultinetJSON", "MultinetSystem",
                "MultinetKubeAPI", "MultinetCheckpoint", "MultinetKube", "KubeAPIServerDouble",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "MultinetTestSupport",
            dependencies: [
                "MultinetJSON", "MultinetCNI", "MultinetCheckpoint", "KubeAPIServerDouble",
            ],
            path: "Tests/MultinetTestSupport"
        ),
        // What the fuzz targets check for any input, shared with the corpus replay test;
        // only the pure layers, so the fuzz build (below) needs nothing else.
        .target(
            name: "MultinetFuzzProperties",
            dependencies: ["MultinetJSON", "MultinetCNI", "MultinetYAML", "MultinetModel", "MultinetKubeAPI", "MultinetPlanning"],
            path: "Tests/MultinetFuzzProperties"
        ),
        // One test target per module, bottom up; all share MultinetTestSupport.
        .testTarget(name: "MultinetJSONTests", dependencies: ["MultinetJSON"]),
        .testTarget(name: "MultinetCNITests", dependencies: ["MultinetCNI", "MultinetJSON", "MultinetTestSupport"]),
        .testTarget(name: "MultinetSystemTests", dependencies: ["MultinetSystem", "MultinetCNI"]),
        .testTarget(name: "MultinetYAMLTests", dependencies: ["MultinetYAML", "MultinetJSON"]),
        .testTarget(name: "MultinetModelTests", dependencies: ["MultinetModel", "MultinetCNI"]),
        .testTarget(
            name: "MultinetPlanningTests",
            dependencies: [
                "MultinetPlanning", "MultinetJSON", "MultinetCNI", "MultinetModel", "MultinetTestSupport",
            ]
        ),
        .testTarget(
            name: "MultinetCheckpointTests",
            dependencies: [
                "MultinetCheckpoint", "MultinetSystem", "MultinetTestSupport",
            ]
        ),
        .testTarget(
            name: "MultinetKubeTests",
            dependencies: [
                "MultinetKube", "MultinetJSON", "MultinetSystem", "MultinetKubeAPI", "MultinetModel", "MultinetTestSupport",
                "KubeAPIServerDouble",
            ]
        ),
        .testTarget(name: "MultinetNetlinkTests", dependencies: ["MultinetNetlink", "MultinetCNI"]),
        .testTarget(
            name: "MultinetCoreTests",
            dependencies: [
                "MultinetCore", "MultinetJSON", "MultinetCNI", "MultinetSystem", "MultinetModel",
                "MultinetKubeAPI", "MultinetPlanning", "MultinetCheckpoint", "MultinetKube", "MultinetNetlink",
                "MultinetFuzzProperties", "MultinetTestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MultinetInspectorTests",
            dependencies: [
                "MultinetInspector", "MultinetJSON", "MultinetCNI", "MultinetSystem", "MultinetKubeAPI",
                "MultinetCheckpoint", "MultinetCore", "MultinetNetlink", "MultinetTestSupport", "KubeAPIServerDouble",
            ]
        ),
        .testTarget(
            name: "MultinetAgentTests",
            dependencies: [
                "MultinetAgent", "MultinetCore", "MultinetCheckpoint", "MultinetJSON", "MultinetKubeAPI", "MultinetPlanning", "MultinetTestSupport",
            ]
        ),
        .testTarget(
            name: "KubeAPIServerDoubleTests",
            dependencies: ["KubeAPIServerDouble", "MultinetJSON", "MultinetYAML", "MultinetTestSupport"]
        ),
        .testTarget(
            name: "MultinetBenchmarkTests",
            dependencies: ["MultinetBenchmark"]
        ),
        .testTarget(
            name: "MultinetEndToEndTests",
            dependencies: [
                "MultinetCore", "MultinetJSON", "MultinetCNI", "MultinetKubeAPI", "MultinetCheckpoint",
                "MultinetNetlink", "MultinetTestSupport", "KubeAPIServerDouble",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// `scripts/fuzz` builds the libFuzzer binary through SwiftPM with `MULTINET_FUZZ=1` and
/// `--sanitize fuzzer -Xswiftc -sanitize=fuzzer,address`; the target exists only then, so an ordinary
/// build never links an executable whose `main` is libFuzzer's driver. It depends on the
/// properties alone, and so on the pure layers only.
if Context.environment["MULTINET_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "multinet-fuzz",
        dependencies: ["MultinetFuzzProperties"],
        path: "Fuzz",
        exclude: ["Corpus", "Dictionaries"]
    ))
    package.products.append(.executable(name: "multinet-fuzz", targets: ["multinet-fuzz"]))
}

/// CI (`.ci/run`) builds the project's own targets with warnings as errors by setting
/// `MULTINET_WARNINGS_AS_ERRORS=1`; the dependencies' warnings are theirs and stay warnings.
/// Locally a warning stays a warning, so work in progress still builds.
if Context.environment["MULTINET_WARNINGS_AS_ERRORS"] == "1" {
    for target in package.targets where target.type != .system {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
    }
}
