import Foundation
import GRDB
import Testing
import LvzhiCore
@testable import LvzhiStorage

/// Member import from the CSV files Chinese offices keep (UTF-8, UTF-8 with BOM, GB18030).
@Suite("名册导入")
struct RosterImportTests {
    func importer(_ org: TestOrganisation) -> RosterImport { RosterImport(host: org.host, context: org.admin) }

    @Test("GB18030（中文版 Excel 另存的 CSV）：自动识别，CRLF 行尾，未知列报告")
    func gb18030() throws {
        let org = try TestOrganisation()
        let data = try TestOrganisation.fixture("roster-gb18030.csv")
        #expect(String(data: data, encoding: .utf8) == nil, "测试文件应当确实不是 UTF-8")
        var progress: [Int] = []
        let outcome = try importer(org).run(data: data, source: "roster-gb18030.csv", officeCode: "ordos") { done, _ in progress.append(done) }
        #expect(outcome.imported == 3)
        #expect(outcome.encoding.contains("GB18030"))
        #expect(outcome.unknownColumns == ["序号"])
        #expect(progress.last == 3)
        let members = try MemberStore(host: org.host, context: org.admin).list(officeCode: "ordos")
        let ulan = try #require(members.first { $0.name == "乌兰其其格" })
        #expect(ulan.ethnicity == "蒙古族")
        #expect(ulan.birthDate == "1972-05-08")
        #expect(ulan.roles == ["常委"])
        #expect(ulan.mobile == "13904771234")
        #expect(members.first { $0.name == "奇巴特尔" }?.birthDate == "1975-03-04")
        #expect(members.first { $0.name == "郝建军" }?.roles == ["召集人"])
    }

