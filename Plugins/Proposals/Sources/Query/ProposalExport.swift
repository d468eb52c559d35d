import GRDB
import LvzhiCore
import LvzhiStorage

/// A list of proposals for a spreadsheet: the columns everyone may see, plus, in an internal
/// export, the columns for the office only. A public export never carries an internal column,
/// a non-public proposal, a proposal that was not filed, or a reply that was not published.
public enum ProposalExport {
    /// One column: its header, whether it is for the office only, and its value.
    struct Column: Sendable {
        let title: String
        let internalOnly: Bool
        let value: @Sendable (Record) -> String
    }

    /// What the columns read.
    struct Record: Sendable {
        var proposal: Proposal
        var statusLabel: String
        var proposers: String
        var lead: String
        var co: String
        var assignedOn: String
        var dueOn: String
        var reply: ProposalReply?
        var satisfaction: String
        var overdue: Bool
    }

    static let columns: [Column] = [
        Column(title: "ID", internalOnly: true) { String($0.proposal.id!) },
        Column(title: "编号", internalOnly: false) { $0.proposal.numberLabel ?? "" },
        Column(title: "案由", internalOnly: false) { $0.proposal.title },
        Column(title: "类别", internalOnly: false) { $0.proposal.category },
        Column(title: "类型", internalOnly: false) { $0.proposal.kind.title },
        Column(title: "提案人", internalOnly: false) { $0.proposers },
        Column(title: "大会/平时", internalOnly: false) { $0.proposal.occasion ?? "" },
        Column(title: "状态", internalOnly: false) { $0.statusLabel },
        Column(title: "提交日期", internalOnly: true) { $0.proposal.submittedAt.map(Timestamp.beijingDay) ?? "" },
        Column(title: "立案日期", internalOnly: false) { $0.proposal.filedAt.map(Timestamp.beijingDay) ?? "" },
        Column(title: "不予立案理由", internalOnly: true) { $0.proposal.rejectionGround ?? "" },
        Column(title: "主办单位", internalOnly: false) { $0.lead },
        Column(title: "协办单位", internalOnly: false) { $0.co },
        Column(title: "交办日期", internalOnly: true) { $0.assignedOn },
        Column(title: "答复期限", internalOnly: true) { $0.dueOn },
        Column(title: "超期", internalOnly: true) { $0.overdue ? "超期" : "" },
        Column(title: "答复日期", internalOnly: false) { $0.reply.map { Timestamp.beijingDay($0.repliedAt) } ?? "" },
        Column(title: "答复类别", internalOnly: false) { $0.reply?.outcome.title ?? "" },
        Column(title: "答复文号", internalOnly: false) { $0.reply?.documentNumber ?? "" },
        Column(title: "答复联系人", internalOnly: true) { [$0.reply?.contactPerson, $0.reply?.contactPhone].compactMap { $0 }.joined(separator: " ") },
        Column(title: "满意度", internalOnly: true) { $0.satisfaction },
        Column(title: "重点提案", internalOnly: false) { $0.proposal.isKey ? "重点（\($0.proposal.keySupervisor ?? "")\($0.proposal.keyMode ?? "")）" : "" },
        Column(title: "优秀提案", internalOnly: false) { $0.proposal.isExcellent ? "优秀" : "" },
        Column(title: "不公开理由", internalOnly: true) { $0.proposal.isPublic ? "" : ($0.proposal.privateReason ?? "不公开") },
        Column(title: "登记人", internalOnly: true) { $0.proposal.createdBy },
    ]

    /// The headers and rows of the proposals in `scope` matching `query`; `isPublic` for the public
    /// version. An internal export needs the review permission.
    public static func table(scope: ProposalAccess.Scope, query: ProposalQuery, isPublic: Bool, context: AccessContext, db: Database) throws -> (headers: [String], rows: [[String]]) {
        let office = scope.office
        try AccessGate.authorize(context, isPublic ? ProposalsPlugin.read : ProposalsPlugin.review, in: office, db: db)
        let labels = try ProposalLabels.of(office, db: db)
        let chosen = columns.filter { !isPublic || !$0.internalOnly }
        let today = Timestamp.todayInBeijing()
        var rows: [[String]] = []
        for proposal in try query.request(scope: scope, db: db).fetchAll(db) {
            if isPublic && (!proposal.isPublic || !(proposal.status.isFiled || proposal.status == .merged)) { continue }
            let proposers = proposal.kind == .collective ? (proposal.collectiveBody ?? "") : try String.fetchAll(db, sql: """
                SELECT m.name FROM proposal_proposers p JOIN members m ON m.id = p.member_id
                WHERE p.proposal_id = ? AND p.role IN ('first', 'cosigner') ORDER BY p.role DESC, p.id
                """, arguments: [proposal.id]).joined(separator: "、")
            let units = try ProposalHandling.units(of: proposal.id!, db: db).filter { $0.part.isActive }
            let lead = units.first { $0.part.role == .lead }
            var reply = try lead.flatMap { try ProposalReplies.current(unitRowID: $0.part.id!, db: db) }
            if isPublic { reply = reply?.publishedAt == nil ? nil : reply?.publicVersion }
            let marks = try reply.map { try String.fetchAll(db, sql: "SELECT rating FROM proposal_ratings WHERE reply_id = ?", arguments: [$0.id]).compactMap(Rating.init(rawValue:)) } ?? []
            let satisfaction = Rating.allCases.compactMap { r -> String? in
                let n = marks.filter { $0 == r }.count
                return n == 0 ? nil : "\(r.title)\(n)"
            }.joined(separator: "、")
            let record = Record(proposal: proposal, statusLabel: labels.title(proposal.status), proposers: proposers,
                                lead: lead?.unit ?? "", co: units.filter { $0.part.role == .co }.map(\.unit).joined(separator: "、"),
                                assignedOn: lead?.part.assignedAt ?? "", dueOn: lead?.part.dueOn ?? "", reply: reply, satisfaction: satisfaction,
                                overdue: units.contains { $0.part.isOverdue(on: today) })
            rows.append(chosen.map { $0.value(record) })
        }
        return (chosen.map(\.title), rows)
    }
}

