/// Something that happened, announced after the change that caused it has committed
/// (`member.added`, `notices.published`). Automation scripts subscribe to these.
public struct DomainEvent: Sendable, Hashable {
    /// The event name, prefixed with its module (`core` events have none): `member.added`.
    public let name: String
    public let officeID: Int64?
    /// The table and row the event is about.
    public let entity: String
    public let entityID: Int64?
    /// Who made the change (stamped by the transaction that emitted it).
    public var username: String?

    public init(name: String, officeID: Int64?, entity: String, entityID: Int64?, username: String? = nil) {
        self.name = name; self.officeID = officeID; self.entity = entity; self.entityID = entityID; self.username = username
    }
}

/// The events of the core records.
public enum CoreEvents {
    public static let all: [EventDescriptor] = [
        EventDescriptor("office.added", "新增政协组织后"),
        EventDescriptor("member.added", "登记新委员后（含批量导入的每一位）"),
        EventDescriptor("member.imported", "一次名册导入完成后"),
        EventDescriptor("module.enabled", "某政协启用模块后"),
        EventDescriptor("module.disabled", "某政协停用模块后"),
    ]
}
