import GRDB
import LvzhiCore
import LvzhiStorage

/// What an interview is registered with. The unit is either an existing one (`unitID`) or
/// made with the interview (`unit`: 档号, 题名, 上级, 密级…; level 件 and genre 口述史 by default).
public struct InterviewInput: Sendable {
    public var unitID: Int64?
    public var unit: UnitInput?
    /// The narrator: an agent, or a member (an agent linked to the member is found or made).
    public var narratorID: Int64?
    public var narratorMemberID: Int64?
    public var interviewerID: Int64?
    /// 采集单位; the office's name when nil.
    public var collectingUnit: String?
    /// The day of the interview; today when nil.
    public var interviewedOn: String?
    public var place: String?
    /// 01:35:00, 95分钟, 5700.
    public var duration: String?
    public var dialect: String?
    public var consentGiven: Bool
    public var narratorReviewed: Bool
    public var notes: String?

    public init(unitID: Int64? = nil, unit: UnitInput? = nil, narratorID: Int64? = nil, narratorMemberID: Int64? = nil, interviewerID: Int64? = nil,
                collectingUnit: String? = nil, interviewedOn: String? = nil, place: String? = nil, duration: String? = nil, dialect: String? = nil,
                consentGiven: Bool = false, narratorReviewed: Bool = false, notes: String? = nil) {
        self.unitID = unitID; self.unit = unit; self.narratorID = narratorID; self.narratorMemberID = narratorMemberID
        self.interviewerID = interviewerID; self.collectingUnit = collectingUnit; self.interviewedOn = interviewedOn; self.place = place
        self.duration = duration; self.dialect = dialect; self.consentGiven = consentGiven; self.narratorReviewed = narratorReviewed; self.notes = notes
    }
}

/// Changes to an interview record (nil: unchanged; "" clears a text field).
public struct InterviewUpdate: Sendable {
    public var collectingUnit: String?
    public var interviewedOn: String?
    public var place: String?
    public var duration: String?
    public var dialect: String?
    public var consentGiven: Bool?
    public var narratorReviewed: Bool?
    public var notes: String?

    public init(collectingUnit: String? = nil, interviewedOn: String? = nil, place: String? = nil, duration: String? = nil, dialect: String? = nil,
                consentGiven: Bool? = nil, narratorReviewed: Bool? = nil, notes: String? = nil) {
        self.collectingUnit = collectingUnit; self.interviewedOn = interviewedOn; self.place = place; self.duration = duration
        self.dialect = dialect; self.consentGiven = consentGiven; self.narratorReviewed = narratorReviewed; self.notes = notes
    }
}

/// Oral-history interviews (DA/T 59-2017): registered with their unit of description, the
/// narrator and the interviewer linked to the unit in their roles, and — when the narrator is
/// one of the office's members — an entry `archive.narrated` in the member's duty record.
public enum OralHistoryStore {
    /// The genre of oral-history units.
    public static let genre = "口述史"

    /// Registers an interview.
    public static func add(officeCode: String, _ input: InterviewInput, tx: AuditedTransaction) throws -> OralHistoryInterview {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard (input.narratorID == nil) != (input.narratorMemberID == nil) else {
            throw LvzhiError.invalid("口述者", "", "须且只能给出一个：人物 ID（--narrator）或委员 ID（--narrator-member）")
        }
        if let id = input.narratorID { _ = try person(id, role: "口述者", office: office, db: tx.db) }
        if let memberID = input.narratorMemberID {
            let member = try Member.find(id: memberID, db: tx.db)
            guard member.officeID == office.id else { throw LvzhiError.invalid("口述者", "委员 ID \(memberID)", "不是「\(office.name)」的委员") }
        }
        guard let interviewerID = input.interviewerID else {
            throw LvzhiError.invalid("采集者", "", "须给出采集者（人物 ID）", hint: "先用 lvzhi archive agent add 登记采集者")
        }
        let interviewer = try person(interviewerID, role: "采集者", office: office, db: tx.db)
        let day = try input.interviewedOn.map { try CalendarDate.parse($0, field: "采集日期") } ?? Timestamp.todayInBeijing()
        guard day <= Timestamp.todayInBeijing() else { throw LvzhiError.invalid("采集日期", day, "不能晚于今天") }
        let duration = try input.duration.nonBlank.map { try TimeCode.parse($0, field: "时长") }
        if let duration, duration <= 0 { throw LvzhiError.invalid("时长", input.duration ?? "", "应大于零") }
        guard (input.unitID == nil) != (input.unit == nil) else {
            throw LvzhiError.invalid("著录条目", "", "须且只能给出一个：已有条目（--unit）或新条目的档号和题名（--code、--title）")
        }
        var unit: DescriptionUnit
        if let unitID = input.unitID {
            unit = try DescriptionUnit.find(id: unitID, db: tx.db)
            guard unit.officeID == office.id else { throw LvzhiError.invalid("著录条目", "ID \(unitID)", "不属于「\(office.name)」") }
            if let existing = try OralHistoryInterview.filter(Column("unit_id") == unitID).fetchOne(tx.db) {
                throw LvzhiError(.conflict, "著录条目 \(unit.referenceCode)「\(unit.title)」已登记了口述史采访（ID \(existing.id!)）",
                                 hint: "一次采访著录为一个条目；另一次采访请新建条目")
            }
            if let genre = unit.genre, genre != Self.genre {
                throw LvzhiError.invalid("著录条目", "\(unit.referenceCode)「\(unit.title)」", "文种是「\(genre)」，口述史采访只能挂在文种为口述史（或未填）的条目上")
            }
        } else {
            var fields = input.unit!
            if let genre = fields.genre.nonBlank, genre != Self.genre {
                throw LvzhiError.invalid("文种", genre, "口述史采访的条目文种为「口述史」")
            }
            fields.level = fields.level ?? DescriptionLevel.item.rawValue
            fields.genre = Self.genre
            fields.createdOn = fields.createdOn ?? day
            if fields.creator == nil {
                let narratorName = try input.narratorID.map { try ArchiveAgent.find(id: $0, db: tx.db).name }
                    ?? Member.find(id: input.narratorMemberID!, db: tx.db).name
                fields.creator = "\(narratorName)口述，\(interviewer.name)采集"
            }
            unit = try DescriptionStore.add(officeCode: office.code, fields, tx: tx)
        }
        let narratorID = try input.narratorID ?? AgentStore.agent(forMember: input.narratorMemberID!, office: office, tx: tx).id!
        if unit.genre == nil { unit = try DescriptionStore.update(id: unit.id!, UnitInput(genre: Self.genre), tx: tx) }
        var interview = OralHistoryInterview(
            officeID: office.id, unitID: unit.id!, narratorID: narratorID, interviewerID: interviewerID,
            collectingUnit: input.collectingUnit.nonBlank ?? office.name, interviewedOn: day, place: input.place.nonBlank,
            durationSeconds: duration, dialect: input.dialect.nonBlank, consentGiven: input.consentGiven,
            narratorReviewed: input.narratorReviewed, notes: input.notes.nonBlank, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&interview)
        try AgentStore.link(agentID: narratorID, role: .narrator, unitID: unit.id, tx: tx)
        try AgentStore.link(agentID: interviewerID, role: .interviewer, unitID: unit.id, tx: tx)
        try recordDuty(interview, unit: unit, tx: tx)
        tx.emit(DomainEvent(name: "archive.interviewed", officeID: office.id, entity: OralHistoryInterview.databaseTableName, entityID: interview.id))
        return interview
    }

