import GRDB
import LvzhiCore

/// The running platform: the database, the registered modules and the event bus. One per
/// process; stores, the CLI and the Lua engine all work through it.
public final class LvzhiHost: Sendable {
    public let database: LvzhiDatabase
    public let registry: ModuleRegistry
    public let events: EventBus

    /// Opens the database at `path` with `plugins` registered, migrating it.
    /// - Parameter create: create the file if missing (`lvzhi init`, `lvzhi demo`).
    public init(path: String, plugins: [PluginManifest], create: Bool = false) throws {
        registry = try ModuleRegistry(plugins)
        database = try LvzhiDatabase(path: path, registry: registry, create: create)
        events = EventBus()
    }

    /// The acting context of the user named `username`.
    public func context(for username: String) throws -> AccessContext {
        try read { db in try AccessContext.load(username: username, db: db) }
    }

    /// Runs `body` in a read-only transaction.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.translatingErrors { try database.pool.read(body) }
    }

    /// Runs `body` in one write transaction on behalf of `context`: everything it does commits
    /// together with its audit entries, or (on any error) nothing does. Events it emitted are
    /// delivered after the commit.
    public func write<T>(as context: AccessContext, _ body: (AuditedTransaction) throws -> T) throws -> T {
        let collector = EventCollector()
        let result = try Self.translatingErrors {
            try database.pool.write { db in
                try body(AuditedTransaction(db: db, context: context, events: collector))
            }
        }
        events.publish(collector.events)
        return result
    }

    /// Runs `body` in one write transaction on behalf of `context` that commits only when
    /// `body` returns `true` (a script that ended well) and rolls back otherwise (a failed or
    /// stopped script, a dry run), returning whether it committed. An error thrown by `body`
    /// also rolls back. Events are delivered only after a commit.
    @discardableResult
    public func transaction(as context: AccessContext, _ body: (AuditedTransaction) throws -> Bool) throws -> Bool {
        let collector = EventCollector()
        var committed = false
        try Self.translatingErrors {
            try database.pool.writeWithoutTransaction { db in
                // A read-only file cannot take the write lock: its scripts read in a deferred transaction.
                try db.inTransaction(database.isReadOnly ? .deferred : .immediate) {
                    committed = try body(AuditedTransaction(db: db, context: context, events: collector))
                    return committed ? .commit : .rollback
                }
            }
        }
        if committed { events.publish(collector.events) }
        return committed
    }

    /// Runs `body`, turning SQLite failures (a constraint, a read-only file …) into ``LvzhiError``s
    /// a person can read (see ``LvzhiCore/LvzhiError/translating(database:)``).
    public static func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LvzhiError {
            throw error
        } catch let error as DatabaseError {
            throw LvzhiError.translating(database: error)
        }
    }
}
