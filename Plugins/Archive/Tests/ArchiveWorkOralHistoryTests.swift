import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Oral histories: interviews described as units, versioned transcripts, time-coded segments.
@Suite("文史资料：口述史")
final class ArchiveWorkOralHistoryTests {
    let f: ArchiveFixture
    let interviewer: ArchiveAgent

    init() throws {
        f = try ArchiveFixture(label: "archive-oral")
        interviewer = try f.person("李采集")
    }

    @Test("登记采访即著录为口述史条目；委员口述者关联到条目并记入履职档案（讲述口述史料）")
    func interviewWithMemberNarrator() throws {
        let series = try f.unit("系列", "KS", "口述史料")
        let i = try f.interview("KS-001", title: "我在准格尔旗的三十年", narratorMember: f.members[0], interviewer: interviewer.id!, parent: series.id)
        let unit = try f.read { _, db in try DescriptionUnit.find(id: i.unitID, db: db) }
        #expect(unit.genre == "口述史" && unit.level == .item && unit.parentID == series.id && unit.createdOn == "2026-01-15")
        #expect(unit.creator == "王文口述，李采集采集")
        #expect(i.collectingUnit == "政协鄂尔多斯市委员会" && i.durationSeconds == 3600 && i.consentGiven && !i.narratorReviewed)
        let links = try f.read { _, db in try AgentStore.links(unitID: unit.id, db: db) }
        #expect(links.map(\.role) == [.narrator, .interviewer])
        #expect(links[0].agent.memberID == f.members[0] && links[0].agent.name == "王文")
        let duty = try DutyRecordStore(host: f.host, context: f.admin).list(officeCode: "ordos")
        #expect(duty.count == 1)
        let entry = try #require(duty.first)
        #expect(entry.kind == "archive.narrated" && entry.memberID == f.members[0] && entry.title == "我在准格尔旗的三十年")
        #expect(entry.entity == "archive_interviews" && entry.entityID == i.id && entry.occurredOn == "2026-01-15")

        // A second interview of the same member narrator reuses the agent, and records a second entry.
        _ = try f.interview("KS-002", title: "再谈准格尔旗", narratorMember: f.members[0], interviewer: interviewer.id!)
        #expect(try f.read { _, db in try ArchiveAgent.filter(Column("member_id") == f.members[0]).fetchCount(db) } == 1)
        #expect(try DutyRecordStore(host: f.host, context: f.admin).list(officeCode: "ordos").count == 2)
        let list = try f.read { c, db in try OralHistoryQuery.list(officeCode: "ordos", context: c, db: db) }
        #expect(list.map(\.referenceCode) == ["KS-002", "KS-001"] && list.allSatisfy { $0.narrator == "王文" && $0.transcriptVersions == 0 })
    }

