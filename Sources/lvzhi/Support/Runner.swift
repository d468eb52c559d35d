import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiStorage
import Logging

/// Runs the command line and maps outcomes to exit codes: 0 success, 1 a refused or failed
/// operation (an ``LvzhiError``, message on stderr), 2 a usage error (bad flags or arguments).
/// Argument-parser's English (usage errors, help pages) is put into Chinese here.
enum Runner {
    /// A usage error lvzhi finds itself (an unknown subcommand).
    struct UsageError: Error {
        var message: String
    }

    static func main() {
        bootstrapLogging()
        BuiltinModules.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let path = CommandPath(arguments)
        do {
            var command = try parse(arguments, path: path)
            try command.run()
            exit(0)
        } catch let error as LvzhiError where error.code == .scriptError {
            // FILE:LINE: message, then the traceback.
            Output.note(([error.message] + error.details).joined(separator: "\n"))
            exit(1)
        } catch let error as LvzhiError {
            Output.note("错误：\(error)")
            exit(1)
        } catch let error as UsageError {
            usageError(error.message, path: path)
        } catch {
            let code = LvzhiCommand.exitCode(for: error)
            if code == .success {  // --help, help …, --version
                let text = LvzhiCommand.fullMessage(for: error)
                FileHandle.standardOutput.write(Data(HelpText.chinese(text).utf8))
                exit(0)
            }
            if code == .validationFailure {
                usageError(UsageErrorText.chinese(LvzhiCommand.message(for: error)), path: path)
            }
            if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
            Output.note("错误：\(LvzhiError.translating(error))")
            exit(1)
        }
    }

    /// Parses `arguments`: an unknown subcommand is refused first (with the nearest name), and a
    /// negative number after an option is taken as its value.
    static func parse(_ arguments: [String], path: CommandPath) throws -> ParsableCommand {
        if let message = path.unknownMessage { throw UsageError(message: message) }
        var attempt = arguments
        while true {
            do {
                return try LvzhiCommand.parseAsRoot(attempt)
            } catch {
                guard LvzhiCommand.exitCode(for: error) == .validationFailure,
                      let option = NegativeOptionValue.option(inMissingValueMessage: LvzhiCommand.message(for: error)),
                      let joined = NegativeOptionValue.joined(attempt, after: option) else { throw error }
                attempt = joined
            }
        }
    }

    /// Prints a usage error and where to read the usage, and exits with 2.
    static func usageError(_ message: String, path: CommandPath) -> Never {
        Output.note("用法错误：" + message)
        Output.note(path.helpHint)
        exit(2)
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
}
