import GRDB
import LvzhiCore
import LvzhiStorage

/// Someone who rates a proposal's reply: a proposer (first proposer or co-signer, also of the
/// proposals merged into it), or the body of a collective proposal (no member).
public struct Rater: Sendable, Hashable {
    public var memberID: Int64?
    public var name: String
}

/// Ratings (满意度测评) of the lead unit's published reply. When every rater has rated, the unit's
/// part becomes 已测评 and the proposal 已办结; a 不满意 lets the office order it handled again.
public enum ProposalRatings {
    /// Who rates proposal `proposal`'s reply.
    public static func raters(of proposal: Proposal, db: Database) throws -> [Rater] {
        if proposal.kind == .collective { return [Rater(memberID: nil, name: proposal.collectiveBody ?? "")] }
        return try Row.fetchAll(db, sql: """
            SELECT DISTINCT m.id, m.name FROM proposal_proposers pp JOIN members m ON m.id = pp.member_id
            JOIN proposals p ON p.id = pp.proposal_id
            WHERE (p.id = ?1 OR p.merged_into_id = ?1) AND pp.role IN ('first', 'cosigner') AND pp.confirmed_at IS NOT NULL
            ORDER BY p.id, pp.id
            """, arguments: [proposal.id]).map { Rater(memberID: $0["id"], name: $0["name"]) }
    }

    /// Rates the published reply of proposal `id`'s lead unit. Without `memberID` the acting
    /// member rates for himself; staff give `memberID` (or nothing, for a collective proposal)
    /// to enter a rating on someone's behalf, which is marked so.
    @discardableResult
    public static func rate(id: Int64, rating text: String, memberID: Int64? = nil, comment: String? = nil, tx: AuditedTransaction) throws -> ProposalRating {
        let rating = try Rating.parse(text)
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.rate, db: tx.db)
        guard let lead = try ProposalUnit.filter(Column("proposal_id") == id && Column("role") == UnitRole.lead.rawValue
                                                 && Column("status") != UnitStatus.returned.rawValue).fetchOne(tx.db),
              lead.status == .replied || lead.status == .rated,
              let reply = try ProposalReplies.current(unitRowID: lead.id!, db: tx.db) else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，还没有答复，不能测评")
        }
        guard reply.publishedAt != nil else {
            throw LvzhiError(.ruleViolation, "提案 \(id) 的答复尚未公布，公布后才能测评", hint: "由政协办公室公布：lvzhi proposal publish \(id)")
        }
        let raters = try raters(of: proposal, db: tx.db)
        let isStaff = try ProposalStore.mayActForOthers(tx.context, office: office, db: tx.db)
        let rater: Rater
        if proposal.kind == .collective {
            guard isStaff else { throw LvzhiError(.permissionDenied, "集体提案的测评由工作人员代为登记") }
            guard memberID == nil else { throw LvzhiError.invalid("委员", String(memberID!), "集体提案以单位名义测评，不指定委员") }
            rater = raters[0]
        } else {
            guard let who = memberID ?? tx.context.user.memberID else {
                throw LvzhiError.invalid("测评人", "", "没有指定测评的委员", hint: "工作人员代为登记时用 --member 委员ID")
            }
            if who != tx.context.user.memberID, !isStaff {
                throw LvzhiError(.permissionDenied, "委员只能测评自己提出或附议的提案")
            }
            guard let found = raters.first(where: { $0.memberID == who }) else {
                throw LvzhiError(.ruleViolation, "委员 ID \(who) 不是提案 \(id) 的提案人或附议人，不能测评")
            }
            rater = found
        }
        if try ProposalRating.filter(Column("reply_id") == reply.id! && Column("member_id") == rater.memberID).fetchCount(tx.db) > 0 {
            throw LvzhiError(.conflict, "「\(rater.name)」已经测评过提案 \(id) 的这份答复")
        }
        var record = ProposalRating(proposalID: id, replyID: reply.id!, memberID: rater.memberID, rater: rater.name, rating: rating,
                                    comment: comment.nonBlank, enteredByStaff: rater.memberID != tx.context.user.memberID || rater.memberID == nil,
                                    enteredBy: tx.context.user.username, ratedAt: Timestamp.now())
        try tx.insert(&record)
        let rated = try ProposalRating.filter(Column("reply_id") == reply.id!).fetchCount(tx.db)
        var step = ProposalStep(proposalID: id, action: "rate", fromStatus: proposal.status.rawValue, toStatus: proposal.status.rawValue,
                                note: "\(rater.name)：\(rating.title)\(record.enteredByStaff ? "（工作人员代为登记）" : "")",
                                username: tx.context.user.username, at: Timestamp.now(), unitID: lead.id)
        if rated >= raters.count, lead.status == .replied {
            var done = lead
            done.status = .rated
            try tx.update(done, from: lead, action: "rated")
            step.toStatus = ProposalStatus.concluded.rawValue
        }
        try tx.insert(&step)
        try ProposalProgress.refresh(id, tx: tx)
        tx.emit(DomainEvent(name: "proposals.rated", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return record
    }
}
