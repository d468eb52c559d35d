import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Editorial review (编审) and publication in numbered volumes (第N辑).
@Suite("文史资料：编审与出版")
final class ArchiveWorkPublicationTests {
    let f: ArchiveFixture
    init() throws { f = try ArchiveFixture(label: "archive-publication") }

    @Test("编审按轮次记录；修改后采用和退稿须写意见；编辑稿按版本保留")
    func reviewsAndVersions() throws {
        let unit = try f.unit("件", "WS-1", "伊克昭盟解放亲历记", body: "原稿")
        let first = try f.review(unit.id!, "修改后采用", note: "核实人名地名", reviewers: ["张编审、李编审", "张编审"])
        #expect(first.round == 1 && first.reviewers == "张编审、李编审" && first.decision == .adoptedRevised && first.reviewedOn == Timestamp.todayInBeijing())
        let v1 = try f.write { tx in try EditorialReviewStore.addVersion(unitID: unit.id!, text: "修改稿：核实了人名。", note: "按第一轮意见修改", round: 1, tx: tx) }
        let second = try f.review(unit.id!, "采用")
        #expect(second.round == 2)
        let v2 = try f.write { tx in try EditorialReviewStore.addVersion(unitID: unit.id!, text: "定稿。", tx: tx) }
        #expect(v1.version == 1 && v2.version == 2 && v1.reviewRound == 1 && v1.length == 10)
        let rounds = try f.read { c, db in try EditorialReviewStore.reviews(unitID: unit.id!, context: c, db: db) }
        #expect(rounds.map(\.decision) == [.adoptedRevised, .adopted])
        #expect(try f.read { c, db in try EditorialReviewStore.version(unitID: unit.id!, number: 1, context: c, db: db) }.text == "修改稿：核实了人名。")
        #expect(try f.read { c, db in try EditorialReviewStore.version(unitID: unit.id!, context: c, db: db) }.version == 2)
        #expect(try f.read { c, db in try EditorialReviewStore.versions(unitID: unit.id!, context: c, db: db) }.count == 2)

        let before = try f.snapshot()
        let bad: [(String, () throws -> Void)] = [
            ("须写明退稿理由", { _ = try self.f.review(unit.id!, "退稿") }),
            ("须写明修改意见", { _ = try self.f.review(unit.id!, "修改后采用", note: " ") }),
            ("至少写一位编审人员", { _ = try self.f.review(unit.id!, "采用", reviewers: [" ", "、"]) }),
            ("不是可用的决定", { _ = try self.f.review(unit.id!, "待定") }),
            ("不能晚于今天", { _ = try self.f.write { tx in try EditorialReviewStore.add(unitID: unit.id!, decision: "采用", reviewers: ["张"], on: CalendarDate.adding(days: 1, to: Timestamp.todayInBeijing()), tx: tx) } }),
            ("早于上一轮", { _ = try self.f.write { tx in try EditorialReviewStore.add(unitID: unit.id!, decision: "采用", reviewers: ["张"], on: "2000-01-01", tx: tx) } }),
            ("完全相同", { _ = try self.f.write { tx in try EditorialReviewStore.addVersion(unitID: unit.id!, text: "定稿。", tx: tx) } }),
            ("第 9 轮", { _ = try self.f.write { tx in try EditorialReviewStore.addVersion(unitID: unit.id!, text: "新稿", round: 9, tx: tx) } }),
            ("权限", { _ = try self.f.write("weiyuan") { tx in try EditorialReviewStore.add(unitID: unit.id!, decision: "采用", reviewers: ["王"], tx: tx) } }),
            ("权限", { _ = try self.f.read("staff") { c, db in try EditorialReviewStore.reviews(unitID: unit.id!, context: c, db: db) } }),
        ]
        for (message, step) in bad {
            let error = refusal(step)
            #expect(error?.description.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        #expect(try f.snapshot() == before, "被拒绝的编审不改变数据")
    }

    @Test("一辑的目录：只收采用或修改后采用的稿件，页码不重叠，按页码排列；辑号在丛书内唯一")
    func volumes() throws {
        let adopted = try f.unit("件", "WS-1", "难忘的岁月")
        let revised = try f.unit("件", "WS-2", "治沙记")
        let rejected = try f.unit("件", "WS-3", "不够翔实的回忆")
        let kept = try f.unit("件", "WS-4", "存稿备用的一篇")
        let unreviewed = try f.unit("件", "WS-5", "还没编审的一篇")
        try f.review(adopted.id!, "采用")
        try f.review(revised.id!, "修改后采用", note: "压缩篇幅")
        try f.review(rejected.id!, "采用")
        try f.review(rejected.id!, "退稿", note: "史实有误")
        try f.review(kept.id!, "存稿备用")
        let volume = try f.volume(12)
        #expect(volume.displayName == "《鄂尔多斯文史资料》第12辑" && volume.publishedOn == "2026-06" && volume.editors == "张编审")
        try f.include(revised.id!, in: volume.id!, 19, 32)
        let first = try f.write { tx in
            try VolumeStore.addItem(volumeID: volume.id!, VolumeItemInput(unitID: adopted.id!, pageFrom: 1, pageTo: 18, printedTitle: "难忘的岁月（节选）",
                                                                          printedAuthor: "王文口述　李采集整理"), tx: tx)
        }
        #expect(first.printedAuthor == "王文口述　李采集整理")

        let overlapping = try f.unit("件", "WS-6", "页码重叠的一篇"), enclosing = try f.unit("件", "WS-7", "包住已有篇目"), reversed = try f.unit("件", "WS-8", "倒置")
        let wholeSeries = try f.unit("系列", "WS-9", "一个系列")
        for u in [overlapping, enclosing, reversed, wholeSeries] { try f.review(u.id!, "采用") }
        let before = try f.snapshot()
        let bad: [(String, () throws -> Void)] = [
            ("决定为「退稿」", { try self.f.include(rejected.id!, in: volume.id!, 40, 50) }),
            ("决定为「存稿备用」", { try self.f.include(kept.id!, in: volume.id!, 40, 50) }),
            ("还没有编审记录", { try self.f.include(unreviewed.id!, in: volume.id!, 40, 50) }),
            ("重叠", { try self.f.include(overlapping.id!, in: volume.id!, 30, 40) }),
            ("重叠", { try self.f.include(enclosing.id!, in: volume.id!, 10, 60) }),
            ("已收入", { try self.f.include(adopted.id!, in: volume.id!, 100, 101) }),
            ("终止页小于起始页", { try self.f.include(reversed.id!, in: volume.id!, 60, 50) }),
            ("一辑收入的每一篇是一件", { try self.f.include(wholeSeries.id!, in: volume.id!, 70, 80) }),
            ("已经登记", { _ = try self.f.volume(12, "另一本第十二辑") }),
            ("ISBN", { _ = try self.f.write { tx in try VolumeStore.add(officeCode: "ordos", VolumeInput(series: "鄂尔多斯文史资料", number: 13, title: "x", isbn: "978-7-111-11111-2"), tx: tx) } }),
            ("出版日期", { _ = try self.f.write { tx in try VolumeStore.add(officeCode: "ordos", VolumeInput(series: "鄂尔多斯文史资料", number: 13, title: "x", publishedOn: "约2026年"), tx: tx) } }),
            ("权限", { _ = try self.f.write("weiyuan") { tx in try VolumeStore.add(officeCode: "ordos", VolumeInput(series: "鄂尔多斯文史资料", number: 14, title: "x"), tx: tx) } }),
        ]
        for (message, step) in bad {
            let error = refusal(step)
            #expect(error?.description.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        #expect(try f.snapshot() == before, "被拒绝的步骤不改变数据")

        // Another series may reuse the number; a valid ISBN is kept.
        let other = try f.write { tx in try VolumeStore.add(officeCode: "ordos", VolumeInput(series: "《准格尔文史》", number: 12, title: "煤海春秋",
                                                                                             isbn: "978-7-111-11111-5"), tx: tx) }
        #expect(other.series == "准格尔文史" && other.isbn == "978-7-111-11111-5")
        try f.review(rejected.id!, "修改后采用", note: "已更正史实")
        try f.include(rejected.id!, in: volume.id!, 33, 33)

        let contents = try f.read("weiyuan") { c, db in try VolumeQuery.contents(volume.id!, context: c, db: db) }
        #expect(contents.contents.map(\.pages) == ["1–18", "19–32", "33"])
        #expect(contents.contents.map(\.title) == ["难忘的岁月（节选）", "治沙记", "不够翔实的回忆"])
        #expect(contents.volume.items == 3 && contents.volume.pages == 33)
        let list = try f.read("weiyuan") { c, db in try VolumeQuery.list(officeCode: "ordos", context: c, db: db) }
        #expect(list.map(\.name) == ["《准格尔文史》第12辑", "《鄂尔多斯文史资料》第12辑"])
        #expect(try f.read { c, db in try VolumeQuery.list(officeCode: "ordos", series: "鄂尔多斯文史资料", context: c, db: db) }.count == 1)
        let report = try f.read { c, db in try VolumeQuery.report(officeCode: "ordos", context: c, db: db) }
        #expect(report.map(\.contents.count) == [0, 3])
    }

    @Test("涉密、不开放、受使用限制的稿件和未签授权书的口述史料不能出版；委员在目录中看不到受限条目的档号")
    func publicationRules() throws {
        let volume = try f.volume(1)
        let secret = try f.unit("件", "S-1", "涉密稿", secrecy: "秘密")
        let closed = try f.unit("件", "S-2", "不开放稿", openness: "不开放")
        let restricted = try f.accession("限制使用的手稿", RestrictionInput(use: true, useNote: "未经提供者同意不得出版", useEndsOn: "2099-01-01"))
        let used = try f.unit("件", "S-3", "受使用限制的稿", accession: restricted.id)
        let interviewer = try f.person("李采集")
        let noConsent = try f.interview("S-4", title: "未签授权书的口述", narrator: try f.person("某老人").id, interviewer: interviewer.id!, consent: false)
        let controlled = try f.unit("件", "S-5", "控制使用的稿", openness: "控制")
        for unit in [secret.id!, closed.id!, used.id!, noConsent.unitID, controlled.id!] { try f.review(unit, "采用") }
        let before = try f.snapshot()
        for (unit, message) in [(secret.id!, "秘密及以上"), (closed.id!, "不开放"), (used.id!, "限制使用"), (noConsent.unitID, "授权书")] {
            let error = refusal { try self.f.include(unit, in: volume.id!, 1, 2) }
            #expect(error?.code == .ruleViolation && error?.message.contains(message) == true, "\(message)：\(error?.description ?? "未被拒绝")")
        }
        #expect(try f.snapshot() == before)
        try f.include(controlled.id!, in: volume.id!, 1, 2)
        let seen = try f.read("weiyuan") { c, db in try VolumeQuery.contents(volume.id!, context: c, db: db) }
        #expect(seen.contents.map(\.title) == ["控制使用的稿"] && seen.contents[0].referenceCode == nil && seen.contents[0].unitID == nil)
        #expect(try f.read { c, db in try VolumeQuery.contents(volume.id!, context: c, db: db) }.contents[0].referenceCode == "S-5")
    }

    @Test("数据库同样拒绝页码重叠和重复的辑号")
    func databaseRefusesOverlap() throws {
        let volume = try f.volume(3)
        let a = try f.unit("件", "D-1", "甲"), b = try f.unit("件", "D-2", "乙")
        try f.review(a.id!, "采用")
        try f.include(a.id!, in: volume.id!, 5, 10)
        #expect(throws: (any Error).self) {
            try self.f.host.write(as: self.f.admin) { tx in
                try tx.db.execute(sql: """
                    INSERT INTO archive_volume_items (office_id, volume_id, unit_id, printed_title, page_from, page_to, created_by, created_at)
                    VALUES (?, ?, ?, '乙', 10, 12, 'x', 'x')
                    """, arguments: [volume.officeID, volume.id, b.id])
            }
        }
        #expect(throws: (any Error).self) {
            try self.f.host.write(as: self.f.admin) { tx in
                try tx.db.execute(sql: "INSERT INTO archive_volumes (office_id, series, number, title, created_by, created_at) VALUES (?, '鄂尔多斯文史资料', 3, 'x', 'x', 'x')",
                                  arguments: [volume.officeID])
            }
        }
    }

    @Test("ISBN 校验位")
    func isbn() throws {
        #expect(try ISBN.validate("978-7-111-11111-5") == "978-7-111-11111-5")
        #expect(try ISBN.validate("ISBN 7-111-11111-7") == "ISBN 7-111-11111-7")
        #expect(try ISBN.validate("080442957X") == "080442957X")
        for bad in ["978-7-111-11111-2", "12345", "7-111-11111-3", "97871111111１x"] {
            #expect(throws: LvzhiError.self, "\(bad)") { try ISBN.validate(bad) }
        }
    }
}
