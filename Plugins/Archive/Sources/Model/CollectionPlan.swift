import GRDB
import LvzhiCore

/// A collection plan (征集规划 / 年度征集计划): for a term or a year, with themes and a target count.
public struct CollectionPlan: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// `term` (届规划) or `annual` (年度计划).
    public var kind: String
    /// The year of an annual plan; the term number of a term plan.
    public var period: Int
    public var title: String
    /// The themes, separated by 、.
    public var themes: String
    /// How many pieces the plan aims to collect.
    public var targetCount: Int
    public var notes: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_plans"
    public static let entityName = "征集计划"

    /// The kinds of plans.
    public static let kinds = ["term": "届规划", "annual": "年度计划"]
}

/// A solicitation campaign (征集活动): a call for materials on a theme, usually under a plan.
public struct SolicitationCampaign: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var planID: Int64?
    public var title: String
    public var theme: String?
    public var startsOn: String
    public var endsOn: String?
    public var description: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_campaigns"
    public static let entityName = "征集活动"
}

/// A submission of material by a member or a member of the public, waiting in the review queue
/// (needs_review → accepted or declined, the reviewer recorded).
public struct ArchiveSubmission: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var campaignID: Int64?
    /// The member who submitted it, or nil for the public.
    public var memberID: Int64?
    /// The submitter's name (the member's, or as the public gave it).
    public var submitter: String
    /// How to reach a public submitter (visible to archivists only).
    public var contact: String?
    public var title: String
    public var summary: String
    /// 亲历, 亲见 or 亲闻.
    public var sanqin: String?
    public var status: SubmissionStatus
    public var reviewedBy: String?
    public var reviewedAt: String?
    public var reviewNote: String?
    /// The accession an accepted submission became.
    public var accessionID: Int64?
    public var submittedBy: String
    public var submittedAt: String

    public static let databaseTableName = "archive_submissions"
    public static let entityName = "征集来稿"
}

/// Where a submission stands in the review queue.
public enum SubmissionStatus: String, Codable, Sendable, CaseIterable, ChineseChoice {
    case needsReview = "needs_review", accepted, declined

    public var title: String {
        switch self {
        case .needsReview: "待审核"
        case .accepted: "已接收"
        case .declined: "未采用"
        }
    }
}

/// The 三亲 relation of the one who gives an account to what it tells: lived it, saw it, heard it.
public enum Sanqin {
    public static let all = ["亲历", "亲见", "亲闻"]
}
