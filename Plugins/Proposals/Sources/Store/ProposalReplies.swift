import GRDB
import LvzhiCore
import LvzhiStorage

/// Replies: who sees them, and their publication. A reply is internal (the office and the unit
/// that wrote it) until the office publishes it; then the proposers see it in full and everyone
/// else sees its public version (``ProposalReply/publicVersion``).
public enum ProposalReplies {
    /// The reply that stands for unit row `unitRowID`: its latest one not sent back.
    public static func current(unitRowID: Int64, db: Database) throws -> ProposalReply? {
        try ProposalReply.filter(Column("proposal_unit_id") == unitRowID && Column("sent_back_at") == nil)
            .order(Column("id").desc).fetchOne(db)
    }

    /// The replies of proposal `id` as `view` (``ProposalAccess/View``) sees them, oldest first:
    /// the office all of them; a unit its own in full and the others' published ones in their
    /// public version; a proposer the published ones in full; everyone else their public version.
    public static func visible(of id: Int64, view: ProposalAccess.View, db: Database) throws -> [ProposalReply] {
        let replies = try ProposalReply.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db)
        switch view {
        case .office:
            return replies
        case .unit(let unitID):
            let own = try Set(Int64.fetchAll(db, sql: "SELECT id FROM proposal_units WHERE proposal_id = ? AND handling_unit_id = ?",
                                             arguments: [id, unitID]))
            return replies.filter { own.contains($0.proposalUnitID) || $0.publishedAt != nil }.map { own.contains($0.proposalUnitID) ? $0 : $0.publicVersion }
        case .proposer:
            return replies.filter { $0.publishedAt != nil }
        case .publicVersion:
            return replies.filter { $0.publishedAt != nil }.map(\.publicVersion)
        }
    }

    /// Publishes the current replies of proposal `id` that are not yet published. Returns how many.
    @discardableResult
    public static func publish(id: Int64, tx: AuditedTransaction) throws -> Int {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        let pending = try unpublished(proposalID: id, db: tx.db)
        guard !pending.isEmpty else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」没有待公布的答复（当前为「\(proposal.status.title)」）",
                             hint: "承办单位答复之后才能公布")
        }
        try publish(pending, proposal: proposal, office: office, tx: tx)
        return pending.count
    }

    /// Publishes every pending reply of the office (optionally only of proposals submitted in `year`),
    /// as offices do at the end of a handling round. Returns the proposals whose replies were published.
    public static func publishAll(officeCode: String, year: Int?, tx: AuditedTransaction) throws -> [Int64] {
        let office = try Office.authorized(code: officeCode, tx.context, ProposalsPlugin.review, db: tx.db)
        var sql = """
            SELECT DISTINCT p.id FROM proposals p JOIN proposal_replies r ON r.proposal_id = p.id
            JOIN proposal_units u ON u.id = r.proposal_unit_id
            WHERE p.office_id = ? AND r.published_at IS NULL AND r.sent_back_at IS NULL AND u.status IN ('replied', 'rated')
            """
        var arguments: [any DatabaseValueConvertible] = [office.id!]
        if let year { sql += " AND p.submitted_year = ?"; arguments.append(year) }
        let ids = try Int64.fetchAll(tx.db, sql: sql + " ORDER BY p.id", arguments: StatementArguments(arguments))
        for id in ids {
            let proposal = try Proposal.find(id: id, db: tx.db)
            try publish(try unpublished(proposalID: id, db: tx.db), proposal: proposal, office: office, tx: tx)
        }
        return ids
    }

    static func unpublished(proposalID: Int64, db: Database) throws -> [ProposalReply] {
        try ProposalReply.fetchAll(db, sql: """
            SELECT r.* FROM proposal_replies r JOIN proposal_units u ON u.id = r.proposal_unit_id
            WHERE r.proposal_id = ? AND r.published_at IS NULL AND r.sent_back_at IS NULL AND u.status IN ('replied', 'rated')
            ORDER BY r.id
            """, arguments: [proposalID])
    }

    private static func publish(_ replies: [ProposalReply], proposal: Proposal, office: Office, tx: AuditedTransaction) throws {
        for reply in replies {
            var published = reply
            published.publishedAt = Timestamp.now()
            try tx.update(published, from: reply, action: "publish")
        }
        var step = ProposalStep(proposalID: proposal.id!, action: "publish", fromStatus: proposal.status.rawValue, toStatus: proposal.status.rawValue,
                                note: "公布答复 \(replies.count) 件", username: tx.context.user.username, at: Timestamp.now())
        try tx.insert(&step)
        tx.emit(DomainEvent(name: "proposals.reply_published", officeID: office.id, entity: Proposal.databaseTableName, entityID: proposal.id))
    }
}
