import GRDB
import LvzhiCore
import LvzhiStorage

/// Everything `proposal show` prints about one proposal, as the acting user may see it.
public struct ProposalDetail: Codable, Sendable {
    /// A proposer with his part.
    public struct Proposer: Codable, Sendable, Hashable {
        public var memberID: Int64
        public var name: String
        public var role: String
        public var confirmed: Bool
    }
    /// A unit's part with its name.
    public struct Unit: Codable, Sendable, Hashable {
        public var name: String
        public var part: ProposalUnit
        public var overdue: Bool
    }

    public var proposal: Proposal
    /// The office's label of the state.
    public var statusLabel: String
    public var proposers: [Proposer]
    public var units: [Unit]
    public var replies: [ProposalReply]
    public var ratings: [ProposalRating]
    public var contacts: [ProposalContact]
    public var supervisions: [ProposalSupervision]
    public var steps: [ProposalStep]
    /// The main proposal's id and state, for a merged one (it follows the main one).
    public var mergedInto: Proposal?
    /// Proposals merged into this one.
    public var merged: [Int64]

    /// The detail of proposal `id`.
    public static func load(_ id: Int64, context: AccessContext, db: Database) throws -> ProposalDetail {
        let (proposal, office) = try ProposalStore.load(id, context: context, permission: ProposalsPlugin.read, db: db)
        let proposers = try Row.fetchAll(db, sql: """
            SELECT m.id, m.name, p.role, p.confirmed_at FROM proposal_proposers p JOIN members m ON m.id = p.member_id
            WHERE p.proposal_id = ? ORDER BY CASE p.role WHEN 'first' THEN 0 WHEN 'cosigner' THEN 1 ELSE 2 END, p.id
            """, arguments: [id]).map { Proposer(memberID: $0["id"], name: $0["name"], role: $0["role"], confirmed: ($0["confirmed_at"] as String?) != nil) }
        let today = Timestamp.todayInBeijing()
        let units = try ProposalHandling.units(of: id, db: db).map { Unit(name: $0.unit, part: $0.part, overdue: $0.part.isOverdue(on: today)) }
        let isStaff = try AccessGate.allows(context, ProposalsPlugin.review, in: office, db: db)
        return ProposalDetail(
            proposal: proposal,
            statusLabel: try ProposalLabels.of(office, db: db).title(proposal.status),
            proposers: proposers, units: units,
            replies: try ProposalReplies.visible(of: id, context: context, db: db),
            ratings: try ProposalRatings.list(of: id, context: context, db: db),
            contacts: try ProposalContacts.list(of: id, context: context, db: db),
            supervisions: try ProposalSupervision.filter(Column("proposal_id") == id).order(Column("supervised_on")).fetchAll(db),
            steps: try ProposalStep.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db),
            mergedInto: try proposal.mergedIntoID.flatMap { try Proposal.fetchOne(db, key: $0) },
            merged: try Int64.fetchAll(db, sql: "SELECT id FROM proposals WHERE merged_into_id = ? ORDER BY id", arguments: [id]))
            .hidingInternals(unless: isStaff)
    }

    /// Without what only the office sees (the non-public reason).
    func hidingInternals(unless isStaff: Bool) -> ProposalDetail {
        guard !isStaff else { return self }
        var copy = self
        copy.proposal.privateReason = nil
        return copy
    }
}
