import GRDB
import LvzhiCore

/// An entry of an interview's index (索引片段): where in the recording it starts, a title, a
/// synopsis and keywords, linked to the characters [charFrom, charTo) of one transcript version.
public struct OralHistorySegment: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var interviewID: Int64
    /// The transcript version the offsets refer to.
    public var transcriptVersion: Int
    /// Seconds from the start of the recording.
    public var startSeconds: Int
    public var title: String
    public var synopsis: String?
    /// Keywords, separated by 、.
    public var keywords: String?
    /// Code-point offsets into the transcript version: from (inclusive) to (exclusive).
    public var charFrom: Int
    public var charTo: Int
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_segments"
    public static let entityName = "口述索引片段"
}
