import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage

/// `lvzhi script`: the Lua scripts an office keeps (modules, rules, event handlers).
struct ScriptStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "本政协保存的 Lua 脚本：模块（供 require）、规则（按需运行）、事件处理（事件发生后自动运行）",
        discussion: """
        事件处理脚本在触发它的修改提交之后运行，使用自己的事务、以做出修改的用户身份运行；
        出错时记录下来（lvzhi script failures 查看），不会撤销用户的操作。脚本中用 lvzhi.on("member.added", function(e) … end)。
        """,
        subcommands: [Add.self, List.self, Show.self, Remove.self, Run.self, Failures.self]
    )

    /// What every subcommand takes: the database, the user, the office.
    struct Target: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "保存脚本（管理员）",
            discussion: "例：lvzhi script add 统计 统计.lua --office ordos --kind module\n    lvzhi script add 新委员提醒 提醒.lua --office ordos --kind handler --event member.added"
        )
        @OptionGroup var target: Target
        @Argument(help: ArgumentHelp("脚本名称（require 时用的名字）", valueName: "NAME")) var name: String
        @Argument(help: ArgumentHelp("Lua 源文件（UTF-8）", valueName: "FILE")) var file: String
        @Option(help: ArgumentHelp("类型：module（模块）、rule（规则）、handler（事件处理）", valueName: "KIND")) var kind = "rule"
        @Option(help: ArgumentHelp("事件处理脚本响应的事件，如 member.added", valueName: "EVENT")) var event: String?
        @Flag(help: "已有同名脚本时覆盖") var replace = false

        func run() throws {
            guard let kind = OfficeScript.Kind(rawValue: kind) else {
                throw LvzhiError.invalid("类型", kind, "应为 module、rule 或 handler")
            }
            let source = try ScriptExecution.readSource(file)
            let (host, context) = try target.global.open()
            // Refuse what does not compile before storing it.
            if let error = try ScriptEngine(limits: ScriptLimits(timeout: nil)).syntaxError(of: source) {
                throw LvzhiError.invalid("脚本", file, "有语法错误：\(error.replacingOccurrences(of: "console:", with: "第"))")
            }
            let script = try ScriptStore(host: host, context: context).save(officeCode: target.office, name: name, kind: kind,
                                                                           event: event, source: source, replace: replace)
            print("已保存\(kind.title)脚本「\(script.name)」\(script.event.map { "（事件 \($0)）" } ?? "")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出本政协保存的脚本")
        @OptionGroup var target: Target
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (host, context) = try target.global.open()
            let scripts = try ScriptStore(host: host, context: context).list(officeCode: target.office)
            if output.json { return try Output.json(scripts) }
            Output.table(["名称", "类型", "事件", "行数", "修改人", "修改时间"], scripts.map {
                [$0.name, OfficeScript.Kind(rawValue: $0.kind)?.title ?? $0.kind, $0.event ?? "—", String($0.lines), $0.updatedBy, Timestamp.display($0.updatedAt)]
            }, rightAligned: [3], empty: "还没有保存的脚本。用 lvzhi script add 保存。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "显示脚本源码")
        @OptionGroup var target: Target
        @Argument(help: ArgumentHelp("脚本名称", valueName: "NAME")) var name: String

        func run() throws {
            let (host, context) = try target.global.open()
            print(try ScriptStore(host: host, context: context).show(officeCode: target.office, name: name).source, terminator: "")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "删除脚本（管理员）")
        @OptionGroup var target: Target
        @Argument(help: ArgumentHelp("脚本名称", valueName: "NAME")) var name: String

        func run() throws {
            let (host, context) = try target.global.open()
            try ScriptStore(host: host, context: context).remove(officeCode: target.office, name: name)
            print("已删除脚本「\(name)」")
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "运行本政协保存的规则脚本（与 lvzhi run 相同：一个事务、同样的限制）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var script: ScriptRunOptions
        @Argument(help: ArgumentHelp("脚本名称", valueName: "NAME")) var name: String
        @Argument(parsing: .postTerminator, help: ArgumentHelp("传给脚本的参数（写在 -- 之后）", valueName: "ARGS")) var arguments: [String] = []

        func run() throws {
            try ScriptWorker.enter(script)
            let execution = try ScriptExecution(global: global, script: script)
            let stored = try ScriptStore(host: execution.host, context: execution.context).show(officeCode: execution.officeCode, name: name)
            _ = try execution.run(source: stored.source, chunkName: stored.name, arguments: arguments)
        }
    }

    struct Failures: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "failures", abstract: "事件处理脚本的失败记录（管理员）")
        @OptionGroup var target: Target
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("最多显示多少条", valueName: "LIMIT")) var limit = 50

        func run() throws {
            let (host, context) = try target.global.open()
            let failures = try ScriptStore(host: host, context: context).failures(officeCode: target.office, limit: limit)
            if output.json { return try Output.json(failures) }
            Output.table(["时间", "脚本", "事件", "用户", "错误"], failures.map {
                [Timestamp.display($0.at), $0.scriptName, $0.event, $0.username ?? "—", String($0.message.split(separator: "\n").first ?? "")]
            }, empty: "没有失败记录。")
        }
    }
}
