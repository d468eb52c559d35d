import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Archive

/// A small archive on a real SQLite file: the city office with its fifth term, two members,
/// the archive module enabled, an archivist (`dangan`), a staff user (`staff`) and a member's
/// user (`weiyuan`, member 0).
final class ArchiveFixture {
    let scratch: ScratchDatabase
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }
    var members: [Int64] = []

    init(label: String, plugins: [PluginManifest] = [ArchivePlugin.manifest]) throws {
        scratch = try ScratchDatabase(plugins: plugins, label: label)
        try scratch.office("ordos", "政协鄂尔多斯市委员会", term: 5)
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "文化艺术界")
        for name in ["王文", "乌云"] {
            members.append(try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: name, gender: "女", sector: "文化艺术界")).id!)
        }
        try ModuleStore(host: host, context: admin).enable(ArchivePlugin.id, officeCode: "ordos")
        try scratch.user("dangan", .archivist, in: "ordos")
        try scratch.user("staff", .staff, in: "ordos")
        try scratch.user("weiyuan", .member, in: "ordos", memberID: members[0])
    }

    /// Runs `body` in one audited transaction as `username`.
    func write<T>(_ username: String = "dangan", _ body: (AuditedTransaction) throws -> T) throws -> T {
        try host.write(as: try host.context(for: username), body)
    }

    /// Reads as `username`.
    func read<T>(_ username: String = "dangan", _ body: (AccessContext, Database) throws -> T) throws -> T {
        let context = try host.context(for: username)
        return try host.read { db in try body(context, db) }
    }

    /// Adds a unit as the archivist.
    @discardableResult
    func unit(_ level: String, _ code: String, _ title: String, parent: Int64? = nil, body: String? = nil, summary: String? = nil,
              secrecy: String? = nil, openness: String? = nil, accession: Int64? = nil) throws -> DescriptionUnit {
        try write { tx in
            try DescriptionStore.add(officeCode: "ordos", UnitInput(level: level, parentID: parent, referenceCode: code, title: title,
                                                                   summary: summary, secrecy: secrecy, openness: openness, accessionID: accession, body: body), tx: tx)
        }
    }

    /// The real documents of `../shared/seeds/` (copied into the project as the demo's data): file name → text.
    static func seeds() throws -> [(name: String, text: String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/LvzhiDemo/Seeds")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// Every row of the archive's tables, as text.
    func snapshot() throws -> String {
        try host.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'archive%' OR name IN ('audit_log', 'duty_records')) ORDER BY name")
            return try tables.map { try Row.fetchAll(db, sql: "SELECT * FROM \"\($0)\" ORDER BY 1").description }.joined(separator: "\n")
        }
    }
}
