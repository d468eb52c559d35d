import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage
import Notices

/// `lvzhi notice`: the 通知公告 module.
public struct NoticeCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "通知公告（模块 notices）：发布、查看、撤回",
        discussion: "需先为政协启用模块：lvzhi modules enable notices --office CODE",
        subcommands: [Publish.self, List.self, Withdraw.self]
    )

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "publish", abstract: "发布通知公告")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("标题", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("正文", valueName: "BODY")) var body: String = ""

        func run() throws {
            let (host, context) = try global.open()
            let notice = try NoticeStore(host: host, context: context).publish(officeCode: office, title: title, body: body)
            print("已发布通知公告「\(notice.title)」（ID \(notice.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出通知公告（新的在前）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Flag(help: "包括已撤回的") var all = false

        func run() throws {
            let (host, context) = try global.open()
            let notices = try NoticeStore(host: host, context: context).list(officeCode: office, includeWithdrawn: all)
            if output.json { return try Output.json(notices) }
            Output.table(["ID", "发布时间", "标题", "发布人", "状态"], notices.map {
                [String($0.id!), Timestamp.display($0.publishedAt), $0.title, $0.publishedBy, $0.withdrawnAt == nil ? "" : "已撤回"]
            }, rightAligned: [0], empty: "没有通知公告。")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "撤回通知公告（保留记录）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("通知公告 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let notice = try NoticeStore(host: host, context: context).withdraw(id: id)
            print("已撤回通知公告「\(notice.title)」（ID \(id)）")
        }
    }
}
