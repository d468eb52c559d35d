import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi modules`: which lines of work each office uses.
struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "业务模块：查看、按政协启用或停用、各政协的模块设置",
        discussion: """
        停用模块不删除任何数据；停用期间该政协对此模块的一切操作都会被拒绝，重新启用后数据仍在。
        模块设置（如提案的办理期限、类别）按政协分别保存：lvzhi modules settings proposals --office ordos
        """,
        subcommands: [List.self, Enable.self, Disable.self, Settings.self, Set.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出模块；指定 --office 时显示该政协的启用状态")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String?

        func run() throws {
            let (host, context) = try global.open()
            let modules = try ModuleStore(host: host, context: context).list(officeCode: office)
            if output.json { return try Output.json(modules) }
            if office != nil {
                Output.table(["模块", "名称", "状态", "说明"], modules.map { [$0.id, $0.name, $0.enabled == true ? "已启用" : "未启用", $0.summary] },
                             empty: "没有已注册的模块。")
            } else {
                Output.table(["模块", "名称", "版本", "已启用的政协", "说明"], modules.map {
                    [$0.id, $0.name, $0.version, ($0.enabledIn ?? []).isEmpty ? "—" : $0.enabledIn!.joined(separator: "、"), $0.summary]
                }, empty: "没有已注册的模块。")
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "为某政协启用模块", discussion: "例：lvzhi modules enable notices --office ordos")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("模块标识（见 modules list）", valueName: "MODULE")) var module: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            try ModuleStore(host: host, context: context).enable(module, officeCode: office)
            print("已在 \(office) 启用模块 \(module)（\(try host.registry.manifest(module).displayName)）")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "为某政协停用模块（不删除数据）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("模块标识", valueName: "MODULE")) var module: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            try ModuleStore(host: host, context: context).disable(module, officeCode: office)
            print("已在 \(office) 停用模块 \(module)；数据保留，重新启用后可继续使用")
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "settings", abstract: "查看某政协的模块设置（未修改的显示默认值）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("模块标识", valueName: "MODULE")) var module: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let settings = try ModuleStore(host: host, context: context).settings(module, officeCode: office)
            if output.json { return try Output.json(settings) }
            Output.table(["设置项", "说明", "当前值", "默认值"], settings.map {
                [$0.key, $0.title, $0.value.isEmpty ? "（空）" : $0.value + ($0.isDefault ? "（默认）" : ""), $0.defaultValue.isEmpty ? "（空）" : $0.defaultValue]
            }, empty: "模块「\(module)」没有设置项。")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", 
            abstract: "修改某政协的模块设置（管理员）；--reset 恢复默认值",
            discussion: """
            例：lvzhi modules set proposals handling_months 4 --office ordos
                lvzhi modules set proposals categories "经济、政治、文化、社会、生态文明、民族宗教、其他" --office ordos
                lvzhi modules set proposals status_labels "filed=已立案待交办;handling=承办中" --office ordos
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("模块标识", valueName: "MODULE")) var module: String
        @Argument(help: ArgumentHelp("设置项（见 modules settings）", valueName: "KEY")) var key: String
        @Argument(help: ArgumentHelp("新值", valueName: "VALUE")) var value: String?
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Flag(help: "恢复默认值") var reset = false

        func validate() throws {
            if reset == (value != nil) { throw ValidationError("请给出新值，或用 --reset 恢复默认值") }
        }

        func run() throws {
            let (host, context) = try global.open()
            let stored = try ModuleStore(host: host, context: context).set(module, key: key, value: reset ? nil : value, officeCode: office)
            print("已将 \(office) 的 \(module).\(key) \(reset ? "恢复为默认值" : "设为")「\(stored)」")
        }
    }
}
