import GRDB
import LvzhiCore

/// A round of editorial review (编审) of a unit by the editorial team: numbered from 1 per
/// unit, with the reviewers, the decision, a note and the date. The latest round's decision
/// is the unit's standing: only 采用 and 修改后采用 may go into a volume.
public struct EditorialReview: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var unitID: Int64
    public var round: Int
    /// The reviewers' names, separated by 、.
    public var reviewers: String
    public var decision: EditorialDecision
    public var note: String?
    public var reviewedOn: String
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_reviews"
    public static let entityName = "编审记录"
}

/// What a round of editorial review decides.
public enum EditorialDecision: String, Codable, Sendable, CaseIterable, ChineseChoice {
    case adopted, adoptedRevised = "adopted_revised", kept, rejected

    public var title: String {
        switch self {
        case .adopted: "采用"
        case .adoptedRevised: "修改后采用"
        case .kept: "存稿备用"
        case .rejected: "退稿"
        }
    }

    /// Whether a unit so decided may be published.
    public var publishable: Bool { self == .adopted || self == .adoptedRevised }

    /// Whether the decision must say why (what to revise, why it is rejected).
    public var needsNote: Bool { self == .adoptedRevised || self == .rejected }

    /// Parses the Chinese name or the English id.
    public static func parse(_ text: String) throws -> EditorialDecision {
        if let decision = named(text) { return decision }
        throw LvzhiError.invalid("编审决定", text, "不是可用的决定", hint: "可用：" + allCases.map { "\($0.title)（\($0.rawValue)）" }.joined(separator: "、"))
    }
}

/// A round of review as listed (with the decision's Chinese name).
public struct EditorialReviewSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var unitID: Int64
    public var round: Int
    public var reviewers: String
    public var decision: String
    public var decisionTitle: String
    public var note: String?
    public var reviewedOn: String
    public var createdBy: String

    public init(_ r: EditorialReview) {
        id = r.id!; unitID = r.unitID; round = r.round; reviewers = r.reviewers; decision = r.decision.rawValue
        decisionTitle = r.decision.title; note = r.note; reviewedOn = r.reviewedOn; createdBy = r.createdBy
    }
}
