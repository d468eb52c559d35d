import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive`: the literary-historical archive (文史资料). The subcommands are grouped in
/// files: collection and accessions here and in `ArchiveAccessionCommands`, the description
/// tree and search in `ArchiveUnitCommands`, reports in `ArchiveReportCommands`, digital files
/// in `ArchiveFilesCommands`, oral histories and editorial work in `ArchiveWorkCommands`.
public struct ArchiveCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "文史资料：征集、接收、著录、检索、数字文件与固定性检查、口述史、编审、出版、展陈、利用",
        discussion: """
        文史工作人员和管理员管理全部资料；其他人只能看到开放、公开且不受开放限制的著录，列表、检索和脚本中都一样。
        例：lvzhi archive search 口述 --office ordos
            lvzhi archive accession add --office ordos --title 王某某回忆录手稿 --acquisition 捐赠 --source-member 12
            lvzhi archive unit add --office ordos --level 件 --parent 3 --code WS-2026-001 --title …
        使用手册：docs/archive.md
        """,
        subcommands: [SearchCommand.self, ArchiveUnitCommand.self, AccessionCommand.self, AgentCommand.self,
                      PlanCommand.self, CampaignCommand.self, SubmissionCommand.self, ArchiveReportCommand.self]
            + ArchiveFilesCommands.all + ArchiveWorkCommands.all
    )
}

/// `lvzhi archive plan`: collection plans.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "征集计划：届规划、年度计划（主题和目标件数）",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增征集计划",
                                                        discussion: "例：lvzhi archive plan add --office ordos --kind annual --period 2026 --title 2026年文史资料征集计划 --theme 改革开放 --theme 口述史 --target 40")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("annual（年度计划）或 term（届规划）", valueName: "KIND")) var kind: String
        @Option(help: ArgumentHelp("年度计划的年份，或届规划的第几届", valueName: "N")) var period: Int
        @Option(help: ArgumentHelp("标题", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("征集主题，可多次给出", valueName: "THEME")) var theme: [String] = []
        @Option(help: ArgumentHelp("目标件数", valueName: "N")) var target: Int = 0
        @Option(help: ArgumentHelp("说明", valueName: "NOTES")) var notes: String?

        func run() throws {
            let (host, context) = try global.open()
            let plan = try host.write(as: context) { tx in
                try CollectionStore.addPlan(officeCode: office, kind: kind, period: period, title: title, themes: theme, target: target, notes: notes, tx: tx)
            }
            print("已新增\(CollectionPlan.kinds[plan.kind]!)「\(plan.title)」（ID \(plan.id!)），目标 \(plan.targetCount) 件")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出征集计划及完成情况")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let plans = try host.read { db in try CollectionStore.plans(officeCode: office, context: context, db: db) }
            if output.json { return try Output.json(plans) }
            Output.table(["ID", "类型", "期间", "标题", "主题", "征集活动", "已接收", "目标", "完成"], plans.map {
                [String($0.plan.id!), CollectionPlan.kinds[$0.plan.kind]!, $0.plan.kind == "annual" ? "\($0.plan.period)年" : "第\($0.plan.period)届",
                 $0.plan.title, $0.plan.themes, String($0.campaigns), String($0.accessions), String($0.plan.targetCount), $0.percent.map { "\($0)%" } ?? "—"]
            }, rightAligned: [0, 5, 6, 7, 8], empty: "还没有征集计划。")
        }
    }
}

/// `lvzhi archive campaign`: solicitation campaigns.
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "campaign", abstract: "征集活动", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "发起征集活动")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("所属征集计划 ID", valueName: "ID")) var plan: Int64?
        @Option(help: ArgumentHelp("标题", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("主题", valueName: "THEME")) var theme: String?
        @Option(help: ArgumentHelp("开始日期，默认今天", valueName: "DATE")) var start: String?
        @Option(help: ArgumentHelp("截止日期", valueName: "DATE")) var end: String?
        @Option(help: ArgumentHelp("征集启事", valueName: "DESCRIPTION")) var description: String?

        func run() throws {
            let (host, context) = try global.open()
            let c = try host.write(as: context) { tx in
                try CollectionStore.addCampaign(officeCode: office, planID: plan, title: title, theme: theme, startsOn: start, endsOn: end,
                                                description: description, tx: tx)
            }
            print("已发起征集活动「\(c.title)」（ID \(c.id!)），\(c.startsOn) 起\(c.endsOn.map { "，\($0) 截止" } ?? "")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出征集活动")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try CollectionStore.campaigns(officeCode: office, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "标题", "主题", "开始", "截止", "计划"], list.map {
                [String($0.id!), $0.title, $0.theme ?? "", $0.startsOn, $0.endsOn ?? "—", $0.planID.map(String.init) ?? "—"]
            }, rightAligned: [0], empty: "还没有征集活动。")
        }
    }
}

/// `lvzhi archive submission`: the review queue of submissions.
struct SubmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submission", abstract: "征集来稿：委员或社会公众提交，文史工作人员审核（接收或不采用）",
                                                    subcommands: [Add.self, List.self, Accept.self, Decline.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "提交来稿（委员本人提交，或工作人员代社会公众登记 --submitter）")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("题名", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("内容简介", valueName: "SUMMARY")) var summary: String = ""
        @Option(help: ArgumentHelp("三亲：亲历、亲见、亲闻", valueName: "RELATION")) var sanqin: String?
        @Option(help: ArgumentHelp("征集活动 ID", valueName: "ID")) var campaign: Int64?
        @Option(help: ArgumentHelp("代委员登记：委员 ID", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("代社会公众登记：来稿人姓名", valueName: "NAME")) var submitter: String?
        @Option(help: ArgumentHelp("来稿人联系方式（只有文史工作人员可见）", valueName: "CONTACT")) var contact: String?

        func run() throws {
            let (host, context) = try global.open()
            let s = try host.write(as: context) { tx in
                try CollectionStore.submit(officeCode: office, campaignID: campaign, title: title, summary: summary, sanqin: sanqin,
                                           memberID: member, submitter: submitter, contact: contact, tx: tx)
            }
            print("已收到来稿「\(s.title)」（ID \(s.id!)，来稿人 \(s.submitter)），等待文史工作人员审核")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出来稿（文史工作人员看全部，其他人看自己提交的）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("needs_review（待审核）、accepted（已接收）、declined（未采用）", valueName: "STATUS")) var status: String?

        func run() throws {
            let status = try self.status.map { text -> SubmissionStatus in
                guard let s = SubmissionStatus.named(text) else {
                    throw LvzhiError.invalid("状态", text, "应为 needs_review（待审核）、accepted（已接收）或 declined（未采用）")
                }
                return s
            }
            let (host, context) = try global.open()
            let list = try host.read { db in try CollectionStore.submissions(officeCode: office, status: status, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "题名", "来稿人", "三亲", "状态", "审核意见"], list.map {
                [String($0.id!), $0.title, $0.submitter, $0.sanqin ?? "", $0.status.title, $0.reviewNote ?? ""]
            }, rightAligned: [0], empty: "没有来稿。")
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept", abstract: "接收来稿：登记为一件接收登记，来稿人为提供者")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("来稿 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("审核意见", valueName: "NOTE")) var note: String?
        @Option(help: ArgumentHelp("接收方式：\(Accession.acquisitions.joined(separator: "、"))", valueName: "WAY")) var acquisition: String = "捐赠"

        func run() throws {
            let (host, context) = try global.open()
            let s = try host.write(as: context) { tx in try CollectionStore.review(id: id, accept: true, note: note, acquisition: acquisition, tx: tx) }
            let number = try host.read { db in try s.accessionID.map { try Accession.find(id: $0, db: db).number } }
            print("已接收来稿 \(id)「\(s.title)」，接收登记号 \(number ?? "—")")
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline", abstract: "不采用来稿（须 --note 理由）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("来稿 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("理由", valueName: "NOTE")) var note: String?

        func run() throws {
            let (host, context) = try global.open()
            try host.write(as: context) { tx in _ = try CollectionStore.review(id: id, accept: false, note: note, tx: tx) }
            print("来稿 \(id) 未采用")
        }
    }
}
