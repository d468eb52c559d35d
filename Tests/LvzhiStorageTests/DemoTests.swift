import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiDemo
@testable import LvzhiStorage
import Notices
import Archive

/// The demo builds a plausible, valid organisation through the real stores.
@Suite("演示数据")
struct DemoTests {
    @Test("名册生成：同名约 6%，蒙古族姓名约两成，手机号唯一，每个界别都有人")
    func rosterShape() {
        let roster = DemoRoster.generate(count: 300, sectors: DemoCatalog.sectors, seed: 7)
        #expect(roster.count == 300)
        let duplicateNames = Dictionary(grouping: roster, by: \.name).values.filter { $0.count > 1 }.count
        #expect((6...30).contains(duplicateNames))
        let mongolian = roster.filter { $0.ethnicity == "蒙古族" }.count
        #expect((30...100).contains(mongolian))
        #expect(Set(roster.map(\.mobile)).count == 300)
        #expect(Set(roster.map(\.sector)) == Set(DemoCatalog.sectors))
        #expect(DemoRoster.generate(count: 50, sectors: DemoCatalog.sectors, seed: 7) == Array(roster.prefix(50)))
    }

    @Test("lvzhi demo 生成十个政协；已有文件不覆盖")
    func demoDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        var builder = DemoBuilder(path: path, plugins: [NoticesPlugin.manifest])
        builder.cityMembers = 120
        let summary = try builder.build(replace: false)
        #expect(summary.offices.count == 10)
        #expect(summary.offices[0].members == 120)
        #expect(summary.offices.dropFirst().allSatisfy { (100...200).contains($0.members) })
        #expect(summary.drawnMembers > 0)
        #expect(summary.notices > 0)
        let error = #expect(throws: LvzhiError.self) { try builder.build(replace: false) }
        #expect(error?.hint?.contains("--force") == true)

