import GRDB
import LvzhiCore

/// An activity group with its committee, sectors and member count, as listings show it.
public struct ActivityGroupSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var name: String
    /// The linked committee's name, or 办公室 when the group is linked to the office itself.
    public var committee: String
    public var sectors: [String]
    public var memberCount: Int
}

/// Sector activity groups (界别活动组) of an office.
public struct ActivityGroupStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Adds a group linked to the committee with code `committeeCode` (or to the office when nil).
    @discardableResult
    public func add(officeCode: String, name: String, committeeCode: String? = nil) throws -> ActivityGroup {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LvzhiError.invalid("界别活动组名称", name, "不能为空") }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationManage, db: tx.db)
            if try ActivityGroup.filter(Column("office_id") == office.id && Column("name") == name).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "「\(office.name)」已有界别活动组「\(name.quotedForMessage)」")
            }
            let committee = try committeeCode.map { try Committee.find(named: $0, officeID: office.id!, db: tx.db, column: "code") }
            var group = ActivityGroup(officeID: office.id!, name: name, committeeID: committee?.id)
            try tx.insert(&group)
            return group
        }
    }

    /// The office's groups in the order they were added.
    public func list(officeCode: String) throws -> [ActivityGroupSummary] {
        try host.read { db in try Self.list(officeCode: officeCode, context: context, db: db) }
    }

    /// ``list(officeCode:)`` inside a transaction someone else holds (a script run).
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [ActivityGroupSummary] {
        let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
        let groups = try ActivityGroup.filter(Column("office_id") == office.id).order(Column("id")).fetchAll(db)
        return try groups.map { group in
            let committee = try group.committeeID.flatMap { try Committee.fetchOne(db, key: $0)?.name } ?? "办公室"
            let sectors = try String.fetchAll(db, sql: "SELECT name FROM sectors WHERE group_id = ? ORDER BY id", arguments: [group.id])
            let count = try Member.filter(Column("group_id") == group.id).fetchCount(db)
            return ActivityGroupSummary(id: group.id!, name: group.name, committee: committee, sectors: sectors, memberCount: count)
        }
    }
}
