import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Collection, accessions, agents and the description tree.
@Suite("文史资料：征集、接收登记、著录")
final class ArchiveRecordsTests {
    let f: ArchiveFixture
    init() throws { f = try ArchiveFixture(label: "archive-records") }

    @Test("接收登记按年度连续编号；提供者为委员时记入其履职档案；限制须写理由")
    func accessions() throws {
        let a = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "王文回忆录手稿", receivedOn: "2025-12-30",
                                                                                                     acquisition: "捐赠", sanqin: "亲历", sourceMemberIDs: [f.members[0]]), tx: tx) }
        let b = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "老照片", receivedOn: "2026-01-05", acquisition: "复制"), tx: tx) }
        let c = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "会议记录", receivedOn: "2026-02-01", acquisition: "移交"), tx: tx) }
        #expect([a.number, b.number, c.number] == ["2025-0001", "2026-0001", "2026-0002"])
        let duty = try DutyRecordStore(host: f.host, context: f.admin).list(officeCode: "ordos")
        #expect(duty.map(\.kind) == ["archive.contributed"] && duty[0].memberID == f.members[0] && duty[0].occurredOn == "2025-12-30")

        let before = try f.snapshot()
        for input in [AccessionInput(title: "x", acquisition: "借用"), AccessionInput(title: " ", acquisition: "捐赠"),
                      AccessionInput(title: "x", receivedOn: "2999-01-01", acquisition: "捐赠"), AccessionInput(title: "x", acquisition: "捐赠", sanqin: "亲说"),
                      AccessionInput(title: "x", acquisition: "捐赠", restriction: RestrictionInput(access: true))] {
            #expect(throws: LvzhiError.self) { try self.f.write { tx in try AccessionStore.register(officeCode: "ordos", input, tx: tx) } }
        }
        #expect(throws: LvzhiError.self) {
            try self.f.write("weiyuan") { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "委员自己登记", acquisition: "捐赠"), tx: tx) }
        }
        #expect(try f.snapshot() == before, "被拒绝的登记不改变数据，也不占编号")

        let restricted = try f.write { tx in try AccessionStore.restrict(id: b.id!, RestrictionInput(access: true, accessNote: "涉及个人隐私", accessEndsOn: "2030-12-31"), tx: tx) }
        #expect(restricted.accessIsRestricted(on: "2030-12-30") && !restricted.accessIsRestricted(on: "2030-12-31"))
        #expect(try f.write { tx in try AccessionStore.setProcessing(id: c.id!, .processed, tx: tx) }.processingStatus == .processed)
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try AccessionStore.deaccession(id: c.id!, reason: " ", tx: tx) } }
        let gone = try f.write { tx in try AccessionStore.deaccession(id: c.id!, reason: "退还寄存人", tx: tx) }
        #expect(gone.deaccessionedOn == Timestamp.todayInBeijing())
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try AccessionStore.deaccession(id: c.id!, reason: "再次", tx: tx) } }
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try AccessionStore.setProcessing(id: c.id!, .inProgress, tx: tx) } }
    }

    @Test("著录树：下级层级须低于上级；档号唯一；密级和开放标识随上级、不能比上级更开放；日期可以是约数")
    func descriptionTree() throws {
        let fonds = try f.unit("全宗", "WS", "政协鄂尔多斯市委员会文史资料", secrecy: "内部", openness: "控制")
        let series = try f.unit("系列", "WS-K", "口述史料", parent: fonds.id)
        #expect(series.secrecy == "内部" && series.openness == "控制", "下级默认随上级")
        #expect(throws: LvzhiError.self) { try self.f.unit("全宗", "WS-X", "全宗不能在系列之下", parent: series.id) }
        #expect(throws: LvzhiError.self) { try self.f.unit("件", "WS", "档号重复") }
        #expect(throws: LvzhiError.self) { try self.f.unit("件", "WS-K-1", "比上级更开放", parent: series.id, openness: "开放") }
        #expect(throws: LvzhiError.self) { try self.f.unit("件", "WS-K-2", "密级低于上级", parent: series.id, secrecy: "公开") }
        #expect(throws: LvzhiError.self) { try self.f.unit("册", "WS-K-3", "没有这一层级") }
        let item = try f.write { tx in
            try DescriptionStore.add(officeCode: "ordos", UnitInput(level: "件", parentID: series.id, referenceCode: "WS-K-001", title: "我所经历的伊克昭盟解放",
                                                                   creator: "王文", createdOn: "约1985年", periodFrom: "1949年9月", periodTo: "1950",
                                                                   manuscript: "手稿", secrecy: "秘密", openness: "不开放"), tx: tx)
        }
        #expect(item.createdOn == "1985" && item.createdApproximate)
        #expect(item.periodFrom == "1949-09" && item.periodTo == "1950")
        #expect(ArchivalDate.display(item.createdOn, approximate: item.createdApproximate) == "约1985年")
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try DescriptionStore.update(id: item.id!, UnitInput(createdOn: "1985-02-30"), tx: tx) } }
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try DescriptionStore.update(id: item.id!, UnitInput(periodFrom: "1951", periodTo: "1950"), tx: tx) } }
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try DescriptionStore.update(id: item.id!, UnitInput(manuscript: "草稿"), tx: tx) } }
        let updated = try f.write { tx in try DescriptionStore.update(id: item.id!, UnitInput(manuscript: "", summary: "记述1949年伊克昭盟和平解放的经过"), tx: tx) }
        #expect(updated.summary != nil && updated.manuscript == nil)
        #expect(try f.read { _, db in try DescriptionStore.path(to: updated, db: db).map(\.referenceCode) } == ["WS", "WS-K", "WS-K-001"])
    }

    @Test("征集来稿：委员提交、文史工作人员接收为接收登记（委员为提供者）或写明理由不采用；委员只看到自己的来稿")
    func submissions() throws {
        let plan = try f.write { tx in try CollectionStore.addPlan(officeCode: "ordos", kind: "annual", period: 2026, title: "2026年文史资料征集计划",
                                                                   themes: ["改革开放", "口述史"], target: 4, tx: tx) }
        let campaign = try f.write { tx in try CollectionStore.addCampaign(officeCode: "ordos", planID: plan.id, title: "改革开放亲历记征集", theme: "改革开放",
                                                                           startsOn: "2026-01-01", endsOn: nil, description: nil, tx: tx) }
        let mine = try f.write("weiyuan") { tx in try CollectionStore.submit(officeCode: "ordos", campaignID: campaign.id, title: "我在东胜的知青岁月",
                                                                             summary: "亲历回忆", sanqin: "亲历", tx: tx) }
        #expect(mine.memberID == f.members[0] && mine.submitter == "王文" && mine.status == .needsReview)
        let publicOne = try f.write("staff") { tx in try CollectionStore.submit(officeCode: "ordos", campaignID: nil, title: "祖父的日记",
                                                                                summary: "", sanqin: "亲闻", submitter: "张三", contact: "13900000000", tx: tx) }
        #expect(publicOne.memberID == nil)
        #expect(throws: LvzhiError.self) { try self.f.write("weiyuan") { tx in try CollectionStore.submit(officeCode: "ordos", campaignID: nil, title: "代别人", summary: "", sanqin: nil, memberID: self.f.members[1], tx: tx) } }
        #expect(try f.read("weiyuan") { c, db in try CollectionStore.submissions(officeCode: "ordos", status: nil, context: c, db: db) }.map(\.id) == [mine.id])
        #expect(throws: LvzhiError.self) { try self.f.write("weiyuan") { tx in try CollectionStore.review(id: mine.id!, accept: true, note: nil, tx: tx) } }
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try CollectionStore.review(id: publicOne.id!, accept: false, note: nil, tx: tx) } }
        let accepted = try f.write { tx in try CollectionStore.review(id: mine.id!, accept: true, note: "史料价值高", tx: tx) }
        #expect(accepted.status == .accepted && accepted.reviewedBy == "dangan")
        let accession = try f.read { _, db in try Accession.find(id: accepted.accessionID!, db: db) }
        #expect(accession.campaignID == campaign.id && accession.sanqin == "亲历")
        #expect(try f.read { _, db in try AgentStore.links(accessionID: accession.id, db: db) }.map { "\($0.agent.name)\($0.role.title)" } == ["王文提供者"])
        #expect(throws: LvzhiError.self) { try self.f.write { tx in try CollectionStore.review(id: mine.id!, accept: false, note: "重复审核", tx: tx) } }
        _ = try f.write { tx in try CollectionStore.review(id: publicOne.id!, accept: false, note: "与已有资料重复", tx: tx) }
        let progress = try f.read { c, db in try CollectionStore.plans(officeCode: "ordos", context: c, db: db) }
        #expect(progress.first?.accessions == 1 && progress.first?.percent == 25)
    }

    @Test("社会公众来稿被采用：联系方式留在来稿上（仅文史工作人员可见），不进人物说明")
    func publicContactStaysOnSubmission() throws {
        let submission = try f.write("staff") { tx in try CollectionStore.submit(officeCode: "ordos", campaignID: nil, title: "祖父的日记",
                                                                                 summary: "", sanqin: "亲闻", submitter: "赵公众", contact: "13800001111", tx: tx) }
        _ = try f.write { tx in try CollectionStore.review(id: submission.id!, accept: true, note: "采用", tx: tx) }
        let agents = try f.read("weiyuan") { c, db in try AgentStore.list(officeCode: "ordos", context: c, db: db) }
        let agent = try #require(agents.first { $0.name == "赵公众" })
        #expect(!(agent.notes ?? "").contains("13800001111"), "\(agent)")
        #expect(try f.read { c, db in try CollectionStore.submissions(officeCode: "ordos", status: nil, context: c, db: db) }
            .first { $0.id == submission.id }?.contact == "13800001111")
    }

    @Test("模块未启用时一切拒绝；委员不能著录")
    func permissions() throws {
        #expect(throws: LvzhiError.self) {
            try self.f.write("weiyuan") { tx in try DescriptionStore.add(officeCode: "ordos", UnitInput(level: "件", referenceCode: "A", title: "x"), tx: tx) }
        }
        try ModuleStore(host: f.host, context: f.admin).disable(ArchivePlugin.id, officeCode: "ordos")
        let error = #expect(throws: LvzhiError.self) { try self.f.read { c, db in try DescriptionStore.list(officeCode: "ordos", context: c, db: db) } }
        #expect(error?.code == .moduleDisabled)
    }
}
