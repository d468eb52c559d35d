import Foundation
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import LvzhiScript

/// `lvzhi.report.print` of what scripts have: records in the order their type declares its fields,
/// any sequence however it was built, and limits said in Chinese.
@Suite("报表：记录的列序、任意序列、上限")
final class ReportTableTests {
    let scratch: ScratchDatabase
    var printed: [String] = []

    init() throws {
        scratch = try ScratchDatabase(plugins: [], label: "report")
        let host = scratch.host, admin = scratch.admin
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        _ = try TermStore(host: host, context: admin).add(officeCode: "ordos", number: 5, startsOn: "2022-01-06")
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "经济界")
        try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: "张伟", gender: "男", sector: "经济界", roles: "常委、召集人"))
    }

    func run(_ code: String) throws -> [LuaValue] {
        try ScriptRunner(host: scratch.host, context: scratch.admin, modules: CoreScriptAPI.modules, limits: ScriptLimits(timeout: 20, maxMemory: 64 << 20),
                         output: { [unowned self] in printed.append($0) }).run(source: code, chunkName: "t.lua", officeCode: "ordos").values
    }

    @Test("记录数组不给 columns、headers：按记录的报表定义（中文表头、人读的顺序），职务等数组显示为顿号分隔；只给 columns 时表头仍是中文")
    func recordOrder() throws {
        _ = try run("lvzhi.report.print(lvzhi.members.list{})")
        let lines = printed.joined(separator: "\n").split(separator: "\n").map(String.init)
        let header = lines.first?.split(separator: " ").map(String.init) ?? []
        #expect(Array(header.prefix(4)) == ["ID", "姓名", "性别", "界别"], "\(lines)")   // 民族、出生日期 are empty here: no such fields
        #expect(!header.contains { $0.contains("_") || $0 == "name" }, "\(header)")
        #expect(lines.last?.contains("常委、召集人") == true, "\(lines)")
        printed = []
        _ = try run("lvzhi.report.print(lvzhi.members.list{}, { columns = { \"sector\", \"name\" } })")
        #expect(printed.first?.split(separator: "\n").first?.split(separator: " ").map(String.init) == ["界别", "姓名"], "\(printed)")
    }

    @Test("倒序、逐项建成的序列（项在表的哈希部分）照样是报表行")
    func anySequence() throws {
        _ = try run("""
            local t = {}
            for i = 12, 1, -1 do t[i] = { "位置" .. i, i } end
            lvzhi.report.print(t, { headers = { "位置", "件数" } })
            """)
        let lines = printed.joined(separator: "\n").split(separator: "\n").map(String.init)
        #expect(lines.count == 14 && lines[2].hasPrefix("位置1 ") && lines[13].hasPrefix("位置12"), "\(lines)")
    }

    @Test("1001 行照常；超过 1000 列、rows 不是序列：中文说明")
    func limits() throws {
        let values = try run("""
            local rows = {}
            for i = 1, 1001 do rows[i] = { i } end
            lvzhi.report.print(rows)
            local wide = {}
            for i = 1, 1001 do wide[i] = i end
            local a, m1 = pcall(lvzhi.report.print, { wide })
            local b, m2 = pcall(lvzhi.report.print, { [1] = { 1 }, [3] = { 3 } })
            return a, m1, b, m2
            """)
        #expect(printed.joined().contains("1001"))
        #expect(values.count == 4 && values[0] == .boolean(false) && values[2] == .boolean(false))
        #expect(values[1].plainText.contains("超过 1000 列"), "\(values)")
        #expect(values[3].plainText.contains("报表行应为数组"), "\(values)")
    }
}
