import LvzhiCommandLine
import ArgumentParser
import CEditLine
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage

/// `lvzhi console`: the interactive Lua console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "交互式 Lua 控制台（行编辑、历史、Tab 补全、help()）",
        discussion: """
        每次输入是一个事务：正常结束即提交，出错或被停止则撤销。表达式的值会打印出来（表格会展开显示）。
        未写完的语句（如 for … do 还没有 end）可以分多行输入。Tab 补全接口名称；Ctrl-C 停止正在运行的输入，在提示符处清除正在输入的行（或未写完的多行输入）；Ctrl-D 退出。
        历史记录保存在 ~/.lvzhi_history。--timeout 等限制对每次输入分别生效。
        从管道读入时（不是终端）没有提示符；出错的输入不终止会话，但有任何一次输入出错，退出码为 1。
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var script: ScriptRunOptions

    func run() throws {
        let (host, context) = try global.open()
        // The console process does nothing but the session, so SQLite's heap is capped as in a script worker.
        if let heap = script.limits.sqliteHeapLimit { LvzhiDatabase.limitProcessHeap(to: heap) }
        let officeCode = try script.officeCode(host: host, context: context)
        let session = try ConsoleSession(host: host, context: context, officeCode: officeCode, modules: BuiltinModules.scriptModules,
                                         limits: script.limits, dryRun: script.dryRun, outputDirectory: try script.outputDirectory(),
                                         output: { print($0) })
        ConsoleSession.installInterruptHandler()
        let interactive = isatty(0) != 0
        let input: ConsoleInput = interactive ? LineEditor(session: session) : PlainInput()
        if interactive {
            print("履职 Lua 控制台 —— 政协：\(officeCode)，用户：\(context.user.username)\(script.dryRun ? "（试运行：不保存修改）" : "")")
            print("help() 查看接口；每次输入是一个事务；Ctrl-C 清除当前输入，Ctrl-D 退出。")
        }
        var buffer = ""
        var failed = false
        while true {
            _ = ConsoleSession.takeIdleInterrupt()   // a Ctrl-C while output was printing must not drop the next line
            let read = input.readLine(prompt: buffer.isEmpty ? "> " : ">> ")
            // Ctrl-C at the prompt drops the line being typed, or the pending lines of an unfinished
            // statement, and asks again; only Ctrl-D (end of input) leaves.
            if ConsoleSession.takeIdleInterrupt() {
                if interactive { print(buffer.isEmpty ? "" : "\n（已放弃未写完的输入）") }
                buffer = ""
                continue
            }
            guard let line = read else { break }
            buffer += buffer.isEmpty ? line : "\n" + line
            if buffer.trimmingCharacters(in: .whitespaces).isEmpty { buffer = ""; continue }
            if session.isIncomplete(buffer) { continue }
            input.remember(buffer)
            do {
                let values = try session.evaluate(buffer)
                if !values.isEmpty { print(values.map { $0.description(forDisplay: true) }.joined(separator: "\t")) }
            } catch let error as LvzhiError where error.code == .scriptError {
                failed = true
                Output.note(([error.message] + error.details).joined(separator: "\n"))
            } catch let error as LvzhiError {
                failed = true
                Output.note("错误：\(error)")
            }
            fflush(nil)
            buffer = ""
        }
        input.close()
        if interactive { print("") }
        // Fed by a pipe (a script of inputs), the exit status says whether every input succeeded, as for `lvzhi run`.
        if !interactive && failed { throw ExitCode(1) }
    }
}

/// Where the console reads its lines from.
protocol ConsoleInput {
    func readLine(prompt: String) -> String?
    func remember(_ entry: String)
    func close()
}

/// Standard input that is not a terminal (a pipe, a file): plain lines, no prompt.
struct PlainInput: ConsoleInput {
    func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    func remember(_ entry: String) {}
    func close() {}
}

/// A terminal: libedit's line editing, history in ~/.lvzhi_history, Tab completion.
final class LineEditor: ConsoleInput {
    let historyPath = ((ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) as NSString)
        .appendingPathComponent(".lvzhi_history")

    init(session: ConsoleSession) {
        LineEditor.session = session
        LineEditor.useUTF8Characters()
        using_history()
        stifle_history(1000)
        _ = read_history(historyPath)
        // Keep `lvzhi.members.li` one word: "." is not a word break.
        LineEditor.setGlobal("rl_basic_word_break_characters", LineEditor.wordBreaks)
        LineEditor.setGlobal("rl_completion_append_character", Int32(0))  // `lvzhi.members` then `.count`
        let complete: CompletionFunction = { text, _, _ in
            guard let text else { return nil }
            LineEditor.matches = LineEditor.session?.completions(for: String(cString: text)) ?? []
            LineEditor.next = 0
            return rl_completion_matches(text) { _, _ in
                guard LineEditor.next < LineEditor.matches.count else { return nil }
                defer { LineEditor.next += 1 }
                return strdup(LineEditor.matches[LineEditor.next])
            }
        }
        LineEditor.setGlobal("rl_attempted_completion_function", Optional(complete))
    }

    /// libedit decodes multibyte input (Chinese typed or pasted) only once the program has set its
    /// character locale; without it every such character is dropped. Only `LC_CTYPE` is set (the
    /// numeric locale stays "C", so Lua keeps writing `1.5`, never `1,5`), from the environment, or
    /// C.UTF-8 when the environment names no UTF-8 locale (LANG unset, `C`, `POSIX`).
    static func useUTF8Characters() {
        func isUTF8() -> Bool {
            guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
            return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        }
        if setlocale(LC_CTYPE, "") != nil, isUTF8() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil && isUTF8() { return }
    }

    typealias CompletionFunction = @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    /// Sets one of libedit's global settings. They are C globals, which Swift 6 will not
    /// write directly; the console sets them once, before reading any line.
    static func setGlobal<T>(_ name: String, _ value: T) {
        guard let address = dlsym(nil, name) else { return }
        address.assumingMemoryBound(to: T.self).pointee = value
    }

    // libedit's callbacks are C functions without context: the console has one editor.
    nonisolated(unsafe) static var session: ConsoleSession?
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var next = 0
    nonisolated(unsafe) static let wordBreaks: UnsafePointer<CChar> = UnsafePointer(strdup(" \t\n\"'><=;(){},+-*/%^#~[]")!)

    func readLine(prompt: String) -> String? {
        guard let line = readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    func remember(_ entry: String) { add_history(entry) }

    func close() { _ = write_history(historyPath) }
}
