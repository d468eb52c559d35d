import ArgumentParser
import Foundation
import LvzhiCore
import Logging

/// Runs the command line and maps outcomes to exit codes: 0 success, 1 a refused or failed
/// operation (an ``LvzhiError``, message on stderr), 2 a usage error (bad flags or arguments).
enum Runner {
    static func main() {
        bootstrapLogging()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try LvzhiCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let error as LvzhiError where error.code == .scriptError {
            // FILE:LINE: message, then the traceback.
            Output.note(([error.message] + error.details).joined(separator: "\n"))
            exit(1)
        } catch let error as LvzhiError {
            Output.note("错误：\(error)")
            exit(1)
        } catch {
            let code = LvzhiCommand.exitCode(for: error)
            if code == .success {
                LvzhiCommand.exit(withError: error)  // --help, --version
            }
            if code == .validationFailure {
                Output.note("用法错误：" + translate(LvzhiCommand.message(for: error)))
                Output.note("用 lvzhi help <子命令> 或 lvzhi <子命令> --help 查看用法")
                exit(2)
            }
            if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
            Output.note("错误：\(error)")
            exit(1)
        }
    }

    /// Log messages go to standard error at the level `LVZHI_LOG` names (trace, debug, info,
    /// notice, warning, error, critical); by default only warnings and worse.
    static func bootstrapLogging() {
        let level = ProcessInfo.processInfo.environment["LVZHI_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Puts argument-parser's English usage messages into Chinese where we know them.
    static func translate(_ message: String) -> String {
        let table: [(String, String)] = [
            ("Missing expected argument", "缺少参数"),
            ("Missing value for option", "选项缺少取值"),
            ("Unknown option", "未知选项"),
            ("Unexpected argument", "多余的参数"),
            ("Unexpected arguments", "多余的参数"),
            ("Error: ", ""),
            ("The value", "取值"),
            ("is invalid for", "不适用于"),
        ]
        return table.reduce(message) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
