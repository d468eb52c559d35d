import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage

/// `lvzhi run FILE.lua`: runs a Lua script as one transaction.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "运行 Lua 脚本（整个脚本是一个事务）",
        discussion: """
        脚本正常结束则提交全部修改；出错、超时、超出内存或指令上限则全部撤销；--dry-run 总是撤销。
        脚本参数写在 -- 之后，在脚本中为全局表 arg。错误以“文件:行号: 信息”和调用栈输出到标准错误，退出码 1。
        例：lvzhi run 报表.lua --office ordos -- 2026
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var script: ScriptRunOptions
    @Argument(help: ArgumentHelp("Lua 脚本文件（UTF-8）", valueName: "FILE")) var file: String
    @Argument(parsing: .postTerminator, help: ArgumentHelp("传给脚本的参数（写在 -- 之后）", valueName: "ARGS")) var arguments: [String] = []

    func run() throws {
        let source = try ScriptExecution.readSource(file)
        try ScriptWorker.enter(script)
        _ = try ScriptExecution(global: global, script: script)
            .run(source: source, chunkName: (file as NSString).lastPathComponent, arguments: arguments)
    }
}

/// `lvzhi eval 'CODE'`: runs a line of Lua and prints what it returns.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "执行一段 Lua 代码并打印结果",
        discussion: """
        先按表达式求值（如 lvzhi.members.count{}），不是表达式时按语句执行。与 run 一样是一个事务。
        例：lvzhi eval 'lvzhi.members.count{sector = "经济界"}' --office ordos
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var script: ScriptRunOptions
    @Argument(help: ArgumentHelp("Lua 代码", valueName: "CODE")) var code: String
    @Argument(parsing: .postTerminator, help: ArgumentHelp("传给代码的参数（写在 -- 之后）", valueName: "ARGS")) var arguments: [String] = []

    func run() throws {
        try ScriptWorker.enter(script)
        let execution = try ScriptExecution(global: global, script: script)
        // An expression first (`1 + 1` prints 2); if that does not compile, a statement.
        let values: [LuaValue]
        do {
            values = try execution.run(source: "return " + code, chunkName: "eval", arguments: arguments)
        } catch let error as LvzhiError where error.code == .scriptError && error.details.isEmpty && error.message.hasPrefix("eval:") {
            values = try execution.run(source: code, chunkName: "eval", arguments: arguments)
        }
        if !values.isEmpty { print(values.map { $0.description(forDisplay: true) }.joined(separator: "\t")) }
    }
}

/// What `run` and `eval` share: open the database, pick the office, run with the limits.
struct ScriptExecution {
    let host: LvzhiHost
    let context: AccessContext
    let officeCode: String
    let script: ScriptRunOptions

    init(global: GlobalOptions, script: ScriptRunOptions) throws {
        (host, context) = try global.open()
        officeCode = try script.officeCode(host: host, context: context)
        self.script = script
    }

    /// The largest script file `run` reads: 16 MB.
    static let maxSourceBytes = 16 * 1_048_576

    /// The text of a Lua file (UTF-8, a BOM dropped).
    static func readSource(_ path: String) throws -> String {
        let data = try InputFile.read(path, what: "脚本文件", limit: Self.maxSourceBytes)
        guard var source = String(data: data, encoding: .utf8) else {
            throw LvzhiError.invalid("脚本文件", path, "不是 UTF-8 文本")
        }
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        return source
    }

    /// Runs `source`; prints a note on stderr after a dry run.
    func run(source: String, chunkName: String, arguments: [String]) throws -> [LuaValue] {
        let runner = ScriptRunner(host: host, context: context, modules: BuiltinModules.scriptModules, limits: script.limits,
                                  dryRun: script.dryRun, outputDirectory: try script.outputDirectory(), output: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) })
        let outcome = try runner.run(source: source, chunkName: chunkName, officeCode: officeCode, arguments: arguments)
        if script.dryRun { Output.note("试运行（--dry-run）：脚本的修改已全部撤销") }
        return outcome.values
    }
}

/// `lvzhi lua-api`: prints the Lua API reference (Markdown), built from the code's registry.
struct LuaAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua-api",
        abstract: "输出 Lua 接口参考（Markdown），即 docs/lua-api.md 的内容",
        discussion: "更新文档：lvzhi lua-api > docs/lua-api.md"
    )

    func run() throws {
        print(ScriptAPIDocs.markdown(BuiltinModules.scriptModules), terminator: "")
    }
}
