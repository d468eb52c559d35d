import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// What a volume is added with.
public struct VolumeInput: Sendable {
    /// 丛书名（鄂尔多斯文史资料）.
    public var series: String
    /// 第 N 辑.
    public var number: Int
    public var title: String
    /// 出版日期: 2026、2026-06、2026年6月12日.
    public var publishedOn: String?
    public var editors: [String]
    public var isbn: String?
    public var notes: String?

    public init(series: String, number: Int, title: String, publishedOn: String? = nil, editors: [String] = [], isbn: String? = nil, notes: String? = nil) {
        self.series = series; self.number = number; self.title = title; self.publishedOn = publishedOn; self.editors = editors
        self.isbn = isbn; self.notes = notes
    }
}

/// What a piece is put into a volume with.
public struct VolumeItemInput: Sendable {
    public var unitID: Int64
    public var pageFrom: Int
    public var pageTo: Int
    /// The title as printed (the unit's title when nil).
    public var printedTitle: String?
    /// The author as printed (the unit's 责任者 when nil).
    public var printedAuthor: String?

    public init(unitID: Int64, pageFrom: Int, pageTo: Int, printedTitle: String? = nil, printedAuthor: String? = nil) {
        self.unitID = unitID; self.pageFrom = pageFrom; self.pageTo = pageTo; self.printedTitle = printedTitle; self.printedAuthor = printedAuthor
    }
}

/// Publication in numbered volumes (第N辑): the volume, unique by series and number in the
/// office, and its contents with page ranges that do not overlap. Only a unit whose latest
/// editorial decision is 采用 or 修改后采用 goes in, and only when ``UnitUse`` allows publishing it.
public enum VolumeStore {
    /// Adds a volume.
    public static func add(officeCode: String, _ input: VolumeInput, tx: AuditedTransaction) throws -> Volume {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard let series = seriesName(input.series) else {
            throw LvzhiError.invalid("丛书名", input.series, "不能为空", hint: "如 鄂尔多斯文史资料")
        }
        try NumberRange.check(input.number, in: NumberRange.ordinal, field: "辑号")
        guard let title = input.title.nonBlank else { throw LvzhiError.invalid("书名", input.title, "不能为空") }
        if let existing = try Volume.filter(Column("office_id") == office.id && Column("series") == series && Column("number") == input.number).fetchOne(tx.db) {
            throw LvzhiError(.conflict, "\(existing.displayName)已经登记（ID \(existing.id!)「\(existing.title)」）", hint: "辑号在同一丛书内唯一")
        }
        var published: String?
        if let text = input.publishedOn.nonBlank {
            let date = try ArchivalDate.parse(text, field: "出版日期")
            guard !date.approximate else { throw LvzhiError.invalid("出版日期", text, "须是确切的年、年月或日期") }
            published = date.value
        }
        let editors = EditorialReviewStore.normalise(input.editors)
        var volume = Volume(officeID: office.id, series: series, number: input.number, title: title, publishedOn: published,
                            editors: editors.isEmpty ? nil : editors.joined(separator: "、"), isbn: try input.isbn.nonBlank.map(ISBN.validate),
                            notes: input.notes.nonBlank, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&volume)
        tx.emit(DomainEvent(name: "archive.volume_added", officeID: office.id, entity: Volume.databaseTableName, entityID: volume.id))
        return volume
    }

    /// Puts a unit into volume `volumeID` on pages `pageFrom`–`pageTo`.
    public static func addItem(volumeID: Int64, _ input: VolumeItemInput, tx: AuditedTransaction) throws -> VolumeItem {
        let volume = try Volume.find(id: volumeID, db: tx.db)
        let office = try Office.find(id: volume.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        let unit = try DescriptionUnit.find(id: input.unitID, db: tx.db)
        guard unit.officeID == office.id else { throw LvzhiError.invalid("著录条目", "ID \(input.unitID)", "不属于「\(office.name)」") }
        let use = try UnitUse.of(unit, db: tx.db)
        guard unit.level == .item else {
            throw LvzhiError.invalid("著录条目", "ID \(input.unitID)「\(unit.title)」", "是\(unit.level.title)，一辑收入的每一篇是一件（层级「件」）",
                                     hint: "用 lvzhi archive unit tree --office \(office.code) 查看各条目的层级和 ID")
        }
        if let existing = try VolumeItem.filter(Column("volume_id") == volumeID && Column("unit_id") == unit.id).fetchOne(tx.db) {
            throw LvzhiError(.conflict, "\(use.name)已收入\(volume.displayName)（第 \(existing.pages) 页）")
        }
        guard let review = try EditorialReviewStore.latest(unitID: unit.id!, db: tx.db) else {
            throw LvzhiError(.ruleViolation, "\(use.name)还没有编审记录：须经编审，决定为「采用」或「修改后采用」才能收入",
                             hint: "用 lvzhi archive review add \(unit.id!) --decision 采用 --reviewer 姓名 记录编审")
        }
        guard review.decision.publishable else {
            throw LvzhiError(.ruleViolation, "\(use.name)最近一轮编审（第 \(review.round) 轮，\(review.reviewedOn)）的决定为「\(review.decision.title)」，不能收入\(volume.displayName)",
                             hint: "只有「采用」或「修改后采用」的稿件可以收入；重新编审后再收入")
        }
        if let refusal = use.refusal(.publish) { throw refusal }
        guard input.pageFrom >= 1 else { throw LvzhiError.invalid("起始页", String(input.pageFrom), "应为正整数") }
        guard input.pageTo >= input.pageFrom else {
            throw LvzhiError.invalid("页码", "\(input.pageFrom)–\(input.pageTo)", "终止页小于起始页")
        }
        if let overlap = try VolumeItem.filter(Column("volume_id") == volumeID && Column("page_from") <= input.pageTo && Column("page_to") >= input.pageFrom)
            .order(Column("page_from")).fetchOne(tx.db) {
            throw LvzhiError(.conflict, "页码 \(input.pageFrom)–\(input.pageTo) 与\(volume.displayName)已有的「\(overlap.printedTitle)」（第 \(overlap.pages) 页）重叠",
                             hint: "同一辑中各篇的页码不能重叠")
        }
        guard let title = (input.printedTitle ?? unit.title).nonBlank else { throw LvzhiError.invalid("篇名", input.printedTitle ?? "", "不能为空") }
        var item = VolumeItem(officeID: office.id, volumeID: volumeID, unitID: unit.id!, printedTitle: title,
                              printedAuthor: input.printedAuthor == nil ? unit.creator : input.printedAuthor.nonBlank,
                              pageFrom: input.pageFrom, pageTo: input.pageTo, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&item)
        tx.emit(DomainEvent(name: "archive.volume_item_added", officeID: office.id, entity: VolumeItem.databaseTableName, entityID: item.id))
        return item
    }

    /// A series name without surrounding spaces and 《》, or nil when blank.
    static func seriesName(_ text: String) -> String? {
        text.nonBlank?.trimmingCharacters(in: CharacterSet(charactersIn: "《》")).nonBlank
    }
}
