import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// Runs an office's event handlers after the change that raised the event has committed.
///
/// Each handler script runs in its own transaction, as the user who made the change (so a
/// handler can never do more than that user may), with the event in the global `event`
/// (`{name, office, entity, id, username}`); inside it `lvzhi.on(name, fn)` calls `fn(event)`
/// for the event being handled. A failing handler is recorded in `script_failures` (shown
/// by `lvzhi script failures`) and reported through `onFailure`; the user's change stands.
/// Changes a handler makes do not trigger handlers again (no loops).
public final class EventAutomation: @unchecked Sendable {
    /// Unowned: the host's event bus owns the automation, not the other way round.
    public unowned let host: LvzhiHost
    public let modules: [ScriptModule]
    public let limits: ScriptLimits
    /// Called for each failed handler (the CLI prints a note).
    public var onFailure: (ScriptFailure) -> Void = { _ in }
    /// Where handlers' `print` goes.
    public var output: (String) -> Void = { _ in }
    private var handling = false
    private let lock = NSLock()

    public init(host: LvzhiHost, modules: [ScriptModule], limits: ScriptLimits = ScriptLimits(timeout: 10)) {
        self.host = host
        self.modules = modules
        self.limits = limits
    }

    /// Starts reacting to the host's events.
    public func attach() {
        host.events.subscribe(batches: { events in self.handle(events) })
    }

    /// Runs the handlers of each of `events` (one committed transaction's), looking up once per
    /// office and event name which handlers there are: most events have none.
    public func handle(_ events: [DomainEvent]) {
        var handlers: [String: (Office, [OfficeScript])?] = [:]
        for event in events {
            guard let officeID = event.officeID else { continue }
            let key = "\(officeID)|\(event.name)"
            if handlers[key] == nil {
                handlers[key] = .some(try? host.read { db -> (Office, [OfficeScript]) in
                    (try Office.find(id: officeID, db: db), try ScriptStore.handlers(for: event.name, officeID: officeID, db: db))
                })
            }
            guard let (office, scripts) = handlers[key] ?? nil, !scripts.isEmpty else { continue }
            handle(event, office: office, scripts: scripts)
        }
    }

    /// Runs `scripts` (the office's handlers of the event) for `event`.
    private func handle(_ event: DomainEvent, office: Office, scripts: [OfficeScript]) {
        guard let officeID = event.officeID, let username = event.username else { return }
        // Events raised by a handler's own changes are not handled again.
        let nested: Bool = lock.withLock {
            if handling { return true }
            handling = true
            return false
        }
        if nested { return }
        defer { lock.withLock { handling = false } }
        guard let context = try? host.context(for: username) else { return }

        let payload: ScriptValue = .table([
            .init(key: .string("name"), value: .string(event.name)),
            .init(key: .string("office"), value: .string(office.code)),
            .init(key: .string("entity"), value: .string(event.entity)),
            .init(key: .string("id"), value: event.entityID.map { .integer($0) } ?? .nil),
            .init(key: .string("username"), value: .string(username)),
        ])
        for script in scripts {
            let runner = ScriptRunner(host: host, context: context, modules: modules, limits: limits, output: output)
            do {
                // The handler's SQL is bounded like a worker's, without capping the command that raised the event.
                _ = try LvzhiDatabase.withHeapBudget(limits.sqliteHeapLimit) {
                    try runner.run(source: script.source, chunkName: script.name, officeCode: office.code, globals: ["event": payload])
                }
            } catch {
                let message = (error as? LvzhiError).map { ([$0.message] + $0.details.prefix(3)).joined(separator: "\n") } ?? "\(error)"
                var failure = ScriptFailure(officeID: officeID, scriptName: script.name, event: event.name, username: username,
                                            message: message, at: Timestamp.now())
                _ = try? host.write(as: context) { tx in try tx.insert(&failure) }
                onFailure(failure)
            }
        }
    }
}
