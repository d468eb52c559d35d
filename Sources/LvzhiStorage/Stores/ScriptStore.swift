import GRDB
import LvzhiCore

/// A stored script as listings show it (without its source).
public struct ScriptSummary: Codable, Sendable, Hashable {
    public var name: String
    public var kind: String
    public var event: String?
    public var lines: Int
    public var updatedBy: String
    public var updatedAt: String
}

/// The Lua scripts an office keeps: modules for `require`, rules run on demand, and event
/// handlers. Managing them is for administrators; every change is audited.
public struct ScriptStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// The events a handler may run on: the core's and every registered module's.
    public func knownEvents() -> [EventDescriptor] {
        CoreEvents.all + host.registry.manifests.flatMap(\.events)
    }

    /// Stores `source` as script `name` (replacing an existing one only when `replace`).
    @discardableResult
    public func save(officeCode: String, name: String, kind: OfficeScript.Kind, event: String?, source: String, replace: Bool) throws -> OfficeScript {
        try OfficeScript.validateName(name)
        if kind == .handler {
            guard let event else {
                throw LvzhiError.invalid("事件", "", "事件处理脚本须用 --event 指明事件", hint: "可用事件：\(knownEvents().map(\.name).joined(separator: "、"))")
            }
            guard knownEvents().contains(where: { $0.name == event }) else {
                throw LvzhiError.invalid("事件", event, "不是已知的事件", hint: "可用事件：\(knownEvents().map(\.name).joined(separator: "、"))")
            }
        } else if let event {
            throw LvzhiError.invalid("事件", event, "只有事件处理脚本（--kind handler）才指定事件")
        }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.scriptManage, db: tx.db)
            var script = OfficeScript(officeID: office.id!, name: name, kind: kind, event: kind == .handler ? event : nil, source: source,
                                      updatedBy: context.user.username, updatedAt: Timestamp.now())
            if let existing = try OfficeScript.filter(Column("office_id") == office.id && Column("name") == name).fetchOne(tx.db) {
                guard replace else {
                    throw LvzhiError(.conflict, "「\(office.name)」已有脚本「\(name.quotedForMessage)」", hint: "加 --replace 覆盖，或换一个名称")
                }
                script.id = existing.id
                try tx.update(script, from: existing)
            } else {
                try tx.insert(&script)
            }
            return script
        }
    }

    /// The office's scripts, by name.
    public func list(officeCode: String) throws -> [ScriptSummary] {
        try host.read { db in
            let office = try Office.authorized(code: officeCode, context, CorePermission.scriptRun, db: db)
            return try OfficeScript.filter(Column("office_id") == office.id).order(Column("name")).fetchAll(db).map {
                ScriptSummary(name: $0.name, kind: $0.kind.rawValue, event: $0.event, lines: $0.source.split(separator: "\n", omittingEmptySubsequences: false).count,
                              updatedBy: $0.updatedBy, updatedAt: $0.updatedAt)
            }
        }
    }

    /// One script with its source.
    public func show(officeCode: String, name: String) throws -> OfficeScript {
        try host.read { db in
            let office = try Office.authorized(code: officeCode, context, CorePermission.scriptRun, db: db)
            return try Self.find(name, office: office, db: db)
        }
    }

    /// Deletes a script.
    public func remove(officeCode: String, name: String) throws {
        try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.scriptManage, db: tx.db)
            try tx.delete(try Self.find(name, office: office, db: tx.db))
        }
    }

    /// Recent handler failures of the office, newest first (administrators).
    public func failures(officeCode: String, limit: Int = 50) throws -> [ScriptFailure] {
        try host.read { db in
            let office = try Office.authorized(code: officeCode, context, CorePermission.scriptManage, db: db)
            return try ScriptFailure.filter(Column("office_id") == office.id).order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    // MARK: - For the script engine

    /// Script `name` of `office`, or a not-found error listing what there is.
    public static func find(_ name: String, office: Office, db: Database) throws -> OfficeScript {
        if let script = try OfficeScript.filter(Column("office_id") == office.id && Column("name") == name).fetchOne(db) { return script }
        let names = try String.fetchAll(db, sql: "SELECT name FROM office_scripts WHERE office_id = ? ORDER BY name", arguments: [office.id])
        throw LvzhiError.notFound("脚本", "「\(name.quotedForMessage)」（\(office.name)）",
                                  hint: names.isEmpty ? "用 lvzhi script add 保存脚本" : "已有脚本：\(names.joined(separator: "、"))")
    }

    /// The handlers of `event` in the office with id `officeID`.
    public static func handlers(for event: String, officeID: Int64, db: Database) throws -> [OfficeScript] {
        try OfficeScript.filter(Column("office_id") == officeID && Column("kind") == "handler" && Column("event") == event)
            .order(Column("name")).fetchAll(db)
    }
}
