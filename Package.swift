// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "AdvisorConsole",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "advisor", targets: ["advisor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The one sanitizer: what text may never carry to a terminal (used by ServiceDomain and ScreenKit).
        .target(name: "SafeText"),
        // Pure rules of the service department: no I/O, no clock.
        .target(name: "ServiceDomain", dependencies: ["SafeText"]),
        // The only code that touches the SQLite file.
        .target(name: "ServiceStore", dependencies: [
            "ServiceDomain",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Deterministic, realistic shop data: the demo shop and the benchmark datasets.
        .target(name: "ShopFixtures", dependencies: ["ServiceDomain", "ServiceStore"]),
        // Shared by the test targets only: the hostile-input corpus.
        .target(name: "TestSupport"),
        // Cells, widths, buffers, widgets: knows nothing of cars.
        .target(name: "ScreenKit", dependencies: ["SafeText"]),
        // State, actions, reducer, key map, themes, string catalog.
        .target(name: "ConsoleCore", dependencies: ["ServiceDomain", "ScreenKit"]),
        // view(state, size) -> ScreenBuffer, one file per panel.
        .target(name: "ConsoleUI", dependencies: ["ConsoleCore", "ScreenKit", "ServiceDomain"]),
        // The run loop and the effects (store work) of every panel, over any TerminalBackend.
        .target(name: "ConsoleApp", dependencies: ["ConsoleCore", "ConsoleUI", "ScreenKit", "ServiceDomain", "ServiceStore"]),
        // No pkgConfig: the module map links ncursesw and tinfo, and the shim sets the feature macros that
        // ncursesw.pc would pass (SwiftPM refuses its -D flags with a warning on every build).
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // libxcrypt: yescrypt PIN hashes through crypt_r.
        .systemLibrary(name: "CCrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(name: "NCursesBackend", dependencies: ["CNCurses", "ScreenKit"]),
        .executableTarget(name: "advisor", dependencies: [
            "ServiceDomain", "ServiceStore", "ShopFixtures", "ScreenKit", "ConsoleCore", "ConsoleUI", "ConsoleApp",
            "NCursesBackend", "CCrypt",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks (release build): `swift run -c release advisor-bench --size small|medium|large`.
        .executableTarget(name: "advisor-bench", dependencies: [
            "ServiceDomain", "ServiceStore", "ShopFixtures", "ScreenKit", "ConsoleCore", "ConsoleUI", "ConsoleApp",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "ServiceDomainTests", dependencies: ["TestSupport", "ServiceDomain"]),
        .testTarget(name: "ServiceStoreTests", dependencies: ["TestSupport", "ServiceStore", "ServiceDomain"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "ShopFixturesTests", dependencies: ["ShopFixtures", "ServiceStore", "ServiceDomain"]),
        .testTarget(name: "ScreenKitTests", dependencies: ["TestSupport", "ScreenKit"]),
        .testTarget(name: "NCursesBackendTests", dependencies: ["NCursesBackend", "ScreenKit"]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "ServiceDomain", "ScreenKit"]),
        .testTarget(name: "ConsoleUITests", dependencies: ["TestSupport", "ConsoleUI", "ConsoleCore", "ScreenKit", "ServiceDomain"],
                    exclude: ["__Snapshots__"]),
        // The run loop over TestBackend and a real store: effects beside the loop, stale results dropped.
        .testTarget(name: "ConsoleAppTests", dependencies: ["ConsoleApp", "ConsoleCore", "ScreenKit", "ServiceDomain", "ServiceStore"]),
        // Runs the built `advisor` binary in tmux; needs the executable built first.
        .testTarget(name: "EndToEndTests", dependencies: ["advisor", "TestSupport", "ServiceStore", "ServiceDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