    @Test("GB18030 也可以显式指定；把 GB18030 文件当 UTF-8 读会被拒绝并提示")
    func explicitEncodings() throws {
        let org = try TestOrganisation()
        let data = try TestOrganisation.fixture("roster-gb18030.csv")
        let error = #expect(throws: LvzhiError.self) {
            try importer(org).run(data: data, source: "roster-gb18030.csv", officeCode: "ordos", encoding: .utf8)
        }
        #expect(error?.hint?.contains("gb18030") == true)
        #expect(try org.count("members") == 0)
        #expect(try importer(org).run(data: data, source: "x.csv", officeCode: "ordos", encoding: .gb18030).imported == 3)
    }

    @Test("UTF-8 带 BOM，列顺序任意；同名委员照常导入")
    func utf8WithBOM() throws {
        let org = try TestOrganisation()
        let outcome = try importer(org).run(data: try TestOrganisation.fixture("roster-utf8-bom.csv"), source: "bom.csv", officeCode: "ordos")
        #expect(outcome.imported == 2)
        #expect(outcome.unknownColumns.isEmpty)
        let names = try MemberStore(host: org.host, context: org.admin).list(officeCode: "ordos").map(\.name)
        #expect(names == ["张伟", "张伟"])
    }

    @Test("坏行全部列出（行号、字段、原值），然后一条也不导入")
    func badRowsRejectAll() throws {
        let org = try TestOrganisation()
        let before = try org.snapshot()
        let error = #expect(throws: LvzhiError.self) {
            try importer(org).run(data: try TestOrganisation.fixture("roster-bad.csv"), source: "bad.csv", officeCode: "ordos")
        }
        let details = error?.details ?? []
        #expect(error?.code == .importRejected)
        #expect(error?.message.contains("未导入任何委员") == true)
        #expect(details.contains { $0.hasPrefix("第3行 姓名") })
        #expect(details.contains { $0.hasPrefix("第4行 出生日期「1970-02-30」") })
        #expect(details.contains { $0.hasPrefix("第5行 性别「未知」") })
        #expect(details.contains { $0.hasPrefix("第6行 手机「1234567」") })
        #expect(details.contains { $0.hasPrefix("第7行 界别「不存在的界别」") })
        #expect(!details.contains { $0.hasPrefix("第2行") }, "好的行不应被报告")
        #expect(try org.snapshot() == before)
    }

    @Test("--dry-run 只检查不写入；缺少必需列、空文件被拒绝")
    func dryRunAndStructure() throws {
        let org = try TestOrganisation()
        let data = try TestOrganisation.fixture("roster-utf8-bom.csv")
        let before = try org.snapshot()
        let outcome = try importer(org).run(data: data, source: "bom.csv", officeCode: "ordos", dryRun: true)
        #expect(outcome.dryRun)
        #expect(outcome.imported == 2)
        #expect(try org.snapshot() == before)

        let missing = #expect(throws: LvzhiError.self) {
            try importer(org).run(data: Data("姓名,性别\n张三,男\n".utf8), source: "m.csv", officeCode: "ordos")
        }
        #expect(missing?.message.contains("界别") == true)
        #expect(throws: LvzhiError.self) { try importer(org).run(data: Data("姓名,性别,界别\n".utf8), source: "e.csv", officeCode: "ordos") }
        #expect(try org.snapshot() == before)
    }

    @Test("同名同出生日期提示可能重复，但不阻止导入；权限不足时拒绝")
    func warningsAndPermissions() throws {
        let org = try TestOrganisation()
        try MemberStore(host: org.host, context: org.admin).add(officeCode: "ordos", MemberInput(name: "张伟", gender: "男", birthDate: "1970-01-02", sector: "中共"))
        let outcome = try importer(org).run(data: try TestOrganisation.fixture("roster-utf8-bom.csv"), source: "bom.csv", officeCode: "ordos")
        #expect(outcome.imported == 2)
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.contains("张伟") == true)

        let reader = try org.user("reader", .member, in: "ordos")
        let before = try org.snapshot()
        let denied = #expect(throws: LvzhiError.self) {
            try RosterImport(host: org.host, context: reader).run(data: try TestOrganisation.fixture("roster-utf8-bom.csv"), source: "bom.csv", officeCode: "ordos")
        }
        #expect(denied?.code == .permissionDenied)
        #expect(try org.snapshot() == before)
    }

    @Test("每位导入的委员各有审计记录，另有一条导入汇总")
    func importIsAudited() throws {
        let org = try TestOrganisation()
        let before = try org.count("audit_log")
        _ = try importer(org).run(data: try TestOrganisation.fixture("roster-gb18030.csv"), source: "gb.csv", officeCode: "ordos")
        #expect(try org.count("audit_log") == before + 4)
    }

    @Test("多行语句写入：跨越每句 100 行的边界，ID 按文件顺序，每位委员的审计记录与其行逐字相同；有一行违反约束时整批不写")
    func bulkInsertMatchesRows() throws {
        let org = try TestOrganisation()
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭"), given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明")
        let names: [String] = (0..<250).map { index in String(surnames[index % 16]) + String(given[index / 16]) }
        let mobiles: [String] = (0..<250).map { index in "1390000" + String(format: "%04d", index) }
        var lines = ["姓名,性别,出生日期,界别,手机"]
        for index in 0..<250 {
            let gender = index % 2 == 0 ? "男" : "女"
            let day = String(format: "%02d", index % 28 + 1)
            lines.append("\(names[index]),\(gender),1970-01-\(day),经济界,\(mobiles[index])")
        }
        let csv = lines.joined(separator: "\n")
        let outcome = try importer(org).run(data: Data(csv.utf8), source: "250.csv", officeCode: "ordos")
        #expect(outcome.imported == 250)
        try org.host.read { db in
            let members = try Member.fetchAll(db, sql: "SELECT * FROM members ORDER BY id")
            #expect(members.map(\.name) == names)
            #expect(members.map { $0.mobile ?? "" } == mobiles)
            let audit = try Row.fetchAll(db, sql: "SELECT entity_id, after FROM audit_log WHERE entity = 'members' AND action = 'insert' ORDER BY id")
            #expect(audit.count == 250)
            for (member, entry) in zip(members, audit) {
                #expect(entry["entity_id"] as Int64? == member.id)
                #expect(entry["after"] as String? == member.jsonText())
            }
        }
        // A row the schema refuses (a trigger stands in for any constraint) undoes every statement of the import.
        try org.host.write(as: org.admin) { tx in
            try tx.db.execute(sql: "CREATE TRIGGER refuse_third BEFORE INSERT ON members WHEN NEW.name = '\(names[120])' BEGIN SELECT RAISE(ABORT, '拒绝'); END")
        }
        let afterTrigger = try org.snapshot()
        #expect(throws: LvzhiError.self) { try importer(org).run(data: Data(csv.utf8), source: "250.csv", officeCode: "ordos") }
        #expect(try org.snapshot() == afterTrigger)
    }
}
