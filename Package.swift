// swift-tools-version:6.1
// 履职 (Lvzhi): the platform for the daily work of a CPPCC office.
// Layout and the plugin contract: docs/architecture.md.
import PackageDescription

let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// The targets of a module, all in its folder `Plugins/<name>/`: the library (`Sources/`: model,
/// schema, stores, workflow, queries, script API), its command group for `lvzhi` (`Commands/`,
/// registered in Sources/lvzhi/BuiltinModules.swift) and its tests (`Tests/`).
func module(_ name: String, dependencies: [Target.Dependency] = []) -> [Target] {
    [
        .target(name: name, dependencies: ["LvzhiCore", "LvzhiStorage", grdb] + dependencies, path: "Plugins/\(name)/Sources"),
        .target(name: "\(name)Commands", dependencies: [.target(name: name), "LvzhiCommandLine", "LvzhiCore", "LvzhiStorage", "LvzhiScript",
                                                       argumentParser, grdb],
                path: "Plugins/\(name)/Commands"),
        .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "LvzhiStorage", "LvzhiCore", "LvzhiTestSupport", grdb],
                    path: "Plugins/\(name)/Tests"),
    ]
}

let package = Package(
    name: "Lvzhi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lvzhi", targets: ["lvzhi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Lua 5.4 from Debian's liblua5.4-dev, and the C layer Swift cannot do itself.
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        // Line editing for the console from Debian's libedit-dev.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Excel .xlsx output from Debian's libxlsxwriter-dev.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Entities, rules, the plugin contract, permissions, errors. No I/O.
        .target(
            name: "LvzhiCore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The SQLite database, migrations, the audit trail and the stores of core records.
        .target(
            name: "LvzhiStorage",
            dependencies: [
                "LvzhiCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Realistic demo data: the Ordos city office and its nine districts.
        .target(
            name: "LvzhiDemo",
            dependencies: ["LvzhiCore", "LvzhiStorage", "Notices", "Proposals", "Archive", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Seeds")]
        ),
        // The Lua engine: sandbox, limits, the `lvzhi` API, script runs.
        .target(
            name: "LvzhiScript",
            dependencies: ["CLua", "CLuaShim", "CXlsxWriter", "LvzhiCore", "LvzhiStorage",
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "CSV", package: "CSV.swift")]
        ),
        // The benchmark of the Lua bridge and the limits (scripts/bench).
        .executableTarget(name: "lvzhi-bench", dependencies: ["LvzhiScript", "LvzhiCore", "LvzhiStorage", "Proposals", "CLua", "CLuaShim",
                                                            .product(name: "GRDB", package: "GRDB.swift")], path: "Sources/LvzhiBench"),
        // The benchmark of the Chinese full-text index against a plain FTS5 trigram table, and of the
        // archive's search as users run it against the bare FTS5 MATCH (scripts/bench-search).
        .executableTarget(name: "lvzhi-search-bench", dependencies: ["LvzhiStorage", "LvzhiCore", "Archive", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "Sources/LvzhiSearchBench"),
        // What every command group shares: the database and identity options, output, progress, input files,
        // and the list of registered modules that `lvzhi` installs at start-up.
        .target(name: "LvzhiCommandLine", dependencies: ["LvzhiCore", "LvzhiStorage", "LvzhiScript", argumentParser, grdb]),
        // The command-line executable.
        .executableTarget(
            name: "lvzhi",
            dependencies: [
                "LvzhiCore", "LvzhiStorage", "LvzhiScript", "LvzhiDemo", "LvzhiCommandLine", "CEditLine",
                "Notices", "Proposals", "Archive", "NoticesCommands", "ProposalsCommands", "ArchiveCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // What several test targets share: a scratch database.
        .target(name: "LvzhiTestSupport", dependencies: ["LvzhiCore", "LvzhiStorage"], path: "Tests/LvzhiTestSupport"),
        .testTarget(name: "LvzhiCoreTests", dependencies: ["LvzhiCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "LvzhiStorageTests",
            dependencies: ["LvzhiStorage", "LvzhiCore", "Notices", "Archive", "LvzhiDemo", "LvzhiTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LvzhiScriptTests", dependencies: ["LvzhiScript", "LvzhiStorage", "LvzhiCore", "Notices", "CLua", "CLuaShim", "LvzhiTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LvzhiCore", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)

// The built-in modules. Adding one: its folder, a line here, and a line in Sources/lvzhi/BuiltinModules.swift.
// 通知公告: a small module that proves the contract end to end (the worked example of docs/architecture.md).
package.targets += module("Notices")
// 提案: proposals from drafting to the proposers' rating.
package.targets += module("Proposals")
// 文史资料: the literary-historical archive.
package.targets += module("Archive", dependencies: [.product(name: "CSV", package: "CSV.swift"), .product(name: "Crypto", package: "swift-crypto")])
