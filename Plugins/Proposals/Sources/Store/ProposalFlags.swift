import GRDB
import LvzhiCore
import LvzhiStorage

/// The flags that are not states: public or not (with a reason), and 优秀提案.
public enum ProposalFlags {
    /// Sets the public flag (`isPublic`; a reason is required to make a proposal non-public)
    /// and/or the excellent flag of proposal `id`.
    public static func set(id: Int64, isPublic: Bool?, reason: String?, isExcellent: Bool?, tx: AuditedTransaction) throws -> Proposal {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        guard isPublic != nil || isExcellent != nil else {
            throw LvzhiError.invalid("标记", "", "没有要修改的标记", hint: "用 --public、--private --note 理由、--excellent 或 --not-excellent")
        }
        var updated = proposal
        var notes: [String] = []
        if let isPublic {
            if isPublic {
                updated.isPublic = true
                updated.privateReason = nil
                notes.append("公开")
            } else {
                guard let reason = reason.nonBlank else {
                    throw LvzhiError.invalid("不公开的理由", "", "设为不公开须写明理由", hint: "用 --note 写明，如 涉及敏感信息")
                }
                updated.isPublic = false
                updated.privateReason = reason
                notes.append("不公开（\(reason)）")
            }
        }
        if let isExcellent {
            if isExcellent && !proposal.status.isFiled {
                throw LvzhiError(.ruleViolation, "提案 \(id) 当前为「\(proposal.status.title)」，只有立案的提案可以评为优秀提案")
            }
            updated.isExcellent = isExcellent
            notes.append(isExcellent ? "评为优秀提案" : "取消优秀提案")
        }
        guard updated != proposal else { throw LvzhiError(.conflict, "提案 \(id) 的标记本来就是这样") }
        try tx.update(updated, from: proposal, action: "flag")
        try KeyProposals.step(proposal, "flag", notes.joined(separator: "；"), tx: tx)
        tx.emit(DomainEvent(name: "proposals.flagged", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return updated
    }
}