        let host = try LvzhiHost(path: path, plugins: [NoticesPlugin.manifest])
        let admin = try host.context(for: "admin")
        let offices = try OfficeStore(host: host, context: admin).list()
        #expect(offices.map(\.name).contains("政协伊金霍洛旗委员会"))
        #expect(offices.filter { $0.depth == 1 }.count == 9)
        let district = try host.context(for: "dongsheng-admin")
        #expect(throws: LvzhiError.self) { try MemberStore(host: host, context: district).list(officeCode: "ordos") }
        #expect(try MemberStore(host: host, context: district).list(officeCode: "dongsheng").count == summary.offices[1].members)
    }

    @Test("提案的一年：每种状态都有，立案编号连续，重点提案有督办，集体提案规则有达到也有未达到")
    func proposalYear() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let started = Date()
        let summary = try DemoBuilder(path: path, plugins: DemoBuilder.plugins).build(replace: false)
        let year = try #require(summary.proposalYear)
        print("演示数据（含提案的一年）生成用时 \(String(format: "%.1f", Date().timeIntervalSince(started))) 秒")

        // Every state is there, and the year looks like a city's.
        let states = ["draft", "submitted", "returned", "withdrawn", "rejected", "converted", "merged",
                      "filed", "assigned", "handling", "replied", "concluded"]
        for state in states { #expect((year.byStatus[state] ?? 0) > 0, "应有状态为 \(state) 的提案") }
        #expect(year.byStatus["concluded"]! > year.total / 2, "多数提案已办结")
        #expect((250...700).contains(year.total))
        let filed = ["filed", "assigned", "handling", "replied", "concluded"].reduce(0) { $0 + year.byStatus[$1]! }
        let submitted = year.total - year.byStatus["draft"]!
        #expect((75...95).contains(filed * 100 / submitted), "立案率 75–95%：\(filed)/\(submitted)")
        #expect((10...20).contains(year.collective * 100 / year.total), "集体提案 10–20%：\(year.collective)/\(year.total)")
        #expect((30...80).contains(year.unitsInvolved))
        #expect(year.session > 0 && year.everyday > 0 && year.joint > 0)
        #expect(year.overdue > 0 && year.excellent > 0 && (8...12).contains(year.key))
        #expect(year.supervised > 0 && year.led > 0)
        #expect(year.memberAccounts >= 299 && year.unitAccounts >= 29)
        #expect(year.rulesMet > 0)
        #expect(year.rulesUnmet.contains("民族和宗教委员会"))
        #expect(year.rulesUnmet.contains { $0.hasPrefix("第七界别活动组") })

        let host = try LvzhiHost(path: path, plugins: DemoBuilder.plugins)
        try host.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            // Numbers: every proposal that got one, whatever became of it, numbered 1…n within its session.
            for scope in try String.fetchAll(db, sql: "SELECT DISTINCT number_scope FROM proposals WHERE number IS NOT NULL") {
                let numbers = try Int.fetchAll(db, sql: "SELECT number FROM proposals WHERE number_scope = ? ORDER BY number", arguments: [scope])
                #expect(numbers == Array(1...numbers.count), "编号连续（\(scope)）")
            }
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE number IS NOT NULL") == filed)
            // Key proposals: each has a supervisor and supervision notes.
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE is_key AND (key_supervisor IS NULL OR key_year != 2026)") == 0)
            #expect(try count("SELECT COUNT(*) FROM proposals p WHERE is_key AND NOT EXISTS (SELECT 1 FROM proposal_supervisions s WHERE s.proposal_id = p.id)") == 0)
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE is_key AND key_mode = '督办' AND key_supervisor_member_id IS NULL") == 0)
            // The paths of handling were all taken.
            #expect(try count("SELECT COUNT(*) FROM proposal_units WHERE status = 'returned' AND role = 'lead'") > 0, "承办单位退回")
            #expect(try count("""
                SELECT COUNT(*) FROM proposal_units r JOIN proposal_units a ON a.proposal_id = r.proposal_id AND a.role = 'lead' AND a.status != 'returned'
                WHERE r.role = 'lead' AND r.status = 'returned' AND r.returned_at <= datetime(r.assigned_at, '+11 days')
                """) > 0, "十日内退回，政协重新交办")
            #expect(try count("SELECT COUNT(*) FROM proposal_units WHERE role = 'co' AND opinion IS NOT NULL") > 0, "协办意见")
            #expect(try count("SELECT COUNT(*) FROM proposal_replies WHERE sent_back_at IS NOT NULL") > 0, "退回重办的答复")
            #expect(try count("SELECT COUNT(*) FROM proposal_steps WHERE action = 'extend'") > 0, "延期")
            #expect(try count("SELECT COUNT(*) FROM proposal_steps WHERE action = 'rehandle'") > 0, "不满意重新办理")
            #expect(try count("SELECT COUNT(*) FROM proposal_contacts") > 0, "沟通记录")
            #expect(try count("SELECT COUNT(*) FROM proposal_steps WHERE reviewers IS NOT NULL AND action = 'file'") > 0, "审查专家记入立案步骤")
            #expect(try count("SELECT COUNT(*) FROM proposal_reviewers") >= 10)
            #expect(try count("SELECT COUNT(*) FROM proposal_proposers WHERE role = 'author'") > 0, "集体提案的执笔人")
            #expect(try count("SELECT COUNT(*) FROM proposal_proposers WHERE role = 'cosigner' AND confirmed_at IS NOT NULL") > 0, "确认的附议人")
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE rejection_ground IS NOT NULL") > 0)
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE NOT is_public AND private_reason IS NOT NULL") == 1)
            #expect(try count("SELECT COUNT(*) FROM proposal_ratings WHERE entered_by_staff AND member_id IS NOT NULL") > 0, "工作人员代为登记")
            #expect(try count("SELECT COUNT(*) FROM proposal_ratings WHERE NOT entered_by_staff") > 0, "委员本人测评")
            #expect(try count("""
                SELECT COUNT(*) FROM proposal_ratings t JOIN proposals m ON m.merged_into_id = t.proposal_id
                JOIN proposal_proposers pp ON pp.proposal_id = m.id AND pp.member_id = t.member_id
                """) > 0, "并案提案的提案人也测评主提案的答复")
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE status = 'replied' AND id IN (SELECT proposal_id FROM proposal_replies WHERE published_at IS NULL)") > 0)
            // Outcomes in plausible proportions: A most, C fewest.
            let outcomes = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT outcome, COUNT(*) AS n FROM proposal_replies GROUP BY outcome")
                .map { ($0["outcome"] as String, $0["n"] as Int) })
            #expect(outcomes["A", default: 0] > outcomes["B", default: 0] && outcomes["B", default: 0] > outcomes["C", default: 0])
            // Every unit that holds a proposal acts through its own account; members act themselves.
            #expect(try count("""
                SELECT COUNT(DISTINCT handling_unit_id) FROM proposal_units
                WHERE handling_unit_id NOT IN (SELECT handling_unit_id FROM users WHERE handling_unit_id IS NOT NULL)
                """) == 0)
            #expect(try count("SELECT COUNT(*) FROM proposal_replies WHERE replied_by = 'wang.mishu'") == 0, "答复由承办单位自己写")
            #expect(try count("SELECT COUNT(*) FROM proposal_steps WHERE action = 'submit' AND username LIKE 'wy%'") > 0, "委员自己提交")
            // The archive: the four source documents with their full text, searchable; hidden items hidden.
            #expect(try count("SELECT COUNT(*) FROM archive_units WHERE reference_code LIKE 'WS-01-%' AND length(body) > 2000") == 4, "四份原始文件全文")
            #expect(try count("SELECT COUNT(*) FROM archive_accessions") >= 10)
            #expect(try count("SELECT COUNT(*) FROM archive_accessions WHERE deaccessioned_on IS NOT NULL") == 1)
            #expect(try count("SELECT COUNT(*) FROM archive_transcripts") >= 3)
            #expect(try count("SELECT COUNT(*) FROM archive_segments") > 0)
            #expect(try count("SELECT COUNT(*) FROM archive_volume_items") >= 3)
            #expect(try count("SELECT COUNT(*) FROM archive_exhibition_items") >= 3)
            #expect(try count("SELECT COUNT(*) FROM duty_records WHERE kind LIKE 'archive.%'") >= 2, "委员提供、口述记入履职档案")
            let member = try AccessContext.load(username: "weiyuan", db: db)
            let archivist = try AccessContext.load(username: "li.wenshi", db: db)
            let memberHits = try ArchiveSearch.search("文史", officeCode: "ordos", limit: 100, context: member, db: db)
            #expect(memberHits.hits.contains { $0.referenceCode == "WS-01-0002" }, "委员检索得到原始文件")
            #expect(try ArchiveSearch.search("涉密", officeCode: "ordos", context: member, db: db).total == 0, "涉密条目对委员不可见")
            #expect(try ArchiveSearch.search("涉密", officeCode: "ordos", context: archivist, db: db).total > 0)
            // The year unfolds on plausible days, never later than now.
            let now = Timestamp.now(), lastAt = try String.fetchOne(db, sql: "SELECT MAX(at) FROM proposal_steps")!
            #expect(lastAt <= now)
            #expect(lastAt < Timestamp.beijingMidnightUTC("2026-12-01") || now < Timestamp.beijingMidnightUTC("2026-12-01"),
                    "计划只写到 2026 年 11 月底：\(lastAt)")
            #expect(try String.fetchOne(db, sql: "SELECT MIN(submitted_at) FROM proposals")! >= "2025-10-09")
            #expect(try count("SELECT COUNT(*) FROM proposals WHERE occasion = '大会' AND submitted_at > '2026-01-12'") == 0)
            #expect(try count("SELECT COUNT(*) FROM proposal_units WHERE assigned_at = '2026-02-10'") > 200, "交办会")
        }
    }
}
