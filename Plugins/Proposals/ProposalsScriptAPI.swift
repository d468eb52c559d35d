import GRDB
import LvzhiCore
import LvzhiStorage

/// `lvzhi.proposals`: queries and every workflow step, in the host's neutral terms (the module
/// never imports Lua). The steps come from the same transition table as the CLI.
public enum ProposalsScriptAPI {
    static let filters = ["status", "category", "kind"]

    public static let module = ScriptModule(name: "proposals", moduleID: ProposalsPlugin.id, summary: "提案", functions: [
        ScriptFunction("each", signature: "each{status=, category=, kind=}", summary: "逐件遍历符合条件的提案") { session, call in
            let cursor = try request(session, call).fetchCursor(session.tx.db)
            call.pushIterator { call in
                guard let proposal = try cursor.next() else { return 0 }
                try push(proposal, call)
                return 1
            }
            return 1
        },
        ScriptFunction("list", signature: "list{status=, category=, kind=}", summary: "符合条件的提案数组") { session, call in
            call.push(value: try ScriptValue(encoding: try request(session, call).fetchAll(session.tx.db)))
            return 1
        },
        ScriptFunction("count", signature: "count{status=, category=, kind=}", summary: "符合条件的提案件数") { session, call in
            call.push(Int64(try request(session, call).fetchCount(session.tx.db)))
            return 1
        },
        ScriptFunction("get", signature: "get(id)", summary: "按 ID 取一件提案") { session, call in
            let id = try call.requireInteger(1, "id")
            let (proposal, office) = try ProposalStore.load(id, context: session.context, permission: ProposalsPlugin.read, db: session.tx.db)
            guard office.id == session.office.id else { throw LvzhiError.notFound("提案", "ID \(id)（\(session.office.name)）") }
            try push(proposal, call)
            return 1
        },
        ScriptFunction("draft", signature: "draft{title=, body=, category=, member=, cosigners={…}, collective=}",
                       summary: "撰写并暂存一件提案，返回其 ID", writes: true) { session, call in
            let f = try call.filter(1, allowed: ["title", "body", "category", "member", "cosigners", "collective"])
            let cosigners = (call.value(1)["cosigners"]?.arrayItems ?? []).compactMap { value -> Int64? in
                if case .integer(let i) = value { return i } else { return nil }
            }
            let kind: ProposalKind = f["collective"] != nil ? .collective : (cosigners.isEmpty ? .individual : .joint)
            let proposal = try ProposalStore.draft(officeCode: session.office.code, ProposalDraft(
                title: f["title"] ?? "", body: f["body"] ?? "", category: f["category"] ?? "", kind: kind,
                firstProposerID: f["member"].flatMap { Int64($0) }, cosignerIDs: cosigners, collectiveBody: f["collective"]), tx: session.tx)
            call.push(proposal.id!)
            return 1
        },
        ScriptFunction("assign", signature: "assign(id, {lead=, co={…}})", summary: "交办已立案的提案给主办单位（及协办单位）", writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.filter(2, allowed: ["lead", "co"])
            let co = (call.value(2)["co"]?.arrayItems ?? []).map(\.plainText)
            let units = try ProposalAssignment.assign(id: id, lead: f["lead"] ?? "", coHandlers: co, tx: session.tx)
            call.push(units[0].dueOn)
            return 1
        },
        ScriptFunction("accept", signature: "accept(id)", summary: "承办单位接收交办的提案，返回答复期限", writes: true) { session, call in
            call.push(try ProposalAssignment.accept(id: try call.requireInteger(1, "id"), tx: session.tx).dueOn)
            return 1
        },
        ScriptFunction("unit_return", signature: "unit_return(id, reason)", summary: "承办单位在期限内写明理由退回提案", writes: true) { session, call in
            _ = try ProposalAssignment.giveBack(id: try call.requireInteger(1, "id"), reason: try call.requireString(2, "reason"), tx: session.tx)
            return 0
        },
    ] + ProposalAction.allCases.map { action in
        ScriptFunction(action.rawValue, signature: "\(action.rawValue)(id, {note=, ground=, into=})",
                       summary: "\(action.title)（与 lvzhi proposal \(action.rawValue) 相同的检查），返回新状态", writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.filter(2, allowed: ["note", "ground", "into"])
            let proposal = try ProposalStore.apply(action, id: id, note: f["note"], ground: f["ground"],
                                                   mergeInto: f["into"].flatMap { Int64($0) }, tx: session.tx)
            call.push(proposal.status.rawValue)
            return 1
        }
    })

    static func request(_ session: ScriptSession, _ call: any ScriptCall) throws -> QueryInterfaceRequest<Proposal> {
        try AccessGate.authorize(session.context, ProposalsPlugin.read, in: session.office, db: session.tx.db)
        let f = try call.filter(1, allowed: filters)
        var request = Proposal.filter(Column("office_id") == session.office.id)
        if let status = f["status"] {
            guard ProposalStatus(rawValue: status) != nil else {
                throw LvzhiError.invalid("status", status, "不是提案状态", hint: ProposalStatus.allCases.map(\.rawValue).joined(separator: "、"))
            }
            request = request.filter(Column("status") == status)
        }
        if let category = f["category"] { request = request.filter(Column("category") == category) }
        if let kind = f["kind"] { request = request.filter(Column("kind") == kind) }
        return request.order(Column("id"))
    }

    static func push(_ proposal: Proposal, _ call: any ScriptCall) throws {
        call.push(value: try ScriptValue(encoding: proposal))
    }
}
