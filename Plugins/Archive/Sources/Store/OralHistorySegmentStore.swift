import GRDB
import LvzhiCore
import LvzhiStorage

/// What an index segment is added with.
public struct SegmentInput: Sendable {
    /// Where it starts in the recording: 00:12:30, 12:30, 750.
    public var start: String
    public var title: String
    public var synopsis: String?
    /// Keywords, separated by 、 or commas.
    public var keywords: String?
    /// Code-point offsets [from, to) into the transcript version.
    public var from: Int
    public var to: Int
    /// The transcript version (the latest when nil).
    public var version: Int?

    public init(start: String, title: String, synopsis: String? = nil, keywords: String? = nil, from: Int, to: Int, version: Int? = nil) {
        self.start = start; self.title = title; self.synopsis = synopsis; self.keywords = keywords; self.from = from; self.to = to; self.version = version
    }
}

/// A segment as listed: with its start as a time code and the transcript text it covers.
public struct SegmentView: Codable, Sendable, Hashable {
    public var id: Int64
    public var interviewID: Int64
    public var transcriptVersion: Int
    public var start: String
    public var startSeconds: Int
    public var title: String
    public var synopsis: String?
    public var keywords: String?
    public var charFrom: Int
    public var charTo: Int
    /// The characters [charFrom, charTo) of the transcript version.
    public var text: String
}

/// The index of an interview (口述索引): time-coded segments with a title, a synopsis and
/// keywords, each tied to a character range of one transcript version, checked against its length.
public enum OralHistorySegmentStore {
    /// Adds a segment to interview `interviewID`'s index.
    public static func add(interviewID: Int64, _ input: SegmentInput, tx: AuditedTransaction) throws -> OralHistorySegment {
        let (interview, office) = try OralHistoryStore.load(interviewID, tx: tx)
        let start = try TimeCode.parse(input.start, field: "开始时间")
        if let duration = interview.durationSeconds, start > duration {
            throw LvzhiError.invalid("开始时间", input.start, "晚于采访时长 \(TimeCode.format(duration))")
        }
        guard let title = input.title.nonBlank else { throw LvzhiError.invalid("片段标题", input.title, "不能为空") }
        let transcript: OralHistoryTranscript
        if let version = input.version {
            guard let found = try OralHistoryTranscript.filter(Column("interview_id") == interviewID && Column("version") == version).fetchOne(tx.db) else {
                throw LvzhiError.notFound("整理稿", "采访 \(interviewID) 的第 \(version) 版")
            }
            transcript = found
        } else {
            guard let found = try OralHistoryTranscriptStore.latest(interviewID: interviewID, db: tx.db) else {
                throw LvzhiError(.ruleViolation, "采访 \(interviewID) 还没有整理稿，索引片段须对应整理稿中的位置",
                                 hint: "先用 lvzhi archive transcript add \(interviewID) --file 文件 添加整理稿")
            }
            transcript = found
        }
        guard input.from >= 0 else { throw LvzhiError.invalid("起始位置", String(input.from), "不能为负数") }
        guard input.to > input.from else {
            throw LvzhiError.invalid("结束位置", String(input.to), "须大于起始位置 \(input.from)")
        }
        guard input.to <= transcript.length else {
            throw LvzhiError.invalid("结束位置", String(input.to), "超出第 \(transcript.version) 版整理稿的长度（共 \(transcript.length) 字）",
                                     hint: "位置从 0 数起，按字（Unicode 字符）计，不含结束位置本身；最大为 \(transcript.length)")
        }
        let keywords = input.keywords.nonBlank.map { text in
            text.split(whereSeparator: { "、,，;；".contains($0) }).compactMap { String($0).nonBlank }.joined(separator: "、")
        }
        var segment = OralHistorySegment(officeID: office.id, interviewID: interviewID, transcriptVersion: transcript.version, startSeconds: start,
                                         title: title, synopsis: input.synopsis.nonBlank, keywords: keywords.nonBlank, charFrom: input.from,
                                         charTo: input.to, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&segment)
        return segment
    }

    /// Interview `interviewID`'s index, by start time, if `context` may see the interview.
    public static func list(interviewID: Int64, context: AccessContext, db: Database) throws -> [SegmentView] {
        _ = try OralHistoryQuery.visible(interviewID, context: context, db: db)
        let texts = try Dictionary(uniqueKeysWithValues: OralHistoryTranscript.filter(Column("interview_id") == interviewID).fetchAll(db).map { ($0.version, $0.text) })
        return try OralHistorySegment.filter(Column("interview_id") == interviewID).order(Column("start_seconds"), Column("id")).fetchAll(db).map {
            SegmentView(id: $0.id!, interviewID: $0.interviewID, transcriptVersion: $0.transcriptVersion, start: TimeCode.format($0.startSeconds),
                        startSeconds: $0.startSeconds, title: $0.title, synopsis: $0.synopsis, keywords: $0.keywords, charFrom: $0.charFrom,
                        charTo: $0.charTo, text: OralHistoryTranscript.excerpt(texts[$0.transcriptVersion] ?? "", from: $0.charFrom, to: $0.charTo))
        }
    }
}
