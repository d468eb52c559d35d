import GRDB
import LvzhiCore

extension Office {
    /// The office with this code.
    /// - Throws: ``LvzhiError`` `notFound` with a hint to list offices.
    public static func find(code: String, db: Database) throws -> Office {
        guard let office = try Office.filter(Column("code") == code).fetchOne(db) else {
            throw LvzhiError.notFound("政协", code, hint: "用 lvzhi office list 查看已有的政协代码")
        }
        return office
    }

    /// The office with this code, once `context` has been authorized for `permission` in it.
    public static func authorized(code: String, _ context: AccessContext, _ permission: Permission, db: Database) throws -> Office {
        let office = try find(code: code, db: db)
        try AccessGate.authorize(context, permission, in: office, db: db)
        return office
    }
}

extension LvzhiRecord {
    /// The record of this kind named `name` in office `officeID`.
    /// - Throws: ``LvzhiError`` `notFound` naming the kind and listing what exists.
    public static func find(named name: String, officeID: Int64, db: Database, column: String = "name") throws -> Self {
        if let found = try Self.filter(Column("office_id") == officeID && Column(column) == name).fetchOne(db) {
            return found
        }
        let known = try String.fetchAll(db, sql: "SELECT \(column) FROM \(databaseTableName) WHERE office_id = ? ORDER BY id LIMIT 40",
                                        arguments: [officeID])
        throw LvzhiError.notFound(entityName, name, hint: known.isEmpty ? "该政协尚未登记任何\(entityName)" : "已有：\(known.joined(separator: "、"))")
    }

    /// The record of this kind with this id.
    public static func find(id: Int64, db: Database) throws -> Self {
        guard let found = try Self.fetchOne(db, key: id) else { throw LvzhiError.notFound(entityName, "ID \(id)") }
        return found
    }
}
