import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// Runs one script as one transaction, as a user of an office: it commits when the script
/// ends well, and rolls back when it fails or is stopped; a dry run always rolls back.
public struct ScriptRunner {
    public let host: LvzhiHost
    public let context: AccessContext
    /// The API tables: the core's and every plugin's (absent ones are filtered per office).
    public let modules: [ScriptModule]
    public var limits: ScriptLimits
    /// Roll back even when the script ends well.
    public var dryRun = false
    /// Where `print` writes.
    public var output: (String) -> Void
    /// Where reports may be written (`--out`).
    public var outputDirectory: URL?

    /// What a run returned, and whether its changes were kept.
    public struct Outcome {
        public var values: [LuaValue]
        public var committed: Bool
    }

    public init(host: LvzhiHost, context: AccessContext, modules: [ScriptModule], limits: ScriptLimits = ScriptLimits(),
                dryRun: Bool = false, outputDirectory: URL? = nil, output: @escaping (String) -> Void = { print($0) }) {
        self.host = host; self.context = context; self.modules = modules; self.limits = limits
        self.dryRun = dryRun; self.output = output; self.outputDirectory = outputDirectory
    }

    /// Runs `source` (named `chunkName` in messages) in `officeCode` with `arguments` in `arg`.
    /// - Parameter globals: extra variables of the script's environment (`event` for handlers).
    public func run(source: String, chunkName: String, officeCode: String, arguments: [String] = [],
                    globals: [String: ScriptValue] = [:]) throws -> Outcome {
        var values: [LuaValue] = []
        // A run reads and writes the records of its own office only (``AccessContext/officeScope``).
        let context = self.context.scoped(to: try host.read { db in try Office.find(code: officeCode, db: db) })
        let committed = try host.transaction(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: tx.db)
            let session = ScriptSession(host: host, office: office, tx: tx, output: output, outputDirectory: outputDirectory)
            let guardian = RunTransactionGuard()
            tx.db.add(transactionObserver: guardian, extent: .observerLifetime)
            defer { tx.db.remove(transactionObserver: guardian) }
            let engine = try ScriptEngine(limits: limits, output: output)
            // The transaction is gone: stop the script at its next instruction (pcall cannot go on).
            guardian.onEndedEarly = { engine.state.stop(.interrupt) }
            let binder = ScriptAPIBinder(modules: modules, session: session)
            do {
                values = try engine.run(source: source, chunkName: chunkName, arguments: arguments, globals: globals) { call in try binder.push(call) }
            } catch {
                if guardian.endedEarly { throw guardian.endedEarlyError }
                throw error
            }
            if guardian.endedEarly || !tx.db.isInsideTransaction { throw guardian.endedEarlyError }
            guardian.allowsCommit = !dryRun
            return !dryRun
        }
        return Outcome(values: values, committed: committed)
    }
}