    @Test("挂到已有条目：文种补为口述史；已有采访或文种不是口述史的条目被拒绝；被拒绝的登记不改变数据")
    func attachToUnit() throws {
        let narrator = try f.person("高老人")
        let unit = try f.unit("件", "KS-9", "高老人谈东胜旧事")
        let i = try f.write { tx in
            try OralHistoryStore.add(officeCode: "ordos", InterviewInput(unitID: unit.id, narratorID: narrator.id, interviewerID: self.interviewer.id), tx: tx)
        }
        #expect(try f.read { _, db in try DescriptionUnit.find(id: i.unitID, db: db) }.genre == "口述史")
        #expect(i.interviewedOn == Timestamp.todayInBeijing())
        #expect(try DutyRecordStore(host: f.host, context: f.admin).list(officeCode: "ordos").isEmpty, "口述者不是委员，不记履职档案")

        let memoir = try f.write { tx in
            try DescriptionStore.add(officeCode: "ordos", UnitInput(level: "件", referenceCode: "HY-1", title: "回忆录", genre: "回忆录"), tx: tx)
        }
        let org = try f.write { tx in try AgentStore.add(officeCode: "ordos", kind: "organisation", name: "东胜区档案馆", tx: tx) }
        let before = try f.snapshot()
        let bad: [(String, InterviewInput)] = [
            ("已登记了口述史采访", InterviewInput(unitID: unit.id, narratorID: narrator.id, interviewerID: interviewer.id)),
            ("文种是「回忆录」", InterviewInput(unitID: memoir.id, narratorID: narrator.id, interviewerID: interviewer.id)),
            ("须且只能给出一个", InterviewInput(narratorID: narrator.id, interviewerID: interviewer.id)),
            ("须且只能给出一个", InterviewInput(unit: UnitInput(referenceCode: "X-1", title: "x"), narratorID: narrator.id, narratorMemberID: f.members[1], interviewerID: interviewer.id)),
            ("采集者须为个人", InterviewInput(unit: UnitInput(referenceCode: "X-1", title: "x"), narratorID: narrator.id, interviewerID: org.id)),
            ("须给出采集者", InterviewInput(unit: UnitInput(referenceCode: "X-1", title: "x"), narratorID: narrator.id)),
            ("不能晚于今天", InterviewInput(unit: UnitInput(referenceCode: "X-1", title: "x"), narratorID: narrator.id, interviewerID: interviewer.id, interviewedOn: CalendarDate.adding(days: 1, to: Timestamp.todayInBeijing()))),
            ("时长", InterviewInput(unit: UnitInput(referenceCode: "X-1", title: "x"), narratorID: narrator.id, interviewerID: interviewer.id, duration: "一个钟头")),
            ("档号", InterviewInput(unit: UnitInput(referenceCode: "KS-9", title: "x"), narratorID: narrator.id, interviewerID: interviewer.id)),
        ]
        for (message, input) in bad {
            let error = refusal { _ = try self.f.write { tx in try OralHistoryStore.add(officeCode: "ordos", input, tx: tx) } }
            #expect(error?.description.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        let denied = refusal { _ = try self.f.write("weiyuan") { tx in
            try OralHistoryStore.add(officeCode: "ordos", InterviewInput(unit: UnitInput(referenceCode: "X-2", title: "x"), narratorMemberID: self.f.members[0],
                                                                         interviewerID: self.interviewer.id), tx: tx) } }
        #expect(denied?.code == .permissionDenied)
        #expect(try f.snapshot() == before)
    }

    @Test("整理稿按版本保存；检索只找到最新一版的字，只在旧版中的字不再命中；旧版仍可读取")
    func transcriptVersions() throws {
        let narrator = try f.person("白老人")
        let i = try f.interview("KS-010", title: "白老人口述", narrator: narrator.id, interviewer: interviewer.id!)
        let v1 = try f.transcribe(i.id!, "那年冬天我们在乌审旗打井，风沙很大。", note: "初稿")
        #expect(v1.version == 1 && v1.length == 18)
        #expect(try f.found("打井") == [i.unitID] && f.found("打井", as: "weiyuan") == [i.unitID])
        let v2 = try f.transcribe(i.id!, "那年冬天我们在乌审旗治沙，种下了第一片柠条。", note: "口述者审阅后修改")
        #expect(v2.version == 2)
        #expect(try f.found("柠条") == [i.unitID])
        #expect(try f.found("打井").isEmpty, "只在旧版中的字不再命中")
        let latest = try f.read("weiyuan") { c, db in try OralHistoryTranscriptStore.transcript(interviewID: i.id!, context: c, db: db) }
        #expect(latest.version == 2 && latest.text.contains("柠条"))
        let old = try f.read { c, db in try OralHistoryTranscriptStore.transcript(interviewID: i.id!, version: 1, context: c, db: db) }
        #expect(old.text.contains("打井") && old.note == "初稿")
        // Re-describing the unit keeps the latest transcript in the index.
        _ = try f.write { tx in try DescriptionStore.update(id: i.unitID, UnitInput(summary: "乌审旗治沙"), tx: tx) }
        #expect(try f.found("柠条") == [i.unitID] && f.found("打井").isEmpty)

        let before = try f.snapshot()
        #expect(refusal { _ = try self.f.transcribe(i.id!, "那年冬天我们在乌审旗治沙，种下了第一片柠条。") }?.code == .conflict, "与最新一版相同")
        #expect(refusal { _ = try self.f.transcribe(i.id!, "  \n ") }?.code == .invalidInput)
        #expect(refusal { _ = try self.f.write("staff") { tx in try OralHistoryTranscriptStore.add(interviewID: i.id!, text: "工作人员", tx: tx) } }?.code == .permissionDenied)
        #expect(refusal { _ = try self.f.read { c, db in try OralHistoryTranscriptStore.transcript(interviewID: i.id!, version: 3, context: c, db: db) } }?.code == .notFound)
        #expect(try f.snapshot() == before)
    }

    @Test("索引片段：时间码、字符位置对应某一版整理稿；超出整理稿长度、倒置、没有整理稿、晚于时长都被拒绝")
    func segments() throws {
        let narrator = try f.person("郝老人")
        let i = try f.interview("KS-020", title: "郝老人口述", narrator: narrator.id, interviewer: interviewer.id!, duration: "30分钟")
        let before = try f.snapshot()
        let none = refusal { _ = try self.f.write { tx in try OralHistorySegmentStore.add(interviewID: i.id!, SegmentInput(start: "0", title: "开头", from: 0, to: 1), tx: tx) } }
        #expect(none?.description.contains("还没有整理稿") == true)
        #expect(try f.snapshot() == before)

        let text = "一九五八年，我到伊金霍洛旗当老师。后来学校扩建，学生多了起来。"
        try f.transcribe(i.id!, text)
        let first = try f.write { tx in
            try OralHistorySegmentStore.add(interviewID: i.id!, SegmentInput(start: "00:12:30", title: "初到伊金霍洛旗", synopsis: "当老师",
                                                                             keywords: "伊金霍洛旗，教育、 学校", from: 0, to: 17), tx: tx)
        }
        #expect(first.startSeconds == 750 && first.transcriptVersion == 1 && first.keywords == "伊金霍洛旗、教育、学校")
        _ = try f.write { tx in try OralHistorySegmentStore.add(interviewID: i.id!, SegmentInput(start: "5:00", title: "童年", from: 17, to: text.unicodeScalars.count), tx: tx) }
        let list = try f.read("weiyuan") { c, db in try OralHistorySegmentStore.list(interviewID: i.id!, context: c, db: db) }
        #expect(list.map(\.start) == ["00:05:00", "00:12:30"])
        #expect(list[1].text == "一九五八年，我到伊金霍洛旗当老师。")
        #expect(list[0].text == "后来学校扩建，学生多了起来。")

        // A new version: new segments point at it, old ones keep pointing at version 1.
        try f.transcribe(i.id!, "短稿。")
        let snapshot = try f.snapshot()
        let bad: [(String, SegmentInput)] = [
            ("超出第 2 版整理稿的长度", SegmentInput(start: "1", title: "超出", from: 0, to: 4)),
            ("须大于起始位置", SegmentInput(start: "1", title: "倒置", from: 2, to: 2)),
            ("不能为负数", SegmentInput(start: "1", title: "负数", from: -1, to: 2)),
            ("晚于采访时长", SegmentInput(start: "00:31:00", title: "太晚", from: 0, to: 2)),
            ("不是可识别的时间", SegmentInput(start: "12:75", title: "坏时间", from: 0, to: 2)),
            ("片段标题", SegmentInput(start: "1", title: " ", from: 0, to: 2)),
            ("第 5 版", SegmentInput(start: "1", title: "没有这一版", from: 0, to: 2, version: 5)),
        ]
        for (message, input) in bad {
            let error = refusal { _ = try self.f.write { tx in try OralHistorySegmentStore.add(interviewID: i.id!, input, tx: tx) } }
            #expect(error?.description.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        #expect(try f.snapshot() == snapshot)
        let onOld = try f.write { tx in try OralHistorySegmentStore.add(interviewID: i.id!, SegmentInput(start: "20:00", title: "第一版中的位置", from: 0, to: 20, version: 1), tx: tx) }
        #expect(onOld.transcriptVersion == 1)
        #expect(try f.read { c, db in try OralHistoryQuery.detail(i.id!, context: c, db: db) }.segments.count == 3)
    }

    @Test("数据库同样拒绝超出整理稿长度的片段")
    func databaseRefusesSegmentBeyondTranscript() throws {
        let narrator = try f.person("贺老人")
        let i = try f.interview("KS-030", title: "贺老人口述", narrator: narrator.id, interviewer: interviewer.id!)
        try f.transcribe(i.id!, "五个字而已")
        #expect(throws: (any Error).self) {
            try self.f.host.write(as: self.f.admin) { tx in
                try tx.db.execute(sql: """
                    INSERT INTO archive_segments (office_id, interview_id, transcript_version, start_seconds, title, char_from, char_to, created_by, created_at)
                    VALUES (?, ?, 1, 0, '越界', 0, 6, 'x', 'x')
                    """, arguments: [i.officeID, i.id])
            }
        }
    }

    @Test("委员看不到受限条目的采访：列表中没有，读取视为不存在；修改采访记录（授权书、审阅）")
    func hiddenInterviewsAndUpdates() throws {
        let narrator = try f.person("奇老人")
        let open = try f.interview("KS-040", title: "公开的口述", narrator: narrator.id, interviewer: interviewer.id!)
        let closed = try f.interview("KS-041", title: "控制的口述", narrator: narrator.id, interviewer: interviewer.id!, openness: "控制")
        try f.transcribe(closed.id!, "控制使用的口述内容。")
        let seen = try f.read("weiyuan") { c, db in try OralHistoryQuery.list(officeCode: "ordos", context: c, db: db) }
        #expect(seen.map(\.id) == [open.id])
        let id = closed.id!
        let reads: [(AccessContext, Database) throws -> Void] = [
            { c, db in _ = try OralHistoryQuery.detail(id, context: c, db: db) },
            { c, db in _ = try OralHistoryTranscriptStore.transcript(interviewID: id, context: c, db: db) },
            { c, db in _ = try OralHistorySegmentStore.list(interviewID: id, context: c, db: db) },
        ]
        for read in reads {
            let error = refusal { try self.f.read("weiyuan", read) }
            #expect(error?.code == .notFound && error?.message.contains("口述史采访") == true)
        }
        #expect(try f.found("控制使用", as: "weiyuan").isEmpty && f.found("控制使用") == [closed.unitID])

        let updated = try f.write { tx in try OralHistoryStore.update(id: closed.id!, InterviewUpdate(place: "", consentGiven: false, narratorReviewed: true), tx: tx) }
        #expect(updated.place == nil && !updated.consentGiven && updated.narratorReviewed)
        #expect(refusal { _ = try self.f.write { tx in try OralHistoryStore.update(id: closed.id!, InterviewUpdate(narratorReviewed: true), tx: tx) } }?.code == .conflict)
        #expect(refusal { _ = try self.f.write("weiyuan") { tx in try OralHistoryStore.update(id: open.id!, InterviewUpdate(notes: "x"), tx: tx) } }?.code == .permissionDenied)
    }

    @Test("时间码：时:分:秒、分:秒、秒数、中文")
    func timeCodes() throws {
        #expect(try TimeCode.parse("00:12:30", field: "t") == 750)
        #expect(try TimeCode.parse("12:30", field: "t") == 750)
        #expect(try TimeCode.parse("750", field: "t") == 750)
        #expect(try TimeCode.parse("１:02:03", field: "t") == 3723)
        #expect(try TimeCode.parse("1小时5分", field: "t") == 3900)
        #expect(try TimeCode.parse("95分钟", field: "t") == 5700)
        for bad in ["", "1:2:3:4", "12:60", "-5", "一小时", "5分3"] {
            #expect(throws: LvzhiError.self, "\(bad)") { try TimeCode.parse(bad, field: "t") }
        }
        #expect(TimeCode.format(3723) == "01:02:03")
    }
}
