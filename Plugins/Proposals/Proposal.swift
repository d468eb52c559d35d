import GRDB
import LvzhiCore

/// A proposal (提案).
public struct Proposal: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var termID: Int64
    public var kind: ProposalKind
    /// For a collective proposal: the committee, party, group or sector in whose name it is made.
    public var collectiveBody: String?
    public var title: String
    public var body: String
    public var category: String
    /// 大会 or 平时, set on submission from the plenary session's dates.
    public var occasion: String?
    public var status: ProposalStatus
    public var numberScope: String?
    public var number: Int64?
    /// 五届二次会议 第0001号.
    public var numberLabel: String?
    public var rejectionGround: String?
    public var mergedIntoID: Int64?
    public var createdBy: String
    public var createdAt: String
    public var submittedAt: String?
    public var filedAt: String?

    public static let databaseTableName = "proposals"
    public static let entityName = "提案"
}

/// A member behind a proposal: the first proposer or a co-signer (附议), who confirms.
public struct ProposalProposer: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var memberID: Int64
    public var role: String
    public var confirmedAt: String?
    /// Proposers belong to the proposal's office (the audit entry carries it).
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_proposers"
    public static let entityName = "提案人"

    enum CodingKeys: String, CodingKey { case id, proposalID, memberID, role, confirmedAt }
}

/// One step in a proposal's history.
public struct ProposalStep: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var action: String
    public var fromStatus: String?
    public var toStatus: String
    public var note: String?
    public var username: String
    public var at: String
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_steps"
    public static let entityName = "提案办理记录"

    enum CodingKeys: String, CodingKey { case id, proposalID, action, fromStatus, toStatus, note, username, at }
}
