import GRDB
import LvzhiCore
import LvzhiStorage

/// `lvzhi.proposals`: queries (streaming), every step of both transition tables, the reports
/// and statistics, in the host's neutral terms (the module never imports Lua). Steps call the
/// same in-transaction functions as the CLI, so checks, audit and events are the same.
public enum ProposalsScriptAPI {
    /// The filter of each/list/count.
    static let filters: [ScriptParameter] = [.options(ProposalQuery.scriptFilters)]
    /// The one option of the yearly reports.
    static let yearOption: [ScriptParameter] = [.options([.integer("year", in: NumberRange.year)])]

    public static let module = ScriptModule(name: "proposals", moduleID: ProposalsPlugin.id, summary: "提案", functions:
        queries + reports + drafting + ProposalAction.allCases.map(reviewStep) + [assign] + UnitAction.allCases.map(unitStep) + afterReply)

    // MARK: Queries

    static let queries: [ScriptFunction] = [
        ScriptFunction("each", filters, summary: "逐件遍历符合条件、本人可见的提案（流式，适合大量数据）") { session, call in
            let (scope, request) = try query(session, call)
            try call.pushIterator(records: request, db: session.tx.db, adjust: scope.redaction)
            return 1
        },
        ScriptFunction("list", filters, summary: "符合条件、本人可见的提案数组") { session, call in
            let (scope, request) = try query(session, call)
            try call.push(records: request, db: session.tx.db, adjust: scope.redaction)
            return 1
        },
        ScriptFunction("count", filters, summary: "符合条件、本人可见的提案件数") { session, call in
            call.push(Int64(try query(session, call).request.fetchCount(session.tx.db)))
            return 1
        },
        ScriptFunction("get", [.id("id")], summary: "按 ID 取一件提案（看不到的提案与不存在的一样：找不到）") { session, call in
            let found = try own(session, call)
            try call.push(encoding: ProposalAccess.redacted(found.proposal, for: try scope(session)))
            return 1
        },
        ScriptFunction("detail", [.id("id")], summary: "一件提案的全部情况：提案人、承办单位、答复、测评、沟通、督办、办理记录") { session, call in
            let id = try own(session, call).proposal.id!
            try call.push(encoding: try ProposalDetail.load(id, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("similar", [.id("id")], summary: "与这件提案相似的提案（重复提醒），按相似度排序") { session, call in
            let id = try own(session, call).proposal.id!
            try call.push(encoding: try SimilarProposals.find(id: id, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("reviewers", summary: "提案审查专家库") { session, call in
            try call.push(encoding: try ReviewerPool.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
    ]

    // MARK: Reports

    static let reports: [ScriptFunction] = [
        ScriptFunction("stats", yearOption,
                       summary: "年度统计：totals（总数、立案、集体、重点、办结、超期）和 by_category（类别 × 状态）；只计本人可见的提案，scope 说明范围") { session, call in
            let scope = try scope(session)
            let year = try year(call)
            call.newTable(array: 0, fields: 3)
            try call.set("totals") { try call.push(encoding: try ProposalStatistics.totals(scope: scope, year: year, db: session.tx.db)) }
            try call.set("by_category") { try call.push(encoding: try ProposalStatistics.byCategory(scope: scope, year: year, db: session.tx.db)) }
            call.set("scope", scope.note)
            return 1
        },
        ScriptFunction("unit_stats", yearOption, summary: "各承办单位的办理情况（按时答复、答复类别、满意度），供民主评议") { session, call in
            let scope = try scope(session)
            let year = try year(call)
            try call.push(encoding: try ProposalStatistics.units(scope: scope, year: year, db: session.tx.db))
            return 1
        },
        ScriptFunction("overdue", [.options([.integer("within", in: NumberRange.days), .text("unit")])], summary: "超期未答复的承办（within 天内到期的也列出，作为预警）") { session, call in
            let scope = try scope(session)
            let f = try call.options(1)
            let within = try f.integer("within") ?? 0
            try call.push(encoding: try ProposalDeadlines.warnings(scope: scope, within: within, unit: f["unit"], db: session.tx.db))
            return 1
        },
        ScriptFunction("rules", yearOption, summary: "种子文件的规则：各专委会、各界别活动组每年至少一件集体提案") { session, call in
            let scope = try scope(session)
            let year = try year(call) ?? Int(Timestamp.todayInBeijing().prefix(4))!
            try call.push(encoding: try ProposalRules.collectiveCoverage(scope: scope, year: year, db: session.tx.db))
            return 1
        },
        ScriptFunction("export", [.options([.boolean("public")] + ProposalQuery.scriptFilters)], summary: "提案清单 {headers=, rows=}，可交给 lvzhi.report.save；public=true 时只有可公开的列和提案") { session, call in
            let scope = try scope(session)
            var f = try call.options(1)
            let isPublic = try f.flag("public") ?? false
            _ = f.remove("public")
            let table = try ProposalExport.table(scope: scope, query: try ProposalQuery(script: f), isPublic: isPublic, context: session.context, db: session.tx.db)
            call.newTable(array: 0, fields: 2)
            try call.set("headers") { try call.push(encoding: table.headers) }
            try call.set("rows") { try call.push(encoding: table.rows) }
            return 1
        },
    ]

    // MARK: Drafting

    static let drafting: [ScriptFunction] = [
        ScriptFunction("draft", [.options([.text("title"), .text("body"), .text("category"), .id("member"), .ids("cosigners"),
                                           .text("collective"), .ids("authors")])],
                       summary: "撰写并暂存一件提案，返回其 ID", writes: true) { session, call in
            let f = try call.options(1)
            let cosigners = try f.ids("cosigners")
            let kind: ProposalKind = f["collective"] != nil ? .collective : (cosigners.isEmpty ? .individual : .joint)
            let proposal = try ProposalStore.draft(officeCode: session.office.code, ProposalDraft(
                title: f["title"] ?? "", body: f["body"] ?? "", category: f["category"] ?? "", kind: kind,
                firstProposerID: try f.id("member"), cosignerIDs: cosigners, collectiveBody: f["collective"],
                authorIDs: try f.ids("authors")), tx: session.tx)
            call.push(proposal.id!)
            return 1
        },
        ScriptFunction("confirm", [.id("id")], summary: "附议人确认附议", writes: true) { session, call in
            try ProposalStore.confirm(id: try call.requireInteger(1, "id"), tx: session.tx)
            return 0
        },
    ]

    static func reviewStep(_ action: ProposalAction) -> ScriptFunction {
        ScriptFunction(scriptName(action), [.id("id"), .options([.text("note"), .text("ground"), .id("into"), .ids("reviewers")])],
                       summary: "\(action.title)（与 lvzhi proposal \(action.rawValue) 相同的检查），返回新状态", writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.options(2)
            let proposal = try ProposalStore.apply(action, id: id, note: f["note"], ground: f["ground"], mergeInto: try f.id("into"),
                                                   reviewers: try f.ids("reviewers"), tx: session.tx)
            call.push(proposal.status.rawValue)
            return 1
        }
    }

    static let assign = ScriptFunction("assign", [.id("id"), .options([.text("lead"), .texts("co")])], summary: "交办已立案的提案给主办单位（及协办单位），返回答复期限",
                                       writes: true) { session, call in
        let id = try call.requireInteger(1, "id")
        let f = try call.options(2)
        let co = try f.texts("co")
        let units = try ProposalHandling.assign(id: id, lead: f["lead"] ?? "", coHandlers: co, tx: session.tx)
        call.push(units[0].dueOn)
        return 1
    }

    static func unitStep(_ action: UnitAction) -> ScriptFunction {
        let transition = UnitWorkflow.transition(action)
        let common: [ScriptParameter] = [.text("note"), .text("unit")]
        let options: ScriptParameter = switch action {
        case .reply: .options([.text("outcome"), .text("body"), .text("doc"), .text("contact"), .text("phone")] + common)
        case .extend: .options([.date("new_deadline")] + common)
        default: .textOrOptions("note", common)
        }
        let who = transition.actor == .unit ? "承办单位" : "政协办公室"
        return ScriptFunction(action.scriptName, [.id("id"), options],
                              summary: "\(action.title.hasPrefix(who) ? "" : who)\(action.title)（与 lvzhi proposal \(action.rawValue) 相同的检查），返回承办状态", writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            var input = UnitStepInput()
            if let note = call.string(2) {
                input.note = note
            } else {
                let f = try call.options(2)
                input = UnitStepInput(unit: f["unit"], note: f["note"], until: action == .extend ? try f.date("new_deadline") : nil)
                if action == .reply {
                    input.reply = ReplyInput(outcome: f["outcome"] ?? "", body: f["body"] ?? "", documentNumber: f["doc"],
                                             contactPerson: f["contact"], contactPhone: f["phone"])
                }
            }
            call.push(try ProposalHandling.apply(action, id: id, input, tx: session.tx).status.rawValue)
            return 1
        }
    }

    // MARK: After the reply

    static let afterReply: [ScriptFunction] = [
        ScriptFunction("publish", [.id("id")], summary: "公布一件提案的答复，返回公布的份数", writes: true) { session, call in
            call.push(Int64(try ProposalReplies.publish(id: try call.requireInteger(1, "id"), tx: session.tx)))
            return 1
        },
        ScriptFunction("publish_all", yearOption, summary: "批量公布本政协全部待公布的答复，返回涉及的提案件数", writes: true) { session, call in
            let year = try year(call)
            call.push(Int64(try ProposalReplies.publishAll(officeCode: session.office.code, year: year, tx: session.tx).count))
            return 1
        },
        ScriptFunction("rate", [.id("id"), .options([.text("rating"), .id("member"), .text("comment")])], summary: "测评答复：满意、基本满意、不满意（工作人员代为登记时给 member）",
                       writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.options(2)
            let rating = try ProposalRatings.rate(id: id, rating: f["rating"] ?? "", memberID: try f.id("member"),
                                                  comment: f["comment"], tx: session.tx)
            call.push(rating.rating.rawValue)
            return 1
        },
        ScriptFunction("key", [.id("id"), .options([.integer("year", in: NumberRange.year), .id("supervisor_member"), .text("supervisor"),
                                                   .text("mode")])], summary: "确定为重点提案（主席会议成员督办或政府领导领办）",
                       writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.options(2)
            let year = try f.integer("year") ?? Int(Timestamp.todayInBeijing().prefix(4))!
            _ = try KeyProposals.mark(id: id, year: year, supervisorMemberID: try f.id("supervisor_member"),
                                      supervisor: f["supervisor"], mode: f["mode"], tx: session.tx)
            return 0
        },
        ScriptFunction("supervise", [.id("id"), .options([.text("note"), .date("on")])], summary: "记录督办情况", writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.options(2)
            _ = try KeyProposals.supervise(id: id, note: f["note"] ?? "", on: try f.date("on"), tx: session.tx)
            return 0
        },
        ScriptFunction("contact", [.id("id"), .options([.text("method"), .text("stage"), .date("on"), .text("participants"),
                                                       .text("summary")])], summary: "记录与提案人的沟通（面谈、座谈会、电话、邮件、书信、其它）",
                       writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.options(2)
            _ = try ProposalContacts.add(id: id, ContactInput(method: f["method"] ?? "", stage: f["stage"] ?? "办中", on: try f.date("on"),
                                                              participants: f["participants"], summary: f["summary"] ?? ""), tx: session.tx)
            return 0
        },
        ScriptFunction("flag", [.id("id"), .options([.boolean("public"), .text("reason"), .boolean("excellent")])], summary: "修改公开（不公开须写 reason）、优秀提案标记", writes: true) { session, call in
            let id = try call.requireInteger(1, "id")
            let f = try call.options(2)
            _ = try ProposalFlags.set(id: id, isPublic: try f.flag("public"), reason: f["reason"],
                                      isExcellent: try f.flag("excellent"), tx: session.tx)
            return 0
        },
    ]

    // MARK: Helpers

    /// The caller's scope and the request for the filter table at argument 1.
    static func query(_ session: ScriptSession, _ call: any ScriptCall) throws -> (scope: ProposalAccess.Scope, request: QueryInterfaceRequest<Proposal>) {
        let scope = try scope(session)
        return (scope, try ProposalQuery(script: try call.options(1)).request(scope: scope, db: session.tx.db))
    }

    /// What the acting user sees of the run's office's proposals.
    static func scope(_ session: ScriptSession) throws -> ProposalAccess.Scope {
        try ProposalAccess.scope(session.context, office: session.office, db: session.tx.db)
    }

    /// What a script pushing proposals of `scope` must change in each (``ProposalAccess/redacted(_:for:)``);
    /// nil when the viewer sees every proposal in full, so that rows can go to Lua without being decoded.
    /// Proposal `id` (argument 1), which must belong to the run's office and be visible to the acting user.
    static func own(_ session: ScriptSession, _ call: any ScriptCall) throws -> (proposal: Proposal, office: Office) {
        let id = try call.requireInteger(1, "id")
        let found = try ProposalAccess.load(id, context: session.context, db: session.tx.db)
        guard found.office.id == session.office.id else { throw LvzhiError.notFound("提案", "ID \(id)（\(session.office.name)）") }
        return (found.proposal, found.office)
    }

    /// The `year` option of a report's table (argument 1).
    static func year(_ call: any ScriptCall) throws -> Int? {
        try call.options(1).integer("year")
    }

    /// The script name of a review step: its CLI name, except `return`, a Lua reserved word
    /// (`lvzhi.proposals.return(…)` would not parse): 退回修改 is `return_for_revision`.
    static func scriptName(_ action: ProposalAction) -> String {
        action == .returnForRevision ? "return_for_revision" : action.rawValue
    }
}
