import GRDB
import LvzhiCore
import LvzhiStorage

/// Derives a filed proposal's state from its units' sub-lives, and writes it (audited) when it
/// changes. The only writer of the states after 立案.
///
/// - no active lead unit → filed (待交办, also after the lead unit returned it)
/// - the lead unit assigned, not yet accepted → assigned
/// - the lead unit accepted (handling, or a reply sent back, or rehandling) → handling
/// - the lead unit replied → replied
/// - every proposer rated the lead unit's reply → concluded (办结)
public enum ProposalProgress {
    /// The state `units` give a filed proposal.
    public static func derive(_ units: [ProposalUnit]) -> ProposalStatus {
        guard let lead = units.first(where: { $0.role == .lead && $0.isActive }) else { return .filed }
        switch lead.status {
        case .assigned: return .assigned
        case .accepted: return .handling
        case .replied: return .replied
        case .rated: return .concluded
        case .returned: return .filed
        }
    }

    /// Recomputes proposal `id`'s state inside `tx`; emits `proposals.concluded` when it becomes 办结.
    @discardableResult
    public static func refresh(_ id: Int64, tx: AuditedTransaction) throws -> Proposal {
        let proposal = try Proposal.find(id: id, db: tx.db)
        guard proposal.status.isFiled else { return proposal }
        let units = try ProposalUnit.filter(Column("proposal_id") == id).fetchAll(tx.db)
        var updated = proposal
        updated.status = derive(units)
        updated.concludedAt = updated.status == .concluded ? (proposal.concludedAt ?? Timestamp.now()) : nil
        try tx.update(updated, from: proposal, action: "progress")
        if updated.status == .concluded && proposal.status != .concluded {
            tx.emit(DomainEvent(name: "proposals.concluded", officeID: proposal.officeID, entity: Proposal.databaseTableName, entityID: id))
        }
        return updated
    }
}
