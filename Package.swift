// swift-tools-version:6.1
// 履职 (Lvzhi): the platform for the daily work of a CPPCC office.
// Layout and the plugin contract: docs/architecture.md.
import PackageDescription

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
        // A small built-in module (通知公告) that proves the plugin contract end to end.
        .target(
            name: "Notices",
            dependencies: ["LvzhiCore", "LvzhiStorage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Plugins/Notices"
        ),
        // 提案: proposals from drafting to the proposers' rating.
        .target(
            name: "Proposals",
            dependencies: ["LvzhiCore", "LvzhiStorage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Plugins/Proposals"
        ),
        // 文史资料: the literary-historical archive.
        .target(
            name: "Archive",
            dependencies: ["LvzhiCore", "LvzhiStorage", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "CSV", package: "CSV.swift"), .product(name: "Crypto", package: "swift-crypto")],
            path: "Plugins/Archive"
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
        // The command-line executable.
        .executableTarget(
            name: "lvzhi",
            dependencies: [
                "LvzhiCore", "LvzhiStorage", "LvzhiScript", "LvzhiDemo", "Notices", "Proposals", "Archive", "CEditLine",
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
        .testTarget(name: "NoticesTests", dependencies: ["Notices", "LvzhiStorage", "LvzhiCore", "LvzhiTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LvzhiScriptTests", dependencies: ["LvzhiScript", "LvzhiStorage", "LvzhiCore", "Notices", "CLua", "CLuaShim", "LvzhiTestSupport"]),
        .testTarget(name: "ProposalsTests", dependencies: ["Proposals", "LvzhiStorage", "LvzhiCore", "LvzhiTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "LvzhiStorage", "LvzhiCore", "LvzhiTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EndToEndTests", dependencies: ["LvzhiCore", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
