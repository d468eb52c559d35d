import Foundation
import Testing

/// `lvzhi.report.print` of the records the modules give scripts, on the demo: Chinese headers in
/// the order a person reads them (each record's report columns), never the English keys.
@Suite("报表：模块记录的表头是中文")
struct ReportHeadersCommandLineTests {
    /// What is printed, as whom, and the headers it must start with.
    static let reports: [(records: String, user: String, first: [String])] = [
        ("lvzhi.members.list{ sector = '经济界' }", "admin", ["ID", "姓名", "性别"]),
        ("lvzhi.proposals.list{ year = 2026 }", "admin", ["ID", "编号", "案由"]),
        ("lvzhi.proposals.unit_stats{ year = 2026 }", "admin", ["承办单位", "主办", "协办"]),
        ("lvzhi.archive.register{ year = 2026 }", "li.wenshi", ["编号", "接收日期", "题名"]),
        ("lvzhi.archive.contributions{}", "li.wenshi", ["委员ID", "委员"]),
        ("lvzhi.archive.locations()", "li.wenshi", ["存放位置", "全宗", "系列"]),
    ]

    @Test("委员、提案、承办单位统计、接收登记簿、委员提供资料、馆藏分布（演示数据库）")
    func chineseHeaders() throws {
        let cli = try CommandLineRunner()
        let demo = try cli.run(["demo", "--db", cli.database])
        try #require(demo.status == 0, "\(demo.stderr)")
        for (records, user, first) in Self.reports {
            let result = try cli.run(["eval", "lvzhi.report.print(\(records))", "--office", "ordos", "--as", user, "--db", cli.database])
            #expect(result.status == 0, "\(records)：\(result.stderr)")
            let header = result.stdout.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
            #expect(Array(header.prefix(first.count)) == first, "\(records)：\(result.stdout.prefix(400))")
            let english = header.filter { $0.range(of: "^[a-z_]{2,}$", options: .regularExpression) != nil }
            #expect(english.isEmpty, "\(records) 的英文表头：\(english)")
        }
    }
}
