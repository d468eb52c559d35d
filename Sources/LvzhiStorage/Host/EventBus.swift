import Foundation
import LvzhiCore

/// Delivers committed events to listeners (automation scripts, later the duty record).
/// Listeners run after the triggering change has committed; what they do cannot undo it.
public final class EventBus: @unchecked Sendable {
    public typealias Listener = @Sendable (DomainEvent) -> Void
    private let lock = NSLock()
    private var listeners: [Listener] = []

    public init() {}

    /// Adds a listener for every event.
    public func subscribe(_ listener: @escaping Listener) {
        lock.withLock { listeners.append(listener) }
    }

    func publish(_ events: [DomainEvent]) {
        let current = lock.withLock { listeners }
        for event in events { for listener in current { listener(event) } }
    }
}
