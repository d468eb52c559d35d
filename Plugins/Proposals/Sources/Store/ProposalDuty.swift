import GRDB
import LvzhiCore
import LvzhiStorage

/// What proposals add to members' duty records: on 立案 (and for proposals merged into a filed
/// one) the first proposer, each co-signer and each author of a collective proposal get an entry.
enum ProposalDuty {
    static func record(for proposal: Proposal, tx: AuditedTransaction) throws {
        let day = Timestamp.todayInBeijing()
        for proposer in try ProposalProposer.filter(Column("proposal_id") == proposal.id!).fetchAll(tx.db) {
            let kind: DutyKind
            switch proposer.role {
            case "first": kind = ProposalsPlugin.Duty.first
            case "cosigner": kind = ProposalsPlugin.Duty.cosigner
            default: kind = ProposalsPlugin.Duty.collective
            }
            try DutyRecordStore.append(memberID: proposer.memberID, kind: kind, title: proposal.title, entity: Proposal.databaseTableName,
                                       entityID: proposal.id!, occurredOn: day, tx: tx)
        }
    }
}
