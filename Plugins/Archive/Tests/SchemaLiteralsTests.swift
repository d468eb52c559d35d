import Foundation
import GRDB
import Testing
import Archive
import LvzhiCore

/// A shipped migration must never change: it runs once per database file, so a migration that
/// read a live enum (`Role.allCases`) would give new files a different schema from old ones the
/// day a case is added. Migrations spell their fixed values as literals; these tests keep them so,
/// and tell when an enum has a value the schema does not accept yet (it needs a new migration).
@Suite("迁移只用字面值；枚举的每个取值都被数据库接受")
struct SchemaLiteralsTests {
    /// The package folder (where Sources/ and Plugins/ are; this file is in Plugins/Archive/Tests).
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("迁移的源文件中没有 allCases、rawValue（不依赖会变的类型）")
    func migrationsUseLiterals() throws {
        let fm = FileManager.default
        var files = try fm.contentsOfDirectory(atPath: Self.package.appendingPathComponent("Sources/LvzhiStorage/Migrations").path)
            .map { "Sources/LvzhiStorage/Migrations/\($0)" }
        for plugin in try fm.contentsOfDirectory(atPath: Self.package.appendingPathComponent("Plugins").path) {
            let folder = "Plugins/\(plugin)/Sources"
            files += try fm.contentsOfDirectory(atPath: Self.package.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix("Schema.swift") }.map { "\(folder)/\($0)" }
        }
        #expect(files.count >= 5, "\(files)")
        for file in files {
            let text = try String(contentsOf: Self.package.appendingPathComponent(file), encoding: .utf8)
            for word in ["allCases", "rawValue"] { #expect(!text.contains(word), "\(file) 的迁移用到了 \(word)：请写出字面值") }
        }
    }

    @Test("每个取值受限的列：枚举现有的每个值都在表的 CHECK 中")
    func everyEnumValueIsAccepted() throws {
        let f = try ArchiveFixture(label: "schema-literals")
        let columns: [(table: String, values: [String])] = [
            ("archive_accessions", ProcessingStatus.allCases.map(\.rawValue)),
            ("archive_submissions", SubmissionStatus.allCases.map(\.rawValue)),
            ("archive_units", DescriptionLevel.allCases.map(\.rawValue)),
            ("archive_agent_links", AgentRole.allCases.map(\.rawValue)),
            ("archive_reviews", EditorialDecision.allCases.map(\.rawValue)),
            ("archive_exhibition_items", ExhibitForm.allCases.map(\.rawValue)),
            ("archive_use_requests", UseKind.allCases.map(\.rawValue) + UseRequestStatus.allCases.map(\.rawValue)),
            ("archive_files", FileUse.allCases.map(\.rawValue) + FixityOutcome.allCases.map(\.rawValue)),
            ("archive_fixity_events", FixityOutcome.allCases.map(\.rawValue)),
            ("role_grants", Role.allCases.map(\.rawValue)),
        ]
        for (table, values) in columns {
            let sql = try #require(try f.host.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) })
            for value in values {
                #expect(sql.contains("'\(value)'"), "\(table) 不接受「\(value)」：新的取值要用一个新的迁移加进 CHECK")
            }
        }
    }
}
