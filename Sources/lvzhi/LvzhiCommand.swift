import ArgumentParser
import LvzhiCommandLine

/// The root command: `lvzhi <子命令>`.
struct LvzhiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lvzhi",
        abstract: "履职：政协日常工作平台（组织、委员、模块、提案、文史资料、履职档案、Lua 脚本、审计）",
        discussion: """
        数据库：--db PATH，否则环境变量 LVZHI_DB，否则当前目录的 lvzhi.sqlite。
        操作身份：--as USER，否则环境变量 LVZHI_USER，否则 admin（lvzhi init 创建的系统管理员）。
        退出码：0 成功，1 操作失败（原因见标准错误），2 用法错误。
        快速体验：lvzhi demo --db demo.sqlite && lvzhi office list --db demo.sqlite
        """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self,
            OfficeCommand.self, TermCommand.self, PlenaryCommand.self,
            SectorCommand.self, GroupCommand.self, CommitteeCommand.self, UnitCommand.self,
            MemberCommand.self, UserCommand.self,
            ModulesCommand.self, DutyCommand.self, AuditCommand.self,
            RunCommand.self, EvalCommand.self, ConsoleCommand.self, ScriptStoreCommand.self, LuaAPICommand.self,
        ],
        groupedSubcommands: [CommandGroup(name: "业务模块", subcommands: BuiltinModules.commands)]
    )
}
