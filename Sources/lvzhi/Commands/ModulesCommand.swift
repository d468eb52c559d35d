import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi modules`: which lines of work each office uses.
struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "业务模块：查看、按政协启用或停用",
        discussion: "停用模块不删除任何数据；停用期间该政协对此模块的一切操作都会被拒绝，重新启用后数据仍在。",
        subcommands: [List.self, Enable.self, Disable.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出模块；指定 --office 时显示该政协的启用状态")
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
        static let configuration = CommandConfiguration(abstract: "为某政协启用模块", discussion: "例：lvzhi modules enable notices --office ordos")
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
        static let configuration = CommandConfiguration(abstract: "为某政协停用模块（不删除数据）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("模块标识", valueName: "MODULE")) var module: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            try ModuleStore(host: host, context: context).disable(module, officeCode: office)
            print("已在 \(office) 停用模块 \(module)；数据保留，重新启用后可继续使用")
        }
    }
}
