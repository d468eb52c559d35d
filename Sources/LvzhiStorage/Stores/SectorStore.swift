import GRDB
import LvzhiCore

/// A sector with its group and member count, as listings show it.
public struct SectorSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var group: String?
    public var memberCount: Int
}

/// Sectors (界别) of an office.
public struct SectorStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Adds a sector, optionally into the activity group named `groupName`.
    @discardableResult
    public func add(officeCode: String, name: String, groupName: String? = nil) throws -> Sector {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LvzhiError.invalid("界别名称", name, "不能为空") }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationManage, db: tx.db)
            if try Sector.filter(Column("office_id") == office.id && Column("name") == name).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "「\(office.name)」已有界别「\(name.quotedForMessage)」")
            }
            let group = try groupName.map { try ActivityGroup.find(named: $0, officeID: office.id!, db: tx.db) }
            var sector = Sector(officeID: office.id!, name: name, groupID: group?.id)
            try tx.insert(&sector)
            return sector
        }
    }

    /// The office's sectors in the order they were added.
    public func list(officeCode: String) throws -> [SectorSummary] {
        try host.read { db in try Self.list(officeCode: officeCode, context: context, db: db) }
    }

    /// ``list(officeCode:)`` inside a transaction someone else holds (a script run).
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [SectorSummary] {
        let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
        return try Row.fetchAll(db, sql: """
            SELECT s.id, s.name, g.name AS group_name, (SELECT COUNT(*) FROM members m WHERE m.sector_id = s.id) AS n
            FROM sectors s LEFT JOIN activity_groups g ON g.id = s.group_id WHERE s.office_id = ? ORDER BY s.id
            """, arguments: [office.id]).map {
            SectorSummary(id: $0["id"], name: $0["name"], group: $0["group_name"], memberCount: $0["n"])
        }
    }
}
