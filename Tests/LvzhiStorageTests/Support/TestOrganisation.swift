import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
import Notices

/// A real SQLite file in a fresh temporary folder with a small organisation in it:
/// the city `ordos` and its district `dongsheng`, a current term, three committees
/// (提案委员会 and 文化文史和学习委员会 may draw), three activity groups and their sectors.
///
/// | group | committee | sectors |
/// | --- | --- | --- |
/// | 第一组 | 经济委员会 | 经济界 |
/// | 第二组 | 提案委员会 | 中共 |
/// | 第三组 | 办公室 (none) | 文化艺术界 |
final class TestOrganisation {
    let scratch: ScratchDatabase
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }

    init(plugins: [PluginManifest] = [NoticesPlugin.manifest]) throws {
        scratch = try ScratchDatabase(plugins: plugins, label: "storage")
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        try OfficeStore(host: host, context: admin).add(code: "dongsheng", name: "政协鄂尔多斯市东胜区委员会", parentCode: "ordos")
        for office in ["ordos", "dongsheng"] {
            _ = try TermStore(host: host, context: admin).add(officeCode: office, number: 5, startsOn: "2022-01-06")
            let committees = CommitteeStore(host: host, context: admin)
            try committees.add(officeCode: office, code: "proposals", name: "提案委员会", drawsFromOtherGroups: true)
            try committees.add(officeCode: office, code: "economy", name: "经济委员会")
            try committees.add(officeCode: office, code: "culture", name: "文化文史和学习委员会", drawsFromOtherGroups: true)
            let groups = ActivityGroupStore(host: host, context: admin)
            try groups.add(officeCode: office, name: "第一组", committeeCode: "economy")
            try groups.add(officeCode: office, name: "第二组", committeeCode: "proposals")
            try groups.add(officeCode: office, name: "第三组")
            let sectors = SectorStore(host: host, context: admin)
            try sectors.add(officeCode: office, name: "经济界", groupName: "第一组")
            try sectors.add(officeCode: office, name: "中共", groupName: "第二组")
            try sectors.add(officeCode: office, name: "文化艺术界", groupName: "第三组")
        }
    }

    /// The acting context of `username`.
    func context(_ username: String) throws -> AccessContext { try host.context(for: username) }

    /// Adds a user with `role` in `office` and returns his context.
    func user(_ username: String, _ role: Role, in office: String, memberID: Int64? = nil) throws -> AccessContext {
        try UserStore(host: host, context: admin).add(username: username, displayName: username, officeCode: office, role: role, memberID: memberID)
        return try context(username)
    }

    /// Adds a member through the store, as `member add` does.
    @discardableResult
    func member(_ name: String, sector: String = "经济界", office: String = "ordos", mobile: String? = nil, as context: AccessContext? = nil) throws -> Member {
        try MemberStore(host: host, context: context ?? admin)
            .add(officeCode: office, MemberInput(name: name, gender: "男", birthDate: "1970-01-01", sector: sector, mobile: mobile))
    }

    /// Rows of a table, counted straight from the file.
    func count(_ table: String) throws -> Int {
        try host.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// The whole database as text (every row of every table), to prove that a refused operation changed nothing.
    func snapshot() throws -> String {
        try host.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
                return table + ":\n" + rows.map(\.description).joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    /// Bytes of a file in `Fixtures/`.
    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw LvzhiError.notFound("测试文件", name)
        }
        return try Data(contentsOf: url)
    }
}
