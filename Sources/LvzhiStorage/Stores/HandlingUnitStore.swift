import GRDB
import LvzhiCore

/// Handling units (承办单位) of an office.
public struct HandlingUnitStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Adds a handling unit of `kind` (one of ``HandlingUnit/kinds``).
    @discardableResult
    public func add(officeCode: String, name: String, kind: String = "政府部门", contact: String? = nil) throws -> HandlingUnit {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LvzhiError.invalid("承办单位名称", name, "不能为空") }
        guard HandlingUnit.kinds.contains(kind) else {
            throw LvzhiError.invalid("单位类型", kind, "不是可识别的类型", hint: "可用类型：\(HandlingUnit.kinds.joined(separator: "、"))")
        }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationManage, db: tx.db)
            if try HandlingUnit.filter(Column("office_id") == office.id && Column("name") == name).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "「\(office.name)」已有承办单位「\(name.quotedForMessage)」")
            }
            var unit = HandlingUnit(officeID: office.id!, name: name, kind: kind, contact: contact)
            try tx.insert(&unit)
            return unit
        }
    }

    /// The office's handling units, by kind then name.
    public func list(officeCode: String) throws -> [HandlingUnit] {
        try host.read { db in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
            return try HandlingUnit.filter(Column("office_id") == office.id).order(Column("id")).fetchAll(db)
        }
    }
}
