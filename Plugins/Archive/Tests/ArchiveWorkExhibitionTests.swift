import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Exhibitions (展陈): sections, exhibits, labels, original or copy.
@Suite("文史资料：展陈")
final class ArchiveWorkExhibitionTests {
    let f: ArchiveFixture
    init() throws { f = try ArchiveFixture(label: "archive-exhibition") }

    func add(_ title: String, from: String = "2026-05-01", to: String? = "2026-12-31") throws -> Exhibition {
        try f.write { tx in try ExhibitionStore.add(officeCode: "ordos", ExhibitionInput(title: title, opensOn: from, closesOn: to), tx: tx) }
    }

    func section(_ exhibition: Int64, _ title: String) throws -> ExhibitionSection {
        try f.write { tx in try ExhibitionStore.addSection(exhibitionID: exhibition, title: title, introduction: "导语", tx: tx) }
    }

    @discardableResult
    func show(_ unit: Int64, in section: Int64, _ form: ExhibitForm, label: String = "展签") throws -> ExhibitionItem {
        try f.write { tx in try ExhibitionStore.addItem(sectionID: section, unitID: unit, label: label, form: form, tx: tx) }
    }

    @Test("展览、单元、展品按顺序；开放资料可展原件；同一原件同一时间只能在一个展览中")
    func exhibition() throws {
        let e = try add("鄂尔多斯政协七十年")
        #expect(e.venue == "政协文史馆" && e.period == "2026-05-01 至 2026-12-31")
        let one = try section(e.id!, "协商建国"), two = try section(e.id!, "改革开放")
        #expect(one.position == 1 && two.position == 2)
        let letter = try f.unit("件", "Z-1", "1949年的一封信"), photo = try f.unit("件", "Z-2", "老照片")
        let first = try show(letter.id!, in: one.id!, .original, label: "1949年伊克昭盟和平解放时的一封信（原件）")
        let second = try show(photo.id!, in: one.id!, .copy)
        #expect(first.position == 1 && second.position == 2 && first.form == .original)
        let detail = try f.read("weiyuan") { c, db in try ExhibitionQuery.detail(e.id!, context: c, db: db) }
        #expect(detail.sections.map(\.title) == ["协商建国", "改革开放"])
        #expect(detail.sections[0].items.map(\.formTitle) == ["原件", "复制件"] && detail.sections[0].items[0].referenceCode == "Z-1")
        #expect(detail.exhibition.items == 2 && detail.exhibition.sections == 2)

        let later = try add("常设展", from: "2026-10-01", to: nil)
        let laterSection = try section(later.id!, "展厅一")
        let elsewhere = try add("早已结束的展览", from: "2020-01-01", to: "2020-12-31")
        let elsewhereSection = try section(elsewhere.id!, "展厅")
        let before = try f.snapshot()
        let bad: [(String, () throws -> Void)] = [
            ("原件已在展览「鄂尔多斯政协七十年」", { try self.show(letter.id!, in: laterSection.id!, .original) }),
            ("已在展览「鄂尔多斯政协七十年」的第 1 单元", { try self.show(letter.id!, in: two.id!, .copy) }),
            ("展签", { try self.show(photo.id!, in: laterSection.id!, .copy, label: "  ") }),
            ("已有单元", { _ = try self.section(e.id!, "协商建国") }),
            ("早于开展日期", { _ = try self.add("倒置", from: "2026-05-01", to: "2026-04-01") }),
            ("权限", { try self.f.write("weiyuan") { tx in _ = try ExhibitionStore.add(officeCode: "ordos", ExhibitionInput(title: "委员办展"), tx: tx) } }),
        ]
        for (message, step) in bad {
            let error = refusal(step)
            #expect(error?.description.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        #expect(try f.snapshot() == before)
        try show(letter.id!, in: laterSection.id!, .copy)
        try show(letter.id!, in: elsewhereSection.id!, .original)
        let list = try f.read("weiyuan") { c, db in try ExhibitionQuery.list(officeCode: "ordos", context: c, db: db) }
        #expect(list.map(\.title) == ["常设展", "鄂尔多斯政协七十年", "早已结束的展览"] && list[0].period == "2026-10-01 起（常设）")
    }

    @Test("秘密及以上、不开放、受开放限制、未签授权书的一律不展；控制、内部、受使用限制的只展复制件")
    func exhibitionRules() throws {
        let e = try add("文史资料展")
        let s = try section(e.id!, "第一单元")
        let secret = try f.unit("件", "E-1", "秘密件", secrecy: "秘密")
        let topSecret = try f.unit("件", "E-2", "绝密件", secrecy: "绝密")
        let closed = try f.unit("件", "E-3", "不开放件", openness: "不开放")
        let restricted = try f.accession("限制开放的录音", RestrictionInput(access: true, accessNote: "口述者要求十年后开放"))
        let accessRestricted = try f.unit("件", "E-4", "限制开放件", accession: restricted.id)
        let interviewer = try f.person("李采集")
        let noConsent = try f.interview("E-5", title: "未签授权书", narrator: try f.person("某老人").id, interviewer: interviewer.id!, consent: false)
        let controlled = try f.unit("件", "E-6", "控制件", openness: "控制")
        let internalUnit = try f.unit("件", "E-7", "内部件", secrecy: "内部")
        let useLimited = try f.accession("限制使用", RestrictionInput(use: true, useNote: "寄存人保留出版权"))
        let used = try f.unit("件", "E-8", "受使用限制件", accession: useLimited.id)

        let before = try f.snapshot()
        for (unit, form, message) in [(secret.id!, ExhibitForm.copy, "秘密及以上"), (topSecret.id!, .copy, "「绝密」"), (closed.id!, .copy, "不开放"),
                                      (accessRestricted.id!, .copy, "限制开放"), (noConsent.unitID, .copy, "授权书"),
                                      (controlled.id!, .original, "只能展出复制件"), (internalUnit.id!, .original, "只能展出复制件"),
                                      (used.id!, .original, "限制使用")] {
            let error = refusal { try self.show(unit, in: s.id!, form) }
            #expect(error?.code == .ruleViolation && error?.message.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        #expect(try f.snapshot() == before, "被拒绝的展品不改变数据")
        for unit in [controlled.id!, internalUnit.id!, used.id!] { try show(unit, in: s.id!, .copy) }
        let seen = try f.read("weiyuan") { c, db in try ExhibitionQuery.detail(e.id!, context: c, db: db) }
        #expect(seen.sections[0].items.map(\.referenceCode) == [nil, nil, "E-8"], "展签公开，受限条目的档号委员看不到")
    }
}
