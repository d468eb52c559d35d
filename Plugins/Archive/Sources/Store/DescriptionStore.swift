import GRDB
import LvzhiCore
import LvzhiStorage

/// The fields of a description unit as given (text, checked and normalised by ``DescriptionStore``).
/// For an update, nil means unchanged and "" clears the field.
public struct UnitInput: Sendable {
    public var level: String?
    public var parentID: Int64?
    public var referenceCode: String?
    public var title: String?
    public var creator: String?
    /// 1950, 1950-03, 1950年3月12日, 约1950年.
    public var createdOn: String?
    public var periodFrom: String?
    public var periodTo: String?
    public var manuscript: String?
    public var genre: String?
    public var extent: String?
    public var summary: String?
    public var persons: String?
    public var places: String?
    public var subjects: String?
    public var classification: String?
    public var secrecy: String?
    public var retention: String?
    public var openness: String?
    public var originalLocation: String?
    public var copyLocation: String?
    public var accessionID: Int64?
    public var body: String?

    public init(level: String? = nil, parentID: Int64? = nil, referenceCode: String? = nil, title: String? = nil, creator: String? = nil,
                createdOn: String? = nil, periodFrom: String? = nil, periodTo: String? = nil, manuscript: String? = nil, genre: String? = nil,
                extent: String? = nil, summary: String? = nil, persons: String? = nil, places: String? = nil, subjects: String? = nil,
                classification: String? = nil, secrecy: String? = nil, retention: String? = nil, openness: String? = nil,
                originalLocation: String? = nil, copyLocation: String? = nil, accessionID: Int64? = nil, body: String? = nil) {
        self.level = level; self.parentID = parentID; self.referenceCode = referenceCode; self.title = title; self.creator = creator
        self.createdOn = createdOn; self.periodFrom = periodFrom; self.periodTo = periodTo; self.manuscript = manuscript; self.genre = genre
        self.extent = extent; self.summary = summary; self.persons = persons; self.places = places; self.subjects = subjects
        self.classification = classification; self.secrecy = secrecy; self.retention = retention; self.openness = openness
        self.originalLocation = originalLocation; self.copyLocation = copyLocation; self.accessionID = accessionID; self.body = body
    }
}

/// Filters of the unit list.
public struct UnitFilter: Sendable {
    public var level: DescriptionLevel?
    public var parentID: Int64?
    public var accessionID: Int64?
    public var genre: String?
    public var location: String?
    public init(level: DescriptionLevel? = nil, parentID: Int64? = nil, accessionID: Int64? = nil, genre: String? = nil, location: String? = nil) {
        self.level = level; self.parentID = parentID; self.accessionID = accessionID; self.genre = genre; self.location = location
    }
}

/// The description tree: units added under a parent of a higher level, their fields checked
/// against DA/T 18's vocabularies, indexed for search on every change; lists and reads
/// through ``ArchiveAccess``.
public enum DescriptionStore {
    /// Adds a unit. A child takes its parent's secrecy and openness unless given its own, and
    /// may not be more open than its parent.
    public static func add(officeCode: String, _ input: UnitInput, tx: AuditedTransaction) throws -> DescriptionUnit {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard let levelText = input.level else { throw LvzhiError.invalid("层级", "", "须写明层级：全宗、系列、案卷 或 件") }
        let level = try DescriptionLevel.parse(levelText)
        guard let code = input.referenceCode.nonBlank else { throw LvzhiError.invalid("档号", "", "不能为空") }
        guard let title = input.title.nonBlank else { throw LvzhiError.invalid("题名", "", "不能为空") }
        var parent: DescriptionUnit?
        if let parentID = input.parentID {
            let found = try DescriptionUnit.find(id: parentID, db: tx.db)
            guard found.officeID == office.id else { throw LvzhiError.invalid("上级", "ID \(parentID)", "不属于「\(office.name)」") }
            guard found.level < level else {
                throw LvzhiError.invalid("层级", level.title, "不能放在「\(found.level.title)」\(found.referenceCode) 之下：下级的层级须低于上级（全宗 → 系列 → 案卷 → 件）")
            }
            parent = found
        }
        if try DescriptionUnit.filter(Column("office_id") == office.id && Column("reference_code") == code).fetchCount(tx.db) > 0 {
            throw LvzhiError(.conflict, "档号「\(code.quotedForMessage)」在「\(office.name)」已被使用", hint: "档号须唯一")
        }
        let now = Timestamp.now()
        var unit = DescriptionUnit(officeID: office.id, parentID: parent?.id, level: level, referenceCode: code, title: title,
                                   secrecy: parent?.secrecy ?? "公开", openness: parent?.openness ?? "开放",
                                   createdBy: tx.context.user.username, createdAt: now, updatedAt: now)
        try apply(input, to: &unit, office: office, parent: parent, db: tx.db)
        try tx.insert(&unit)
        try ArchiveSearch.index(unit, db: tx.db)
        tx.emit(DomainEvent(name: "archive.described", officeID: office.id, entity: DescriptionUnit.databaseTableName, entityID: unit.id))
        return unit
    }

