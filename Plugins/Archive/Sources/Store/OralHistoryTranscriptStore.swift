import GRDB
import LvzhiCore
import LvzhiStorage

/// The versioned transcripts (整理稿) of interviews: each new text becomes the next version,
/// the old ones are kept; the latest is indexed for search with the interview's unit, so a word
/// only in an old version is no longer found.
public enum OralHistoryTranscriptStore {
    /// Adds the next version of interview `interviewID`'s transcript.
    public static func add(interviewID: Int64, text: String, note: String? = nil, tx: AuditedTransaction) throws -> OralHistoryTranscript {
        let (interview, office) = try OralHistoryStore.load(interviewID, tx: tx)
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard text.nonBlank != nil else { throw LvzhiError.invalid("整理稿", "", "不能为空") }
        let latest = try latest(interviewID: interviewID, db: tx.db)
        if let latest, latest.text == text {
            throw LvzhiError(.conflict, "整理稿与第 \(latest.version) 版完全相同，未新增版本")
        }
        var transcript = OralHistoryTranscript(officeID: office.id, interviewID: interviewID, version: (latest?.version ?? 0) + 1, text: text,
                                               length: text.unicodeScalars.count, note: note.nonBlank,
                                               createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&transcript)
        try ArchiveSearch.index(try DescriptionUnit.find(id: interview.unitID, db: tx.db), transcript: text, db: tx.db)
        tx.emit(DomainEvent(name: "archive.transcribed", officeID: office.id, entity: OralHistoryTranscript.databaseTableName, entityID: transcript.id))
        return transcript
    }

    /// Version `version` (the latest when nil) of interview `interviewID`'s transcript, if `context` may see the interview.
    public static func transcript(interviewID: Int64, version: Int? = nil, context: AccessContext, db: Database) throws -> OralHistoryTranscript {
        let interview = try OralHistoryQuery.visible(interviewID, context: context, db: db).interview
        let found: OralHistoryTranscript?
        if let version {
            found = try OralHistoryTranscript.filter(Column("interview_id") == interviewID && Column("version") == version).fetchOne(db)
        } else {
            found = try latest(interviewID: interviewID, db: db)
        }
        guard let found else {
            let count = try versions(of: interview, db: db).count
            throw LvzhiError.notFound("整理稿", version.map { "采访 \(interviewID) 的第 \($0) 版" } ?? "采访 \(interviewID) 还没有整理稿",
                                      hint: count == 0 ? "用 lvzhi archive transcript add \(interviewID) --file 文件 添加" : "共有 \(count) 版")
        }
        return found
    }

    /// The versions of `interview`'s transcript, oldest first, without their text.
    public static func versions(of interview: OralHistoryInterview, db: Database) throws -> [TranscriptVersionSummary] {
        try OralHistoryTranscript.filter(Column("interview_id") == interview.id).order(Column("version")).fetchAll(db).map {
            TranscriptVersionSummary(version: $0.version, length: $0.length, note: $0.note, createdBy: $0.createdBy, createdAt: $0.createdAt)
        }
    }

    static func latest(interviewID: Int64, db: Database) throws -> OralHistoryTranscript? {
        try OralHistoryTranscript.filter(Column("interview_id") == interviewID).order(Column("version").desc).fetchOne(db)
    }
}
