import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi audit`: the audit trail.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计记录：谁在何时对什么做了什么修改", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "列出审计记录（新的在前）",
            discussion: "指定 --office 时包含其下级政协的记录；不指定时需系统管理员。表格中的操作为中文名称；--json 输出存储的操作标识（insert、submit …）和修改前后的完整内容。"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String?
        @Option(help: ArgumentHelp("起始日期（北京时间当日零点起），如 2026-11-01", valueName: "DATE")) var since: String?
        @Option(help: ArgumentHelp("只看某类记录（表名），如 members", valueName: "TABLE")) var entity: String?
        @Option(help: ArgumentHelp("最多显示多少条", valueName: "LIMIT")) var limit = 200

        func run() throws {
            let (host, context) = try global.open()
            let records = try AuditStore(host: host, context: context).list(AuditFilter(officeCode: office, since: since, entity: entity, limit: limit))
            if output.json { return try Output.json(records) }
            Output.table(["ID", "时间", "用户", "操作", "对象", "内容"], records.map { r in
                let summary = (r.after ?? r.before ?? "")
                return [String(r.id!), Timestamp.display(r.at), r.username, host.registry.auditActionTitle(r.action),
                        "\(r.entity)#\(r.entityID.map(String.init) ?? "-")",
                        summary.count > 60 ? String(summary.prefix(60)) + "…" : summary]
            }, rightAligned: [0], empty: "没有符合条件的审计记录。")
        }
    }
}