    /// Changes the given fields of unit `id` (level and parent stay).
    public static func update(id: Int64, _ input: UnitInput, tx: AuditedTransaction) throws -> DescriptionUnit {
        let unit = try DescriptionUnit.find(id: id, db: tx.db)
        let office = try Office.find(id: unit.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        guard input.level == nil, input.parentID == nil else { throw LvzhiError.invalid("层级或上级", "", "修改著录时不能改变层级和上级") }
        if let code = input.referenceCode.nonBlank, code != unit.referenceCode,
           try DescriptionUnit.filter(Column("office_id") == office.id && Column("reference_code") == code).fetchCount(tx.db) > 0 {
            throw LvzhiError(.conflict, "档号「\(code.quotedForMessage)」在「\(office.name)」已被使用")
        }
        var updated = unit
        if let title = input.title { guard let t = title.nonBlank else { throw LvzhiError.invalid("题名", title, "不能为空") }; updated.title = t }
        if let code = input.referenceCode { guard let c = code.nonBlank else { throw LvzhiError.invalid("档号", code, "不能为空") }; updated.referenceCode = c }
        let parent = try unit.parentID.map { try DescriptionUnit.find(id: $0, db: tx.db) }
        try apply(input, to: &updated, office: office, parent: parent, db: tx.db)
        guard updated != unit else { throw LvzhiError(.conflict, "著录条目 \(unit.referenceCode) 没有变化") }
        updated.updatedAt = Timestamp.now()
        try tx.update(updated, from: unit)
        try ArchiveSearch.index(updated, db: tx.db)
        tx.emit(DomainEvent(name: "archive.described", officeID: office.id, entity: DescriptionUnit.databaseTableName, entityID: id))
        return updated
    }

    /// The office's units `context` may see, in tree order within each parent.
    public static func list(officeCode: String, _ filter: UnitFilter = UnitFilter(), context: AccessContext, db: Database) throws -> [DescriptionUnit] {
        let office = try Office.find(code: officeCode, db: db)
        var sql = SQL(sql: "SELECT u.* FROM archive_units u WHERE ") + (try ArchiveAccess.visible(context, office: office, db: db))
        if let level = filter.level { sql += SQL(sql: " AND u.level = ?", arguments: [level.rawValue]) }
        if let parent = filter.parentID { sql += SQL(sql: " AND u.parent_id = ?", arguments: [parent]) }
        if let accession = filter.accessionID { sql += SQL(sql: " AND u.accession_id = ?", arguments: [accession]) }
        if let genre = filter.genre { sql += SQL(sql: " AND u.genre = ?", arguments: [genre]) }
        if let location = filter.location { sql += SQL(sql: " AND (u.original_location LIKE ? OR u.copy_location LIKE ?)", arguments: ["%\(location)%", "%\(location)%"]) }
        return try DescriptionUnit.fetchAll(db, SQLRequest<DescriptionUnit>(literal: sql + SQL(sql: " ORDER BY u.reference_code")))
    }

    /// The path from the top of the tree down to unit `id` (for showing where it sits).
    public static func path(to unit: DescriptionUnit, db: Database) throws -> [DescriptionUnit] {
        var path = [unit]
        while let parentID = path[0].parentID { path.insert(try DescriptionUnit.find(id: parentID, db: db), at: 0) }
        return path
    }

    static func apply(_ input: UnitInput, to unit: inout DescriptionUnit, office: Office, parent: DescriptionUnit?, db: Database) throws {
        if let first = try problems(applying: input, to: &unit, office: office, parent: parent, db: db).first { throw first }
    }

    /// Applies `input` to `unit` like ``apply(_:to:office:parent:db:)``, but checks every field and
    /// returns every problem instead of stopping at the first (an import reports a row's problems at once).
    static func problems(applying input: UnitInput, to unit: inout DescriptionUnit, office: Office, parent: DescriptionUnit?,
                         db: Database) throws -> [LvzhiError] {
        var problems: [LvzhiError] = []
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch let error as LvzhiError { problems.append(error) } catch { problems.append(LvzhiError(.invalidInput, "\(error)")) }
        }
        func text(_ value: String?, _ keep: String?) -> String? { value == nil ? keep : value.nonBlank }
        func choice(_ value: String?, _ field: String, _ allowed: [String], _ keep: String?) -> String? {
            guard let value else { return keep }
            guard let v = value.nonBlank else { return nil }
            guard allowed.contains(v) else {
                problems.append(LvzhiError.invalid(field, v, "不是可用的取值（可用：\(allowed.joined(separator: "、"))）"))
                return keep
            }
            return v
        }
        unit.creator = text(input.creator, unit.creator)
        if let created = input.createdOn {
            attempt {
                if let t = created.nonBlank { (unit.createdOn, unit.createdApproximate) = try ArchivalDate.parse(t, field: "形成日期") }
                else { unit.createdOn = nil; unit.createdApproximate = false }
            }
        }
        var approximate = unit.periodApproximate
        var periodValid = true
        if let from = input.periodFrom {
            attempt {
                do {
                    if let t = from.nonBlank { let d = try ArchivalDate.parse(t, field: "起始时间"); unit.periodFrom = d.value; approximate = d.approximate } else { unit.periodFrom = nil }
                } catch { periodValid = false; throw error }
            }
        }
        if let to = input.periodTo {
            attempt {
                do {
                    if let t = to.nonBlank { let d = try ArchivalDate.parse(t, field: "终止时间"); unit.periodTo = d.value; approximate = approximate || d.approximate } else { unit.periodTo = nil }
                } catch { periodValid = false; throw error }
            }
        }
        unit.periodApproximate = (unit.periodFrom != nil || unit.periodTo != nil) && approximate
        if periodValid, let from = unit.periodFrom, let to = unit.periodTo, to < from {
            problems.append(LvzhiError.invalid("内容时间", "\(from)—\(to)", "终止时间早于起始时间"))
        }
        unit.manuscript = choice(input.manuscript, "稿本", DescriptionUnit.manuscripts, unit.manuscript)
        unit.genre = text(input.genre, unit.genre)
        unit.extent = text(input.extent, unit.extent)
        unit.summary = text(input.summary, unit.summary)
        unit.persons = text(input.persons, unit.persons)
        unit.places = text(input.places, unit.places)
        unit.subjects = text(input.subjects, unit.subjects)
        unit.classification = text(input.classification, unit.classification)
        let secrecy = choice(input.secrecy, "密级", DescriptionUnit.secrecyGrades, unit.secrecy)
        unit.secrecy = secrecy ?? "公开"
        unit.retention = choice(input.retention, "保管期限", DescriptionUnit.retentions, unit.retention)
        unit.openness = choice(input.openness, "开放标识", DescriptionUnit.opennessMarks, unit.openness) ?? "开放"
        if let parent {
            if DescriptionUnit.secrecyGrades.firstIndex(of: unit.secrecy)! < DescriptionUnit.secrecyGrades.firstIndex(of: parent.secrecy)! {
                problems.append(LvzhiError.invalid("密级", unit.secrecy, "低于上级「\(parent.referenceCode)」的密级「\(parent.secrecy)」", hint: "下级的密级不能低于上级"))
            }
            if DescriptionUnit.opennessMarks.firstIndex(of: unit.openness)! < DescriptionUnit.opennessMarks.firstIndex(of: parent.openness)! {
                problems.append(LvzhiError.invalid("开放标识", unit.openness, "比上级「\(parent.referenceCode)」（\(parent.openness)）更开放", hint: "下级不能比上级更开放"))
            }
        }
        unit.originalLocation = text(input.originalLocation, unit.originalLocation)
        unit.copyLocation = text(input.copyLocation, unit.copyLocation)
        if let accessionID = input.accessionID {
            if try Accession.find(id: accessionID, db: db).officeID == office.id {
                unit.accessionID = accessionID
            } else {
                problems.append(LvzhiError.invalid("接收登记", "ID \(accessionID)", "不属于「\(office.name)」"))
            }
        }
        if let body = input.body { unit.body = body.nonBlank }
        return problems
    }
}
