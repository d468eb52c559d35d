import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiStorage
import Proposals

/// `lvzhi proposal`: drafting, co-signing, submission and review of proposals (提案).
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "提案：撰写、附议、提交、撤回、审查（立案、不予立案、退回、转为意见建议、并案）、交办",
        discussion: """
        每一步都按同一张流转表检查当前状态和权限，记入办理记录和审计日志。立案时按会议（或年度）连续编号。
        例：lvzhi proposal draft --office ordos --title 关于…的建议 --category 经济 --as 委员用户
            lvzhi proposal submit 1 --as 委员用户
            lvzhi proposal file 1 --as 工作人员
        立案后交办：lvzhi proposal assign 1 --lead 市发展和改革委员会 --co 市财政局；承办单位用 accept 接收或 unit-return 退回。
        办理、答复和满意度测评将在后续版本提供。
        """,
        subcommands: [Draft.self, Confirm.self, Submit.self, Withdraw.self, Return.self, File.self, Reject.self, Convert.self, Merge.self,
                      Assign.self, Accept.self, UnitReturn.self, List.self, Show.self]
    )

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撰写并暂存一件提案")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: "案由（标题），一事一案") var title: String
        @Option(help: "正文") var body: String = ""
        @Option(help: ArgumentHelp("类别：\(ProposalStore.categories.joined(separator: "、"))", valueName: "CATEGORY")) var category: String
        @Option(help: ArgumentHelp("第一提案人的委员 ID（工作人员代录时用；委员本人提出时省略）", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("附议人的委员 ID，可多次给出（联名提案）", valueName: "ID")) var cosigner: [Int64] = []
        @Option(help: ArgumentHelp("集体提案：以哪个专委会、党派、界别或活动组的名义", valueName: "NAME")) var collective: String?

        func run() throws {
            let (host, context) = try global.open()
            let kind: ProposalKind = collective != nil ? .collective : (cosigner.isEmpty ? .individual : .joint)
            let proposal = try ProposalStore(host: host, context: context).draft(officeCode: office, ProposalDraft(
                title: title, body: body, category: category, kind: kind, firstProposerID: member, cosignerIDs: cosigner, collectiveBody: collective))
            print("已暂存\(kind.title)「\(proposal.title)」（ID \(proposal.id!)）。\(kind == .joint ? "请附议人确认后再提交：lvzhi proposal confirm \(proposal.id!)" : "提交：lvzhi proposal submit \(proposal.id!)")")
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "附议人确认附议")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            try ProposalStore(host: host, context: context).confirm(id: id)
            print("已确认附议提案 \(id)")
        }
    }

    /// What every step takes; the action comes from the subcommand (one per row of the transition table).
    struct StepArguments: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: "说明（退回修改、不予立案、转为意见建议时必填）") var note: String?
        @Option(help: ArgumentHelp("不予立案的标准理由：1–10 或原文", valueName: "GROUND")) var ground: String?
        @Option(help: ArgumentHelp("并案：并入的提案 ID", valueName: "ID")) var into: Int64?

        func apply(_ step: ProposalAction) throws {
            let (host, context) = try global.open()
            let proposal = try ProposalStore(host: host, context: context).apply(step, id: id, note: note, ground: ground, mergeInto: into)
            print("提案 \(id)「\(proposal.title)」已\(step.title)，现为「\(proposal.status.title)」\(proposal.numberLabel.map { "，编号 \($0)" } ?? "")")
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "提交（暂存或退回修改的提案）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.submit) }
    }
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤回（第一提案人，审查之前）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.withdraw) }
    }
    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return", abstract: "退回修改（须 --note）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.returnForRevision) }
    }
    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "立案并编号")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.file) }
    }
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "不予立案（须 --ground 标准理由和 --note 说明）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.reject) }
    }
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "转为意见建议（须 --note）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.convert) }
    }
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "并案（须 --into 主提案 ID）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.merge) }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "交办已立案的提案：一个主办单位，可加协办单位（办理期限三个月）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("主办单位名称", valueName: "UNIT")) var lead: String
        @Option(help: ArgumentHelp("协办单位名称，可多次给出", valueName: "UNIT")) var co: [String] = []

        func run() throws {
            let (host, context) = try global.open()
            let units = try ProposalStore(host: host, context: context).assign(id: id, lead: lead, coHandlers: co)
            print("提案 \(id) 已交办：主办 \(lead)\(co.isEmpty ? "" : "，协办 " + co.joined(separator: "、"))；答复期限 \(units[0].dueOn)")
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "承办单位接收交办的提案")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let part = try ProposalStore(host: host, context: context).accept(id: id)
            print("已接收提案 \(id)，答复期限 \(part.dueOn)")
        }
    }

    struct UnitReturn: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unit-return",
                                                        abstract: "承办单位退回不属于本单位职责的提案（交办后 \(ProposalAssignment.defaultReturnDays) 天内，须写明理由）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: "退回理由") var reason: String

        func run() throws {
            let (host, context) = try global.open()
            try ProposalStore(host: host, context: context).giveBack(id: id, reason: reason)
            print("已退回提案 \(id)；政协办公室将重新交办")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出提案")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("只看某一状态：\(ProposalStatus.allCases.map(\.rawValue).joined(separator: "、"))", valueName: "STATUS")) var status: String?

        func run() throws {
            let filter = try status.map { text -> ProposalStatus in
                guard let s = ProposalStatus(rawValue: text) ?? ProposalStatus.allCases.first(where: { $0.title == text }) else {
                    throw LvzhiError.invalid("状态", text, "不是提案状态", hint: ProposalStatus.allCases.map { "\($0.rawValue)（\($0.title)）" }.joined(separator: "、"))
                }
                return s
            }
            let (host, context) = try global.open()
            let proposals = try ProposalStore(host: host, context: context).list(officeCode: office, status: filter)
            if output.json { return try Output.json(proposals) }
            Output.table(["ID", "编号", "案由", "类别", "类型", "状态"], proposals.map {
                [String($0.id!), $0.numberLabel ?? "—", $0.title, $0.category, $0.kind.title, $0.status.title]
            }, rightAligned: [0], empty: "没有符合条件的提案。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看一件提案及其办理记录")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let (p, proposers, steps) = try ProposalStore(host: host, context: context).show(id: id)
            print("提案 \(p.id!)：\(p.title)")
            print("编号：\(p.numberLabel ?? "—")　类别：\(p.category)　类型：\(p.kind.title)\(p.collectiveBody.map { "（\($0)）" } ?? "")　状态：\(p.status.title)\(p.occasion.map { "　\($0)提案" } ?? "")")
            if !proposers.isEmpty {
                print("提案人：" + proposers.map { "\($0.name)\($0.role == "first" ? "（第一提案人）" : $0.confirmed ? "（已附议）" : "（待确认附议）")" }.joined(separator: "、"))
            }
            if let ground = p.rejectionGround { print("不予立案理由：\(ground)") }
            let units = try ProposalStore(host: host, context: context).units(of: id)
            if !units.isEmpty {
                print("承办单位：" + units.map { "\($0.unit)（\($0.part.role == "lead" ? "主办" : "协办")，\(ProposalAssignment.title($0.part.status))，期限 \($0.part.dueOn)）" }
                    .joined(separator: "；"))
            }
            if !p.body.isEmpty { print("\n\(p.body)\n") }
            Output.table(["时间", "步骤", "操作人", "说明"], steps.map {
                [Timestamp.display($0.at), ProposalAction(rawValue: $0.action)?.title ?? $0.action, $0.username, $0.note ?? ""]
            }, empty: "（尚未提交）")
        }
    }
}
