import GRDB
import LvzhiCore

/// An oral-history interview (口述史料采集, DA/T 59-2017): who told (口述者) and who collected
/// (采集者) it, for which collecting unit (采集单位), when, where, how long, in which dialect,
/// whether the narrator signed the consent form (授权书) and reviewed the transcript.
/// Each interview is described by one unit of the tree (genre 口述史); its transcript is
/// kept in versions (``OralHistoryTranscript``) and indexed by time-coded segments (``OralHistorySegment``).
public struct OralHistoryInterview: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// The description unit (one interview per unit).
    public var unitID: Int64
    /// 口述者 (an agent, a person).
    public var narratorID: Int64
    /// 采集者 (an agent, a person).
    public var interviewerID: Int64
    /// 采集单位.
    public var collectingUnit: String
    /// 采集日期 (YYYY-MM-DD).
    public var interviewedOn: String
    /// 采集地点.
    public var place: String?
    /// 时长（秒）.
    public var durationSeconds: Int?
    /// 方言或语言（如 鄂尔多斯方言、蒙古语）.
    public var dialect: String?
    /// 口述者是否签署了授权书（知情同意书）. Without it the interview is neither copied, published nor exhibited.
    public var consentGiven: Bool
    /// 口述者是否审阅了整理稿.
    public var narratorReviewed: Bool
    public var notes: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_interviews"
    public static let entityName = "口述史采访"
}
