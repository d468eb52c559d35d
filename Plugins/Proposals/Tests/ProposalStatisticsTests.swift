import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Proposals

/// The statistics of the annual report and the appraisal of units, and the rules of the seeds.
@Suite("提案：统计、承办单位评议、规则")
final class ProposalStatisticsTests {
    let f: ProposalFixture
    init() throws { f = try ProposalFixture(label: "stats") }

    @Test("类别 × 状态与年度总数：草稿不计，立案率按提交数计")
    func categoryByStatus() throws {
        _ = try f.filed("关于甲的建议", category: "经济")
        _ = try f.handling("关于乙的建议")
        let rejected = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于丙的建议", body: "", category: "社会")).id!
        _ = try f.store("zhangwei").apply(.submit, id: rejected)
        _ = try f.store("staff").apply(.reject, id: rejected, note: "空泛", ground: "10")
        _ = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于丁的建议", body: "", category: "文化"))
        let year = Int(Timestamp.todayInBeijing().prefix(4))!
        let o = try f.scope()
        let rows = try f.host.read { db in try ProposalStatistics.byCategory(scope: o, year: year, db: db) }
        #expect(rows.map(\.category) == ["经济", "政治", "文化", "社会", "生态文明", "其他"])
        #expect(rows[0].counts == ["filed": 1, "handling": 1] && rows[0].total == 2)
        #expect(rows[2].total == 0, "草稿不计入统计")
        #expect(rows[3].counts == ["rejected": 1])
        let totals = try f.host.read { db in try ProposalStatistics.totals(scope: o, year: year, db: db) }
        #expect(totals.submitted == 3 && totals.filed == 2 && totals.rejected == 1 && totals.filingPercent == 66.7)
        #expect(try f.host.read { db in try ProposalStatistics.totals(scope: o, year: 2001, db: db) }.submitted == 0)
    }

    @Test("承办单位评议：按时与逾期答复、超期未答、答复类别、满意率")
    func unitEvaluation() throws {
        let today = Timestamp.todayInBeijing()
        let start = CalendarDate.adding(months: -6, to: today)
        // Three proposals assigned six months ago to 发改委: one replied on time, one late, one never.
        var ids: [Int64] = []
        try Timestamp.pretending(start) {
            for title in ["关于按时的建议", "关于逾期的建议", "关于未答的建议"] { ids.append(try f.handling(title)) }
            let returned = try f.filed("关于退回的建议")
            try f.store("staff").assign(id: returned, lead: ProposalFixture.units[1])
            try f.store("jiaoyu").giveBack(id: returned, reason: "不属于本单位")
        }
        try Timestamp.pretending(CalendarDate.adding(months: 1, to: start)) {
            try f.store("fagai").reply(id: ids[0], ReplyInput(outcome: "A", body: "已解决"))
        }
        try Timestamp.pretending(CalendarDate.adding(months: 4, to: start)) {
            try f.store("fagai").reply(id: ids[1], ReplyInput(outcome: "C", body: "留作参考"))
        }
        _ = try f.store("staff").publishAll(officeCode: "ordos")
        try f.store("zhangwei").rate(id: ids[0], rating: "满意")
        try f.store("zhangwei").rate(id: ids[1], rating: "不满意")
        let o = try f.scope()
        let rows = try f.host.read { db in try ProposalStatistics.units(scope: o, year: nil, db: db) }
        let fagai = try #require(rows.first { $0.unit == ProposalFixture.units[0] })
        #expect(fagai.lead == 3 && fagai.replied == 2 && fagai.onTime == 1 && fagai.late == 1 && fagai.overdue == 1)
        #expect(fagai.outcomeA == 1 && fagai.outcomeC == 1 && fagai.satisfied == 1 && fagai.unsatisfied == 1)
        #expect(fagai.satisfactionPercent == 50 && fagai.onTimePercent == 50)
        let jiaoyu = try #require(rows.first { $0.unit == ProposalFixture.units[1] })
        #expect(jiaoyu.returned == 1 && jiaoyu.lead == 0)
    }

    @Test("种子文件的规则：每个专委会、每个界别活动组每年至少一件集体提案")
    func collectiveRules() throws {
        let id = try f.store("staff").draft(officeCode: "ordos", ProposalDraft(title: "关于发展现代能源经济的建议", body: "", category: "经济",
                                                                                kind: .collective, collectiveBody: "经济委员会")).id!
        _ = try f.store("staff").apply(.submit, id: id)
        let year = Int(Timestamp.todayInBeijing().prefix(4))!
        let o = try f.scope()
        let rows = try f.host.read { db in try ProposalRules.collectiveCoverage(scope: o, year: year, db: db) }
        #expect(rows.map(\.body) == ["经济委员会", "提案委员会", "第一界别活动组"])
        #expect(rows.map(\.met) == [true, false, false])
        let lastYear = try f.host.read { db in try ProposalRules.collectiveCoverage(scope: o, year: year - 1, db: db) }
        #expect(lastYear.allSatisfy { !$0.met })
    }
}
