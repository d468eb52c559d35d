import GRDB
import LvzhiCore
import LvzhiStorage

/// What an exhibition is added with.
public struct ExhibitionInput: Sendable {
    public var title: String
    /// 政协文史馆 when nil.
    public var venue: String?
    /// The opening day (today when nil).
    public var opensOn: String?
    /// The closing day (nil: a permanent exhibition).
    public var closesOn: String?
    public var notes: String?

    public init(title: String, venue: String? = nil, opensOn: String? = nil, closesOn: String? = nil, notes: String? = nil) {
        self.title = title; self.venue = venue; self.opensOn = opensOn; self.closesOn = closesOn; self.notes = notes
    }
}

/// Exhibitions (展陈): an exhibition with sections in order and exhibits in order within each,
/// each exhibit a unit with its label, shown as the original or a copy under the rules of
/// ``UnitUse``: nothing classified (秘密 and above), 不开放, deaccessioned, under an access
/// restriction or (for oral histories) without the narrator's consent is shown at all; what is
/// 控制 or 内部, or under a use restriction, only as a copy; and an original can be in only one
/// exhibition at a time.
public enum ExhibitionStore {
    /// The default venue.
    public static let museum = "政协文史馆"

    /// Adds an exhibition.
    public static func add(officeCode: String, _ input: ExhibitionInput, tx: AuditedTransaction) throws -> Exhibition {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard let title = input.title.nonBlank else { throw LvzhiError.invalid("展览名称", input.title, "不能为空") }
        let opens = try input.opensOn.nonBlank.map { try CalendarDate.parse($0, field: "开展日期") } ?? Timestamp.todayInBeijing()
        let closes = try input.closesOn.nonBlank.map { try CalendarDate.parse($0, field: "闭展日期") }
        if let closes, closes < opens { throw LvzhiError.invalid("闭展日期", closes, "早于开展日期 \(opens)") }
        var exhibition = Exhibition(officeID: office.id, title: title, venue: input.venue.nonBlank ?? museum, opensOn: opens, closesOn: closes,
                                    notes: input.notes.nonBlank, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&exhibition)
        tx.emit(DomainEvent(name: "archive.exhibition_added", officeID: office.id, entity: Exhibition.databaseTableName, entityID: exhibition.id))
        return exhibition
    }

    /// Adds the next section of exhibition `exhibitionID`.
    public static func addSection(exhibitionID: Int64, title: String, introduction: String? = nil, tx: AuditedTransaction) throws -> ExhibitionSection {
        let exhibition = try Exhibition.find(id: exhibitionID, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: try Office.find(id: exhibition.officeID!, db: tx.db), db: tx.db)
        guard let title = title.nonBlank else { throw LvzhiError.invalid("单元名称", title, "不能为空") }
        if try ExhibitionSection.filter(Column("exhibition_id") == exhibitionID && Column("title") == title).fetchCount(tx.db) > 0 {
            throw LvzhiError(.conflict, "展览「\(exhibition.title)」已有单元「\(title)」")
        }
        let last = try Int.fetchOne(tx.db, sql: "SELECT MAX(position) FROM archive_exhibition_sections WHERE exhibition_id = ?", arguments: [exhibitionID]) ?? 0
        var section = ExhibitionSection(officeID: exhibition.officeID, exhibitionID: exhibitionID, position: last + 1, title: title,
                                        introduction: introduction.nonBlank)
        try tx.insert(&section)
        return section
    }

    /// Shows unit `unitID` in section `sectionID`, after the section's last exhibit.
    public static func addItem(sectionID: Int64, unitID: Int64, label: String, form: ExhibitForm, tx: AuditedTransaction) throws -> ExhibitionItem {
        guard let section = try ExhibitionSection.fetchOne(tx.db, key: sectionID) else {
            throw LvzhiError.notFound("展陈单元", "单元 ID \(sectionID)",
                                      hint: "展品加在单元中，要给单元 ID（不是展览 ID）；用 lvzhi archive exhibition show 展览ID 查看各单元的 ID")
        }
        let exhibition = try Exhibition.find(id: section.exhibitionID, db: tx.db)
        let office = try Office.find(id: exhibition.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        let unit = try DescriptionUnit.find(id: unitID, db: tx.db)
        guard unit.officeID == office.id else { throw LvzhiError.invalid("著录条目", "ID \(unitID)", "不属于「\(office.name)」") }
        let use = try UnitUse.of(unit, db: tx.db)
        if let refusal = use.refusal(form == .original ? .exhibitOriginal : .exhibitCopy) { throw refusal }
        guard let label = label.nonBlank else {
            throw LvzhiError.invalid("展签", label, "不能为空", hint: "写明展品名称、年代、来源等，如 1949年伊克昭盟和平解放亲历记（手稿），王某某捐赠")
        }
        if let shown = try ExhibitionItem.fetchOne(tx.db, sql: """
            SELECT i.* FROM archive_exhibition_items i JOIN archive_exhibition_sections s ON s.id = i.section_id
            WHERE s.exhibition_id = ? AND i.unit_id = ?
            """, arguments: [exhibition.id, unitID]) {
            let where_ = try ExhibitionSection.find(id: shown.sectionID, db: tx.db)
            throw LvzhiError(.conflict, "\(use.name)已在展览「\(exhibition.title)」的第 \(where_.position) 单元「\(where_.title)」中展出")
        }
        if form == .original {
            let others = try Exhibition.fetchAll(tx.db, sql: """
                SELECT DISTINCT e.* FROM archive_exhibitions e JOIN archive_exhibition_sections s ON s.exhibition_id = e.id
                JOIN archive_exhibition_items i ON i.section_id = s.id
                WHERE i.unit_id = ? AND i.form = 'original' AND e.id != ?
                """, arguments: [unitID, exhibition.id])
            if let busy = others.first(where: { $0.overlaps(exhibition) }) {
                throw LvzhiError(.conflict, "\(use.name)的原件已在展览「\(busy.title)」（\(busy.period)）中展出，同一时间不能再展出原件",
                                 hint: "展出复制件（去掉 --original），或等该展览结束")
            }
        }
        let last = try Int.fetchOne(tx.db, sql: "SELECT MAX(position) FROM archive_exhibition_items WHERE section_id = ?", arguments: [sectionID]) ?? 0
        var item = ExhibitionItem(officeID: office.id, sectionID: sectionID, unitID: unitID, position: last + 1, label: label, form: form,
                                  createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&item)
        tx.emit(DomainEvent(name: "archive.exhibited", officeID: office.id, entity: ExhibitionItem.databaseTableName, entityID: item.id))
        return item
    }
}
