import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiStorage
import Proposals

/// `lvzhi proposal`: the whole life of a proposal (提案). The subcommands are grouped in files:
/// drafting and review here, handling in `ProposalHandlingCommands`, flags and supervision in
/// `ProposalFlagCommands`, listings and reports in `ProposalReportCommands`.
public struct ProposalCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "提案：撰写、附议、审查立案、交办、办理、答复、测评、督办、统计与导出",
        discussion: """
        每一步都按流转表检查当前状态和操作人的权限，记入办理记录和审计日志，并发出事件（供自动化脚本）。
        审查：submit → file（立案编号）/ reject / convert / merge / return；交办后每个承办单位各有自己的办理过程：
        accept 或 unit-return → reply（主办）/ opinion（协办）→ publish（政协公布答复）→ rate（提案人测评）→ 办结。
        例：lvzhi proposal draft --office ordos --title 关于…的建议 --category 经济 --as 委员用户
            lvzhi proposal submit 1 --as 委员用户；lvzhi proposal file 1 --as 工作人员
            lvzhi proposal assign 1 --lead 市发展和改革委员会 --co 市财政局
            lvzhi proposal reply 1 --outcome A --body-file 答复.txt --as 承办单位用户
            lvzhi proposal publish --all --office ordos；lvzhi proposal rate 1 --rating 满意 --as 委员用户
        使用手册：docs/proposals.md
        """,
        subcommands: [
            Draft.self, Confirm.self, Similar.self,
            Submit.self, Withdraw.self, Return.self, File.self, Reject.self, Convert.self, Merge.self,
            Assign.self, Accept.self, UnitReturn.self, Reply.self, Opinion.self, SendBack.self, Rehandle.self, Extend.self,
            Publish.self, Rate.self, Contact.self,
            Key.self, Unkey.self, Supervise.self, SetFlags.self, ReviewerCommand.self,
            List.self, Show.self, Stats.self, Units.self, Overdue.self, Rules.self, Export.self,
        ]
    )

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draft", abstract: "撰写并暂存一件提案（提交前会提示相似的已有提案）")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("案由（标题），一事一案", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("正文", valueName: "BODY")) var body: String = ""
        @Option(help: ArgumentHelp("正文所在的文本文件（UTF-8）", valueName: "FILE")) var bodyFile: String?
        @Option(help: ArgumentHelp("类别，默认为：\(ProposalStore.categories.joined(separator: "、"))（各政协可在模块设置中修改）", valueName: "CATEGORY")) var category: String
        @Option(help: ArgumentHelp("第一提案人的委员 ID（工作人员代录时用；委员本人提出时省略）", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("附议人的委员 ID，可多次给出（联名提案）", valueName: "ID")) var cosigner: [Int64] = []
        @Option(help: ArgumentHelp("集体提案：以哪个专委会、党派、界别或活动组的名义", valueName: "NAME")) var collective: String?
        @Option(help: ArgumentHelp("集体提案的执笔委员 ID，可多次给出（记入其履职档案）", valueName: "ID")) var author: [Int64] = []

        func run() throws {
            let text = try bodyFile.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? body
            let (host, context) = try global.open()
            let kind: ProposalKind = collective != nil ? .collective : (cosigner.isEmpty ? .individual : .joint)
            let store = ProposalStore(host: host, context: context)
            let proposal = try store.draft(officeCode: office, ProposalDraft(
                title: title, body: text, category: category, kind: kind, firstProposerID: member, cosignerIDs: cosigner,
                collectiveBody: collective, authorIDs: author))
            print("已暂存\(kind.title)「\(proposal.title)」（ID \(proposal.id!)）。\(kind == .joint ? "请附议人确认后再提交：lvzhi proposal confirm \(proposal.id!)" : "提交：lvzhi proposal submit \(proposal.id!)")")
            warnSimilar(try store.similar(id: proposal.id!))
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "confirm", abstract: "附议人确认附议")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            try ProposalStore(host: host, context: context).confirm(id: id)
            print("已确认附议提案 \(id)")
        }
    }

    struct Similar: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "similar", abstract: "列出与某件提案相似的已有提案（重复提醒）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let similar = try ProposalStore(host: host, context: context).similar(id: id)
            if output.json { return try Output.json(similar) }
            Output.table(["ID", "编号", "案由", "状态", "相似度"], similar.map {
                [String($0.id), $0.numberLabel ?? "—", $0.title, $0.status, String(format: "%.0f%%", $0.similarity * 100)]
            }, rightAligned: [0, 4], empty: "没有相似的提案。")
        }
    }

    /// What every review step takes; the action comes from the subcommand (one per row of the review table).
    struct StepArguments: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("说明（退回修改、不予立案、转为意见建议时必填）", valueName: "NOTE")) var note: String?
        @Option(help: ArgumentHelp("不予立案的标准理由：1–10 或原文", valueName: "GROUND")) var ground: String?
        @Option(help: ArgumentHelp("并案：并入的提案 ID", valueName: "ID")) var into: Int64?
        @Option(help: ArgumentHelp("参加审查的专家（专家库中的委员 ID），可多次给出", valueName: "ID")) var reviewer: [Int64] = []

        func apply(_ step: ProposalAction) throws {
            let (host, context) = try global.open()
            let store = ProposalStore(host: host, context: context)
            let proposal = try store.apply(step, id: id, note: note, ground: ground, mergeInto: into, reviewers: reviewer)
            print("提案 \(id)「\(proposal.title)」已\(step.title)，现为「\(proposal.status.title)」\(proposal.numberLabel.map { "，编号 \($0)" } ?? "")")
            if step == .submit { warnSimilar(try store.similar(id: id)) }
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "submit", abstract: "提交（暂存或退回修改的提案）；提示相似的已有提案")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.submit) }
    }
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "撤回（第一提案人，审查之前）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.withdraw) }
    }
    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return", abstract: "退回修改（须 --note）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.returnForRevision) }
    }
    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file", abstract: "立案并编号（记入提案人的履职档案）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.file) }
    }
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "不予立案（须 --ground 标准理由和 --note 说明）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.reject) }
    }
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "convert", abstract: "转为意见建议（须 --note）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.convert) }
    }
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "merge", abstract: "并案（须 --into 主提案 ID；并入的提案随主提案办理）")
        @OptionGroup var arguments: StepArguments
        func run() throws { try arguments.apply(.merge) }
    }
}

/// Prints the duplicate warning on standard error.
func warnSimilar(_ similar: [SimilarProposal]) {
    guard !similar.isEmpty else { return }
    Output.note("提示：以下已有提案与此件相似，请确认不是重复提出（lvzhi proposal similar 查看）：")
    for s in similar {
        Output.note("  \(s.id)　\(s.numberLabel ?? "—")　\(s.title)（\(s.status)，相似度 \(Int((s.similarity * 100).rounded()))%）")
    }
}
