import GRDB
import LvzhiCore

/// A proposal (提案): its text, who proposes, where it stands, its number and its flags.
///
/// `status` is the review state until the proposal is filed; after that it is derived from
/// its handling units' sub-lives (``ProposalProgress``) and only ever written by that derivation.
/// Flags are not states: 重点 (`isKey`), 公开 (`isPublic`), 优秀 (`isExcellent`), 大会/平时
/// (`occasion`) and overdue (computed from the units' due dates, never stored).
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
    /// The year the annual statistics count it in: a 大会提案's session year (proposals for the
    /// January session submitted in the autumn before count in the session's year), else the
    /// year (Beijing time) it was first submitted.
    public var submittedYear: Int?
    public var filedAt: String?
    /// 重点提案 of `keyYear`, supervised (督办) by a chairman's-meeting member or led (领办) by a vice-mayor.
    public var isKey: Bool = false
    public var keyYear: Int?
    /// 督办 or 领办.
    public var keyMode: String?
    /// The leading supervisor's name and office (主席 某某 / 副市长 某某).
    public var keySupervisor: String?
    public var keySupervisorMemberID: Int64?
    /// False: kept out of public exports and publication (with `privateReason`).
    public var isPublic: Bool = true
    public var privateReason: String?
    /// 优秀提案.
    public var isExcellent: Bool = false
    /// When every proposer had rated every lead unit's reply (办结).
    public var concludedAt: String?

    public static let databaseTableName = "proposals"
    public static let entityName = "提案"
}

/// A member behind a proposal: the first proposer, a co-signer (附议, who confirms), or one of
/// the members who wrote a collective proposal (执笔).
public struct ProposalProposer: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var memberID: Int64
    /// `first`, `cosigner` or `author`.
    public var role: String
    public var confirmedAt: String?
    /// Proposers belong to the proposal's office (the audit entry carries it).
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_proposers"
    public static let entityName = "提案人"

    enum CodingKeys: String, CodingKey { case id, proposalID, memberID, role, confirmedAt }

    /// The Chinese name of a proposer's role.
    public static func title(_ role: String) -> String {
        ["first": "第一提案人", "cosigner": "附议人", "author": "执笔人"][role] ?? role
    }
}

/// One step in a proposal's history: a review step, or a step of one unit's sub-life (`unitID`).
public struct ProposalStep: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var action: String
    public var fromStatus: String?
    public var toStatus: String
    public var note: String?
    public var username: String
    public var at: String
    /// The unit's row (``ProposalUnit``) for steps of its sub-life.
    public var unitID: Int64?
    /// Names of the reviewers from the pool who took part in a review step.
    public var reviewers: String?
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_steps"
    public static let entityName = "提案办理记录"

    enum CodingKeys: String, CodingKey { case id, proposalID, action, fromStatus, toStatus, note, username, at, unitID, reviewers }
}
