import Foundation
import LvzhiCore

/// Delivers committed events to listeners (automation scripts, later the duty record).
/// Listeners run after the triggering change has committed; what they do cannot undo it.
public final class EventBus: @unchecked Sendable {
    /// A listener gets the events of one committed transaction together, in order (an import
    /// of 10,000 members is one call with 10,000 `member.added`, so it can look up once what to do).
    public typealias Listener = @Sendable ([DomainEvent]) -> Void
    private let lock = NSLock()
    private var listeners: [Listener] = []

    public init() {}

    /// Adds a listener for the events of every committed transaction.
    public func subscribe(batches listener: @escaping Listener) {
        lock.withLock { listeners.append(listener) }
    }

    /// Adds a listener called once for every event.
    public func subscribe(_ listener: @escaping @Sendable (DomainEvent) -> Void) {
        subscribe(batches: { events in events.forEach(listener) })
    }

    func publish(_ events: [DomainEvent]) {
        guard !events.isEmpty else { return }
        let current = lock.withLock { listeners }
        for listener in current { listener(events) }
    }
}
