import CLuaShim
import Foundation
import LvzhiCore
import LvzhiStorage

/// The engine behind `lvzhi console`: one sandboxed state for the whole session, so
/// variables survive from one input to the next. Each input is its own transaction: it
/// commits when it ends well and rolls back when it fails or is stopped.
public final class ConsoleSession {
    public let host: LvzhiHost
    public let context: AccessContext
    public let officeCode: String
    public let modules: [ScriptModule]
    public var dryRun: Bool
    public var outputDirectory: URL?
    let engine: ScriptEngine

    public init(host: LvzhiHost, context: AccessContext, officeCode: String, modules: [ScriptModule],
                limits: ScriptLimits, dryRun: Bool = false, outputDirectory: URL? = nil,
                output: @escaping (String) -> Void) throws {
        self.host = host; self.context = context; self.officeCode = officeCode; self.modules = modules
        self.dryRun = dryRun; self.outputDirectory = outputDirectory
        engine = try ScriptEngine(limits: limits, output: output)
        _ = try evaluate("")  // builds the environment, so completion works from the start
    }

    /// Lets Ctrl-C stop a running input; between inputs it is only noted (``takeIdleInterrupt()``).
    public static func installInterruptHandler() { lvz_install_interrupt_handler() }

    /// Whether Ctrl-C was pressed while no input ran (at the prompt) since the last call; clears it.
    public static func takeIdleInterrupt() -> Bool { lvz_take_idle_interrupt() != 0 }

    /// Evaluates one input: as an expression first (`1 + 1` gives 2), else as statements.
    /// Returns what it produced. Ctrl-C stops it (the input's changes are undone).
    public func evaluate(_ code: String) throws -> [ScriptValue] {
        lvz_set_interrupt_target(engine.state.L, engine.state.runtime)
        defer { lvz_set_interrupt_target(nil, nil) }
        let source = engine.syntaxError(of: "return " + code) == nil ? "return " + code : code
        var values: [ScriptValue] = []
        // Each input reads and writes the records of the console's office only (``AccessContext/officeScope``).
        let context = self.context.scoped(to: try host.read { db in try Office.find(code: officeCode, db: db) })
        try host.transaction(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: tx.db)
            let session = ScriptSession(host: host, office: office, tx: tx, output: engine.output, outputDirectory: outputDirectory)
            // Each input is one transaction, kept so as in a script run (``RunTransactionGuard``).
            let guardian = RunTransactionGuard()
            tx.db.add(transactionObserver: guardian, extent: .observerLifetime)
            defer { tx.db.remove(transactionObserver: guardian) }
            guardian.onEndedEarly = { [engine] in engine.state.stop(.interrupt) }
            let binder = ScriptAPIBinder(modules: modules, session: session)
            do {
                values = try engine.run(source: source, chunkName: "console", persistent: true) { call in try binder.push(call) }
            } catch {
                if guardian.endedEarly { throw guardian.endedEarlyError }
                throw error
            }
            if guardian.endedEarly || !tx.db.isInsideTransaction { throw guardian.endedEarlyError }
            guardian.allowsCommit = !dryRun
            return !dryRun
        }
        return values
    }

    /// Whether `code` is an unfinished statement (an open `function`, `do`, string …) that
    /// needs more lines.
    public func isIncomplete(_ code: String) -> Bool {
        guard let asStatement = engine.syntaxError(of: code),
              let asExpression = engine.syntaxError(of: "return " + code) else { return false }
        return asStatement.hasSuffix("<eof>") || asExpression.hasSuffix("<eof>")
    }

    /// Completions of the word ending `line` (`lvzhi.mem` → `lvzhi.members`).
    public func completions(for word: String) -> [String] {
        var parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let last = parts.removeLast()
        let prefix = parts.isEmpty ? "" : parts.joined(separator: ".") + "."
        var names = engine.names(at: parts)
        if parts.isEmpty { names += ConsoleSession.keywords }
        return names.filter { $0.hasPrefix(last) && !$0.hasPrefix("_") }.map { prefix + $0 }
    }

    static let keywords = ["and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
                           "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"]
}
