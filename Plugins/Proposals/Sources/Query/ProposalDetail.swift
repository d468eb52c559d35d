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

    /// The detail of proposal `id`, as the acting user may see it (``ProposalAccess``): the office
    /// sees everything; a proposer everything but the office's internal notes; a handling unit the
    /// proposal, its own part, its own reply and the others' published ones; everyone else the
    /// public version (the text, the proposers, the units and the published replies' public versions).
    public static func load(_ id: Int64, context: AccessContext, db: Database) throws -> ProposalDetail {
        let (proposal, office, view) = try ProposalAccess.load(id, context: context, db: db)
        let proposers = try Row.fetchAll(db, sql: """
            SELECT m.id, m.name, p.role, p.confirmed_at FROM proposal_proposers p JOIN members m ON m.id = p.member_id
            WHERE p.proposal_id = ? ORDER BY CASE p.role WHEN 'first' THEN 0 WHEN 'cosigner' THEN 1 ELSE 2 END, p.id
            """, arguments: [id]).map { Proposer(memberID: $0["id"], name: $0["name"], role: $0["role"], confirmed: ($0["confirmed_at"] as String?) != nil) }
        let today = Timestamp.todayInBeijing()
        let units = try ProposalHandling.units(of: id, db: db).map { Unit(name: $0.unit, part: $0.part, overdue: $0.part.isOverdue(on: today)) }
        let detail = ProposalDetail(
            proposal: proposal,
            statusLabel: try ProposalLabels.of(office, db: db).title(proposal.status),
            proposers: proposers, units: units,
            replies: try ProposalReplies.visible(of: id, view: view, db: db),
            ratings: try ProposalRating.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db),
            contacts: try ProposalContact.filter(Column("proposal_id") == id).order(Column("contacted_on"), Column("id")).fetchAll(db),
            supervisions: try ProposalSupervision.filter(Column("proposal_id") == id).order(Column("supervised_on")).fetchAll(db),
            steps: try ProposalStep.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db),
            mergedInto: try proposal.mergedIntoID.flatMap { try Proposal.fetchOne(db, key: $0) },
            merged: try Int64.fetchAll(db, sql: "SELECT id FROM proposals WHERE merged_into_id = ? ORDER BY id", arguments: [id]))
        return detail.seen(as: view)
    }

    /// What `view` leaves of the detail (the replies are already chosen by ``ProposalReplies/visible(of:view:db:)``).
    func seen(as view: ProposalAccess.View) -> ProposalDetail {
        var copy = self
        switch view {
        case .office:
            return self
        case .proposer:
            // The units' internal notes (a return reason, a co-handler's opinion to the lead unit) stay with the office.
            copy.units = units.map { $0.withoutNotes() }
            copy.steps = steps.map { step in
                var seen = step.unitID == nil ? step : step.withoutNote()
                seen.reviewers = nil
                return seen
            }
        case .unit(let unitID):
            let own = Set(units.filter { $0.part.handlingUnitID == unitID }.compactMap(\.part.id))
            copy.units = units.map { own.contains($0.part.id ?? -1) ? $0 : $0.withoutNotes() }
            copy.steps = steps.filter { $0.unitID.map(own.contains) ?? true }.map { $0.unitID == nil ? $0.withoutNote() : $0 }
            copy.contacts = []
            copy.supervisions = []
            let ownReplies = Set(replies.filter { own.contains($0.proposalUnitID) }.compactMap(\.id))
            copy.ratings = ratings.filter { ownReplies.contains($0.replyID) }
        case .publicVersion:
            copy.units = units.map { $0.withoutNotes() }
            copy.ratings = []
            copy.contacts = []
            copy.supervisions = []
            copy.steps = []
        }
        copy.proposal.privateReason = nil
        return copy
    }
}

extension ProposalDetail.Unit {
    /// The part without the unit's notes to the office.
    func withoutNotes() -> Self {
        var copy = self
        copy.part.returnedReason = nil
        copy.part.opinion = nil
        return copy
    }
}

extension ProposalStep {
    /// The step without its note and reviewers (who did what stays).
    func withoutNote() -> Self {
        var copy = self
        copy.note = nil
        copy.reviewers = nil
        return copy
    }
}
