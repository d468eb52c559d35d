import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import GRDB
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive report`: the archivists' reports.
struct ArchiveReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "报表：接收登记簿、整理积压、限制即将到期、委员提供资料、馆藏分布",
        discussion: "固定性检查失败见 lvzhi archive fixity failures；各辑目录见 lvzhi archive volume show。",
        subcommands: [Register.self, Backlog.self, Restrictions.self, Members.self, Locations.self])

    /// What every report takes.
    struct Options: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func read<T>(_ body: (Office, AccessContext, Database) throws -> T) throws -> T {
            let (host, context) = try global.open()
            return try host.read { db in try body(try Office.find(code: office, db: db), context, db) }
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "register", abstract: "接收登记簿")
        @OptionGroup var options: Options
        @Option(help: ArgumentHelp("年度", valueName: "YEAR")) var year: Int?
        func run() throws {
            let rows = try options.read { try ArchiveReports.register(office: $0, year: year, context: $1, db: $2) }
            if options.output.json { return try Output.json(rows) }
            let table: [[String]] = rows.map { row in
                let processing = row.processing
                return [row.number, row.receivedOn, row.title, row.acquisition, row.sources, row.sanqin ?? "", row.extent ?? "", processing, row.restrictions, String(row.units)]
            }
            Output.table(["编号", "接收日期", "题名", "方式", "提供者", "三亲", "数量", "整理", "限制", "著录条数"], table, rightAligned: [9], empty: "没有接收登记。")
        }
    }

    struct Backlog: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "backlog", abstract: "整理积压：尚未整理完的接收登记，最早的在前")
        @OptionGroup var options: Options
        func run() throws {
            let rows = try options.read { try ArchiveReports.backlog(office: $0, context: $1, db: $2) }
            if options.output.json { return try Output.json(rows) }
            Output.table(["编号", "接收日期", "题名", "整理", "著录条数"], rows.map { [$0.number, $0.receivedOn, $0.title, $0.processing, String($0.units)] },
                         rightAligned: [4], empty: "没有积压：全部接收登记都已整理。")
        }
    }

    struct Restrictions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restrictions", abstract: "限制即将到期：若干天内到期的开放和使用限制")
        @OptionGroup var options: Options
        @Option(help: ArgumentHelp("天数（默认按模块设置 restriction_warning_days，初始 90 天）", valueName: "DAYS")) var within: Int?
        func run() throws {
            let rows = try options.read { try ArchiveReports.restrictionsEnding(office: $0, within: within, context: $1, db: $2) }
            if options.output.json { return try Output.json(rows) }
            let table: [[String]] = rows.map { [$0.number, $0.title, $0.kind, $0.note ?? "", $0.endsOn, String($0.daysLeft)] }
            Output.table(["编号", "题名", "限制", "理由", "到期", "还剩天数"], table, rightAligned: [5], empty: "近期没有到期的限制。")
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "members", abstract: "委员提供资料：接收登记的提供者、口述者、来稿（履职档案）")
        @OptionGroup var options: Options
        @Option(help: ArgumentHelp("年度", valueName: "YEAR")) var year: Int?
        func run() throws {
            let rows = try options.read { try ArchiveReports.members(office: $0, year: year, context: $1, db: $2) }
            if options.output.json { return try Output.json(rows) }
            let table: [[String]] = rows.map { row in
                [String(row.memberID), row.member] + [row.accessions, row.narrated, row.submissions, row.accepted].map(String.init)
            }
            Output.table(["委员ID", "委员", "提供资料", "口述", "来稿", "来稿被接收"], table, rightAligned: [0, 2, 3, 4, 5], empty: "还没有委员提供的资料。")
        }
    }

    struct Locations: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "locations", abstract: "馆藏分布：各存放位置的全宗、系列、案卷、件数")
        @OptionGroup var options: Options
        func run() throws {
            let rows = try options.read { try ArchiveReports.locations(office: $0, context: $1, db: $2) }
            if options.output.json { return try Output.json(rows) }
            let table: [[String]] = rows.map { row in [row.location] + [row.fonds, row.series, row.files, row.items, row.total].map(String.init) }
            Output.table(["存放位置", "全宗", "系列", "案卷", "件", "合计"], table, rightAligned: [1, 2, 3, 4, 5], empty: "没有可显示的著录条目。")
        }
    }
}
