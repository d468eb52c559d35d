import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi term`: terms of office (届).
struct TermCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "term",
        abstract: "届次：新增和查看（新增的届次默认成为当前届次）",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增届次", discussion: "例：lvzhi term add 4 --office ordos --start 2021-01-10")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Argument(help: ArgumentHelp("第几届，如 4", valueName: "NUMBER")) var number: Int
        @Option(help: ArgumentHelp("开始日期，如 2021-01-10", valueName: "DATE")) var start: String
        @Option(help: ArgumentHelp("结束日期（可选）", valueName: "DATE")) var end: String?
        @Flag(help: "只登记，不设为当前届次") var notCurrent = false

        func run() throws {
            let (host, context) = try global.open()
            let term = try TermStore(host: host, context: context).add(officeCode: office, number: number, startsOn: start, endsOn: end, current: !notCurrent)
            print("已新增\(term.label)（\(term.startsOn) 起）\(term.isCurrent ? "，并设为当前届次" : "")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出某政协的届次及其全体会议")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let terms = try TermStore(host: host, context: context).list(officeCode: office)
            if output.json { return try Output.json(terms) }
            Output.table(["届次", "起止", "当前", "委员数", "全体会议"],
                         terms.map { [$0.label, "\($0.startsOn) ～ \($0.endsOn ?? "")", $0.isCurrent ? "是" : "", String($0.memberCount), $0.sessions.joined(separator: "；")] },
                         rightAligned: [3], empty: "该政协还没有届次。用 lvzhi term add 新增。")
        }
    }
}

/// `lvzhi plenary`: plenary sessions (次会议) of a term.
struct PlenaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plenary",
        abstract: "全体会议（次会议）：新增",
        discussion: "查看全体会议：lvzhi term list --office CODE",
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "为届次新增一次全体会议", discussion: "例：lvzhi plenary add 2 --office ordos --opens 2022-01-08")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("第几届；默认当前届次", valueName: "NUMBER")) var term: Int?
        @Argument(help: ArgumentHelp("第几次会议，如 2", valueName: "NUMBER")) var number: Int
        @Option(help: ArgumentHelp("开幕日期", valueName: "DATE")) var opens: String
        @Option(help: ArgumentHelp("闭幕日期（可选）", valueName: "DATE")) var closes: String?

        func run() throws {
            let (host, context) = try global.open()
            let store = TermStore(host: host, context: context)
            let session = try store.addSession(officeCode: office, termNumber: term, number: number, opensOn: opens, closesOn: closes)
            let termNumber = try host.read { db in try Term.find(id: session.termID, db: db).number }
            print("已新增\(session.label(termNumber: termNumber))（\(session.opensOn) 开幕）")
        }
    }
}
