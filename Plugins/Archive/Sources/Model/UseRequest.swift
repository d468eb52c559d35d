import GRDB
import LvzhiCore

/// A request to copy (复制) or use (利用: consult, cite) a unit, made by a member or staff for
/// themselves or registered by an archivist for someone outside; an archivist approves or
/// refuses it against the unit's secrecy, openness and its accession's restrictions.
public struct UseRequest: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var unitID: Int64
    public var kind: UseKind
    /// 用途（编写村史、学术研究…）.
    public var purpose: String
    /// Who the request is for: the requester's name, or the outside person's (with their organisation).
    public var applicant: String
    /// Whether an archivist registered it for someone else.
    public var onBehalf: Bool
    /// The requester's member, when a member asked.
    public var memberID: Int64?
    public var requestedBy: String
    public var requestedAt: String
    public var status: UseRequestStatus
    public var decidedBy: String?
    public var decidedAt: String?
    /// The basis of an approval, or the reason of a refusal.
    public var decisionNote: String?

    public static let databaseTableName = "archive_use_requests"
    public static let entityName = "复制利用申请"
}

/// 复制 or 利用.
public enum UseKind: String, Codable, Sendable, CaseIterable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        self == .consult ? ["查阅", "use"] : []
    }

    case copy, consult

    public var title: String { self == .copy ? "复制" : "利用" }

    public static func parse(_ text: String) throws -> UseKind {
        if let kind = named(text) { return kind }
        throw LvzhiError.invalid("申请类型", text, "应为 复制（copy）或 利用（consult，查阅、引用）")
    }
}

/// Where a request stands.
public enum UseRequestStatus: String, Codable, Sendable, CaseIterable, ChineseChoice {
    case pending, approved, refused

    public var title: String {
        switch self {
        case .pending: "待审批"
        case .approved: "已同意"
        case .refused: "未同意"
        }
    }

    public static func parse(_ text: String) throws -> UseRequestStatus {
        if let status = named(text) { return status }
        throw LvzhiError.invalid("状态", text, "应为 pending（待审批）、approved（已同意）或 refused（未同意）")
    }
}
