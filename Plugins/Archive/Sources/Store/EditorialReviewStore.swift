import GRDB
import LvzhiCore
import LvzhiStorage

/// Editorial review (编审): rounds of review per unit by the editorial team, each with a
/// decision, and the kept versions of the edited text. Only archivists (``ArchivePlugin/manage``)
/// record and read them.
public enum EditorialReviewStore {
    /// Records the next round of review of unit `unitID`. 修改后采用 and 退稿 must say why;
    /// the date (today when nil) may not be in the future nor before the previous round.
    public static func add(unitID: Int64, decision: String, reviewers: [String], note: String? = nil, on date: String? = nil,
                           tx: AuditedTransaction) throws -> EditorialReview {
        let (_, office) = try load(unitID, tx: tx)
        let decision = try EditorialDecision.parse(decision)
        let names = normalise(reviewers)
        guard !names.isEmpty else { throw LvzhiError.invalid("编审人员", "", "至少写一位编审人员", hint: "如 --reviewer 张某 --reviewer 李某") }
        if decision.needsNote, note.nonBlank == nil {
            throw LvzhiError.invalid("编审意见", "", "「\(decision.title)」须写明\(decision == .rejected ? "退稿理由" : "修改意见")", hint: "用 --note 写明")
        }
        let day = try date.map { try CalendarDate.parse($0, field: "编审日期") } ?? Timestamp.todayInBeijing()
        guard day <= Timestamp.todayInBeijing() else { throw LvzhiError.invalid("编审日期", day, "不能晚于今天") }
        let previous = try latest(unitID: unitID, db: tx.db)
        if let previous, day < previous.reviewedOn {
            throw LvzhiError.invalid("编审日期", day, "早于上一轮（第 \(previous.round) 轮，\(previous.reviewedOn)）")
        }
        var review = EditorialReview(officeID: office.id, unitID: unitID, round: (previous?.round ?? 0) + 1, reviewers: names.joined(separator: "、"),
                                     decision: decision, note: note.nonBlank, reviewedOn: day, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&review)
        tx.emit(DomainEvent(name: "archive.reviewed", officeID: office.id, entity: EditorialReview.databaseTableName, entityID: review.id))
        return review
    }

    /// Keeps a new version of unit `unitID`'s edited text (optionally answering review round `round`).
    public static func addVersion(unitID: Int64, text: String, note: String? = nil, round: Int? = nil, tx: AuditedTransaction) throws -> EditedVersion {
        let (unit, office) = try load(unitID, tx: tx)
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard text.nonBlank != nil else { throw LvzhiError.invalid("编辑稿", "", "不能为空") }
        if let round, try EditorialReview.filter(Column("unit_id") == unitID && Column("round") == round).fetchCount(tx.db) == 0 {
            throw LvzhiError.notFound("编审记录", "\(unit.referenceCode) 的第 \(round) 轮", hint: "用 lvzhi archive review list \(unitID) 查看")
        }
        let previous = try EditedVersion.filter(Column("unit_id") == unitID).order(Column("version").desc).fetchOne(tx.db)
        if let previous, previous.text == text { throw LvzhiError(.conflict, "编辑稿与第 \(previous.version) 版完全相同，未新增版本") }
        var version = EditedVersion(officeID: office.id, unitID: unitID, version: (previous?.version ?? 0) + 1, text: text, length: text.unicodeScalars.count,
                                    note: note.nonBlank, reviewRound: round, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&version)
        return version
    }

    /// The rounds of review of unit `unitID`, in order.
    public static func reviews(unitID: Int64, context: AccessContext, db: Database) throws -> [EditorialReview] {
        _ = try managed(unitID, context: context, db: db)
        return try EditorialReview.filter(Column("unit_id") == unitID).order(Column("round")).fetchAll(db)
    }

    /// The kept versions of unit `unitID`'s edited text, without the text.
    public static func versions(unitID: Int64, context: AccessContext, db: Database) throws -> [EditedVersionSummary] {
        _ = try managed(unitID, context: context, db: db)
        return try EditedVersion.filter(Column("unit_id") == unitID).order(Column("version")).fetchAll(db).map {
            EditedVersionSummary(version: $0.version, length: $0.length, note: $0.note, reviewRound: $0.reviewRound, createdBy: $0.createdBy, createdAt: $0.createdAt)
        }
    }

    /// Version `number` (the latest when nil) of unit `unitID`'s edited text.
    public static func version(unitID: Int64, number: Int? = nil, context: AccessContext, db: Database) throws -> EditedVersion {
        let unit = try managed(unitID, context: context, db: db)
        var request = EditedVersion.filter(Column("unit_id") == unitID)
        request = number.map { request.filter(Column("version") == $0) } ?? request.order(Column("version").desc)
        guard let found = try request.fetchOne(db) else {
            throw LvzhiError.notFound("编辑稿", number.map { "\(unit.referenceCode) 的第 \($0) 版" } ?? "\(unit.referenceCode) 还没有编辑稿")
        }
        return found
    }

    /// The latest round of review of unit `unitID`, if any.
    public static func latest(unitID: Int64, db: Database) throws -> EditorialReview? {
        try EditorialReview.filter(Column("unit_id") == unitID).order(Column("round").desc).fetchOne(db)
    }

    /// Names split at 、 and commas, trimmed, each once, in order.
    static func normalise(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.flatMap { $0.split(whereSeparator: { "、,，;；".contains($0) }) }.compactMap { String($0).nonBlank }.filter { seen.insert($0).inserted }
    }

    static func load(_ unitID: Int64, tx: AuditedTransaction) throws -> (DescriptionUnit, Office) {
        let unit = try DescriptionUnit.find(id: unitID, db: tx.db)
        let office = try Office.find(id: unit.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        return (unit, office)
    }

    static func managed(_ unitID: Int64, context: AccessContext, db: Database) throws -> DescriptionUnit {
        let (unit, office) = try ArchiveAccess.unit(unitID, context: context, db: db)
        try AccessGate.authorize(context, ArchivePlugin.manage, in: office, db: db)
        return unit
    }
}
