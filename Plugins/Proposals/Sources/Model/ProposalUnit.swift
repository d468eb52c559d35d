import GRDB
import LvzhiCore

/// A handling unit's part in a proposal (交办): lead (主办) or co-handler (协办/会办), with its
/// own sub-life (``UnitStatus``) and deadline.
public struct ProposalUnit: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var handlingUnitID: Int64
    public var role: UnitRole
    public var status: UnitStatus
    public var assignedAt: String
    /// The reply deadline (three months from assignment by default, extendable to the maximum).
    public var dueOn: String
    public var returnedReason: String?
    public var returnedAt: String?
    public var acceptedAt: String?
    /// When the lead unit replied, or the co-handler gave its opinion.
    public var repliedAt: String?
    /// A co-handler's opinion (协办意见) to the lead unit.
    public var opinion: String?
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_units"
    public static let entityName = "提案承办"

    enum CodingKeys: String, CodingKey {
        case id, proposalID, handlingUnitID, role, status, assignedAt, dueOn, returnedReason, returnedAt, acceptedAt, repliedAt, opinion
    }

    /// Still holds the proposal (not returned).
    public var isActive: Bool { status != .returned }

    /// Overdue on `today`: still handling (not replied) after its due date.
    public func isOverdue(on today: String) -> Bool {
        (status == .assigned || status == .accepted) && dueOn < today
    }
}

/// Lead unit (主办) or co-handler (协办).
public enum UnitRole: String, Codable, Sendable, CaseIterable {
    case lead, co

    public var title: String { self == .lead ? "主办" : "协办" }
}

/// A unit's sub-life: assigned → accepted (handling) → replied → rated, or assigned → returned.
/// A co-handler's sub-life ends at replied (its opinion given to the lead unit).
public enum UnitStatus: String, Codable, Sendable, CaseIterable {
    case assigned, accepted, returned, replied, rated

    public var title: String {
        switch self {
        case .assigned: "已交办（待接收）"
        case .accepted: "办理中"
        case .returned: "已退回"
        case .replied: "已答复"
        case .rated: "已测评"
        }
    }
}
