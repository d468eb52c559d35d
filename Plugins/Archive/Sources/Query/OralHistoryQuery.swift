import GRDB
import LvzhiCore
import LvzhiStorage

/// An interview as listed: with its unit, the narrator's and interviewer's names, and how far
/// its transcript and index have come.
public struct InterviewSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var unitID: Int64
    public var referenceCode: String
    public var title: String
    public var narratorID: Int64
    public var narrator: String
    /// The narrator's member, if any.
    public var memberID: Int64?
    public var interviewerID: Int64
    public var interviewer: String
    public var collectingUnit: String
    public var interviewedOn: String
    public var place: String?
    public var duration: String?
    public var dialect: String?
    public var consentGiven: Bool
    public var narratorReviewed: Bool
    public var notes: String?
    /// How many transcript versions there are (0: not transcribed yet).
    public var transcriptVersions: Int
    public var segments: Int
}

/// An interview with its transcript versions (without text) and its index.
public struct InterviewDetail: Codable, Sendable, Hashable {
    public var interview: InterviewSummary
    public var versions: [TranscriptVersionSummary]
    public var segments: [SegmentView]
}

/// Reading oral histories: an interview is seen by whoever may see its unit (``ArchiveAccess``);
/// for everyone else it does not exist.
public enum OralHistoryQuery {
    /// Interview `id`, its unit and office, if `context` may see the unit.
    public static func visible(_ id: Int64, context: AccessContext, db: Database) throws -> (interview: OralHistoryInterview, unit: DescriptionUnit, office: Office) {
        let notFound = LvzhiError.notFound("口述史采访", "ID \(id)", hint: "用 lvzhi archive interview list --office 代码 查看")
        guard let interview = try OralHistoryInterview.fetchOne(db, key: id) else { throw notFound }
        do {
            let (unit, office) = try ArchiveAccess.unit(interview.unitID, context: context, db: db)
            return (interview, unit, office)
        } catch let error as LvzhiError where error.code == .notFound {
            throw notFound
        }
    }

    /// The office's interviews `context` may see, newest first (by one narrator when given).
    public static func list(officeCode: String, narratorID: Int64? = nil, context: AccessContext, db: Database) throws -> [InterviewSummary] {
        let office = try Office.find(code: officeCode, db: db)
        var sql = SQL(sql: "SELECT i.* FROM archive_interviews i JOIN archive_units u ON u.id = i.unit_id WHERE ")
            + (try ArchiveAccess.visible(context, office: office, db: db))
        if let narratorID { sql += SQL(sql: " AND i.narrator_id = ?", arguments: [narratorID]) }
        let interviews = try OralHistoryInterview.fetchAll(db, SQLRequest<OralHistoryInterview>(literal: sql + SQL(sql: " ORDER BY i.interviewed_on DESC, i.id DESC")))
        return try interviews.map { try summary($0, db: db) }
    }

    /// Interview `id` with its versions and index, if `context` may see it.
    public static func detail(_ id: Int64, context: AccessContext, db: Database) throws -> InterviewDetail {
        let interview = try visible(id, context: context, db: db).interview
        return InterviewDetail(interview: try summary(interview, db: db),
                               versions: try OralHistoryTranscriptStore.versions(of: interview, db: db),
                               segments: try OralHistorySegmentStore.list(interviewID: id, context: context, db: db))
    }

    /// `i` as listed.
    public static func summary(_ i: OralHistoryInterview, db: Database) throws -> InterviewSummary {
        let unit = try DescriptionUnit.find(id: i.unitID, db: db)
        let narrator = try ArchiveAgent.find(id: i.narratorID, db: db)
        let interviewer = try ArchiveAgent.find(id: i.interviewerID, db: db)
        return InterviewSummary(
            id: i.id!, unitID: i.unitID, referenceCode: unit.referenceCode, title: unit.title, narratorID: i.narratorID, narrator: narrator.name,
            memberID: narrator.memberID, interviewerID: i.interviewerID, interviewer: interviewer.name, collectingUnit: i.collectingUnit,
            interviewedOn: i.interviewedOn, place: i.place, duration: i.durationSeconds.map(TimeCode.format), dialect: i.dialect,
            consentGiven: i.consentGiven, narratorReviewed: i.narratorReviewed, notes: i.notes,
            transcriptVersions: try OralHistoryTranscript.filter(Column("interview_id") == i.id).fetchCount(db),
            segments: try OralHistorySegment.filter(Column("interview_id") == i.id).fetchCount(db))
    }
}