    /// Changes the given fields of interview `id` (the narrator's consent, review, the duration…).
    public static func update(id: Int64, _ change: InterviewUpdate, tx: AuditedTransaction) throws -> OralHistoryInterview {
        let (interview, _) = try load(id, tx: tx)
        var updated = interview
        if let unit = change.collectingUnit {
            guard let u = unit.nonBlank else { throw LvzhiError.invalid("采集单位", unit, "不能为空") }
            updated.collectingUnit = u
        }
        if let day = change.interviewedOn {
            updated.interviewedOn = try CalendarDate.parse(day, field: "采集日期")
            guard updated.interviewedOn <= Timestamp.todayInBeijing() else { throw LvzhiError.invalid("采集日期", day, "不能晚于今天") }
        }
        if let place = change.place { updated.place = place.nonBlank }
        if let duration = change.duration {
            updated.durationSeconds = try duration.nonBlank.map { try TimeCode.parse($0, field: "时长") }
            if let d = updated.durationSeconds, d <= 0 { throw LvzhiError.invalid("时长", duration, "应大于零") }
            if let d = updated.durationSeconds, let last = try Int.fetchOne(tx.db, sql: "SELECT MAX(start_seconds) FROM archive_segments WHERE interview_id = ?", arguments: [id]), last > d {
                throw LvzhiError.invalid("时长", duration, "短于已有索引片段的开始时间 \(TimeCode.format(last))")
            }
        }
        if let dialect = change.dialect { updated.dialect = dialect.nonBlank }
        if let consent = change.consentGiven { updated.consentGiven = consent }
        if let reviewed = change.narratorReviewed { updated.narratorReviewed = reviewed }
        if let notes = change.notes { updated.notes = notes.nonBlank }
        guard updated != interview else { throw LvzhiError(.conflict, "口述史采访 \(id) 没有变化") }
        try tx.update(updated, from: interview)
        return updated
    }

    /// Interview `id` and its office, once `tx`'s user may manage the archive there.
    static func load(_ id: Int64, tx: AuditedTransaction) throws -> (OralHistoryInterview, Office) {
        let interview = try OralHistoryInterview.find(id: id, db: tx.db)
        let office = try Office.find(id: interview.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        return (interview, office)
    }

    /// The duty entry of a member narrator (once per interview).
    static func recordDuty(_ interview: OralHistoryInterview, unit: DescriptionUnit, tx: AuditedTransaction) throws {
        guard let memberID = try ArchiveAgent.find(id: interview.narratorID, db: tx.db).memberID else { return }
        try DutyRecordStore.append(memberID: memberID, kind: ArchivePlugin.Duty.narrated, title: unit.title,
                                   entity: OralHistoryInterview.databaseTableName, entityID: interview.id!, occurredOn: interview.interviewedOn, tx: tx)
    }

    static func person(_ id: Int64, role: String, office: Office, db: Database) throws -> ArchiveAgent {
        guard let agent = try ArchiveAgent.fetchOne(db, key: id), agent.officeID == office.id else {
            throw LvzhiError.notFound("人物", "ID \(id)", hint: "用 lvzhi archive agent list --office \(office.code) 查看")
        }
        guard agent.kind == "person" else { throw LvzhiError.invalid(role, "\(agent.name)（ID \(id)）", "是机构；\(role)须为个人") }
        return agent
    }
}
