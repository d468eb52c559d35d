import GRDB
import LvzhiCore

/// One version of an interview's transcript (整理稿). Versions are numbered from 1 and never
/// changed; the latest is the one searched. Character offsets (of segments) count Unicode
/// code points from 0, as Lua's `utf8` library does.
public struct OralHistoryTranscript: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var interviewID: Int64
    public var version: Int
    public var text: String
    /// The length of `text` in characters (Unicode code points).
    public var length: Int
    /// What changed in this version (初稿, 口述者审阅后修改…).
    public var note: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_transcripts"
    public static let entityName = "口述整理稿"

    /// The characters of `text` in the half-open range [from, to) of code points.
    public static func excerpt(_ text: String, from: Int, to: Int) -> String {
        let scalars = text.unicodeScalars
        guard from >= 0, to >= from else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: from, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let end = scalars.index(start, offsetBy: to - from, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[start..<end])
    }
}

/// A transcript version without its text, for listings.
public struct TranscriptVersionSummary: Codable, Sendable, Hashable {
    public var version: Int
    public var length: Int
    public var note: String?
    public var createdBy: String
    public var createdAt: String
}
