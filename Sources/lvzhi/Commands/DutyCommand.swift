import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi duty`: members' duty records (履职档案), which modules append to.
struct DutyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty",
        abstract: "委员履职档案：各模块记入的履职情况（如提案立案、附议、执笔集体提案）",
        discussion: "例：lvzhi duty list --office ordos --member 12 --year 2026；lvzhi duty summary --office ordos --year 2026",
        subcommands: [List.self, Summary.self]
    )

    /// The filters both subcommands take.
    struct Filters: ParsableArguments {
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("委员 ID", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("年度", valueName: "YEAR")) var year: Int?
        @Option(help: ArgumentHelp("种类，如 proposals.first", valueName: "KIND")) var kind: String?

        var filter: DutyFilter { DutyFilter(memberID: member, year: year, kind: kind) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出履职记录（按日期）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var filters: Filters

        func run() throws {
            let (host, context) = try global.open()
            let records = try DutyRecordStore(host: host, context: context).list(officeCode: filters.office, filter: filters.filter)
            if output.json { return try Output.json(records) }
            Output.table(["日期", "委员ID", "委员", "履职事项", "内容"], records.map {
                [$0.occurredOn, String($0.memberID), $0.member, $0.kindTitle, $0.title]
            }, rightAligned: [1], empty: "没有符合条件的履职记录。")
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "summary", abstract: "按委员汇总履职记录（年度履职报告的依据）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var filters: Filters

        func run() throws {
            let (host, context) = try global.open()
            let rows = try DutyRecordStore(host: host, context: context).summary(officeCode: filters.office, filter: filters.filter)
            if output.json { return try Output.json(rows) }
            let kinds = host.registry.manifests.flatMap(\.dutyKinds).filter { kind in rows.contains { $0.counts[kind.id] != nil } }
            Output.table(["委员ID", "委员"] + kinds.map(\.title) + ["合计"], rows.map { row in
                [String(row.memberID), row.member] + kinds.map { String(row.counts[$0.id] ?? 0) } + [String(row.total)]
            }, rightAligned: Set([0] + Array(2...(kinds.count + 2))), empty: "没有符合条件的履职记录。")
        }
    }
}
