import GRDB
import LvzhiCore

/// An office with what a listing shows about it.
public struct OfficeSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String
    public var parentCode: String?
    /// 0 for the root (the city), 1 for its districts …
    public var depth: Int
    public var memberCount: Int
}

/// Creates and lists offices (the city and its districts).
public struct OfficeStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Adds an office. A root office needs a superuser; an office under `parentCode` needs
    /// ``CorePermission/officeManage`` in the parent.
    @discardableResult
    public func add(code: String, name: String, parentCode: String? = nil) throws -> Office {
        try Office.validateCode(code)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LvzhiError.invalid("政协名称", name, "不能为空") }
        return try host.write(as: context) { tx in
            var parentID: Int64?
            if let parentCode {
                let parent = try Office.authorized(code: parentCode, context, CorePermission.officeManage, db: tx.db)
                parentID = parent.id
            } else if !context.user.isSuperuser {
                throw LvzhiError(.permissionDenied, "权限不足：只有系统管理员可以创建顶级政协（用户「\(context.user.username)」不是系统管理员）",
                                 hint: "用 --parent 指定上级政协，或以 admin 身份操作")
            }
            if let existing = try Office.filter(Column("code") == code).fetchOne(tx.db) {
                throw LvzhiError(.conflict, "政协代码「\(code.quotedForMessage)」已被「\(existing.name)」使用", hint: "请换一个代码")
            }
            if let existing = try Office.filter(Column("name") == name).fetchOne(tx.db) {
                throw LvzhiError(.conflict, "政协名称「\(name.quotedForMessage)」已存在（代码 \(existing.code)）")
            }
            var office = Office(code: code, name: name, parentID: parentID, createdAt: Timestamp.now())
            try tx.insert(&office)
            tx.emit(DomainEvent(name: "office.added", officeID: office.id, entity: Office.databaseTableName, entityID: office.id))
            return office
        }
    }

    /// The offices the user may see: all for a superuser, else those where he holds a role and the offices below them.
    public func list() throws -> [OfficeSummary] {
        try host.read { db in
            var visible: Set<Int64>?
            if !context.user.isSuperuser {
                var ids = Set<Int64>()
                for officeID in context.grants.keys { ids.formUnion(try OfficeTree.subtree(of: officeID, db: db)) }
                visible = ids
            }
            let rows = try Row.fetchAll(db, sql: """
                WITH RECURSIVE tree(id, depth, path) AS (
                  SELECT id, 0, printf('%08d', id) FROM offices WHERE parent_id IS NULL
                  UNION ALL
                  SELECT o.id, tree.depth + 1, tree.path || '/' || printf('%08d', o.id) FROM offices o JOIN tree ON o.parent_id = tree.id
                )
                SELECT o.id, o.code, o.name, p.code AS parent_code, tree.depth,
                       (SELECT COUNT(*) FROM members m WHERE m.office_id = o.id) AS member_count
                FROM tree JOIN offices o ON o.id = tree.id LEFT JOIN offices p ON p.id = o.parent_id
                ORDER BY tree.path
                """)
            return rows.compactMap { row -> OfficeSummary? in
                let id: Int64 = row["id"]
                if let visible, !visible.contains(id) { return nil }
                return OfficeSummary(id: id, code: row["code"], name: row["name"], parentCode: row["parent_code"],
                                     depth: row["depth"], memberCount: row["member_count"])
            }
        }
    }
}
