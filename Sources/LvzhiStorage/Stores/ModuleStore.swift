import GRDB
import LvzhiCore

/// A module and whether it is enabled, as `modules list` shows it.
public struct ModuleStatus: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var summary: String
    public var version: String
    /// Enabled in the office asked about; nil when listing without an office.
    public var enabled: Bool?
    /// Codes of the offices that enable it (listing without an office).
    public var enabledIn: [String]?
}

/// Per-office enablement of modules. Disabling deletes nothing: the data stays and comes
/// back when the module is enabled again.
public struct ModuleStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Every registered module, with its state in `officeCode` (or the offices enabling it when nil).
    public func list(officeCode: String? = nil) throws -> [ModuleStatus] {
        try host.read { db in
            if let officeCode {
                let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
                return try host.registry.manifests.map { m in
                    let on = try Self.isEnabled(m.id, officeID: office.id!, db: db)
                    return ModuleStatus(id: m.id, name: m.displayName, summary: m.summary, version: m.version, enabled: on, enabledIn: nil)
                }
            }
            return try host.registry.manifests.map { m in
                let codes = try String.fetchAll(db, sql: """
                    SELECT o.code FROM office_modules om JOIN offices o ON o.id = om.office_id
                    WHERE om.module_id = ? AND om.enabled ORDER BY o.id
                    """, arguments: [m.id])
                return ModuleStatus(id: m.id, name: m.displayName, summary: m.summary, version: m.version, enabled: nil, enabledIn: codes)
            }
        }
    }

    /// Enables `moduleID` for the office; its dependencies must be enabled first.
    public func enable(_ moduleID: String, officeCode: String) throws {
        let manifest = try host.registry.manifest(moduleID)
        try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.moduleManage, db: tx.db)
            if try Self.isEnabled(moduleID, officeID: office.id!, db: tx.db) {
                throw LvzhiError(.conflict, "模块「\(manifest.displayName)」（\(moduleID)）在「\(office.name)」已经启用")
            }
            for dependency in manifest.dependsOn where try !Self.isEnabled(dependency, officeID: office.id!, db: tx.db) {
                throw LvzhiError(.ruleViolation, "模块「\(moduleID)」依赖模块「\(dependency)」，后者在「\(office.name)」未启用",
                                 hint: "先执行 lvzhi modules enable \(dependency) --office \(office.code)")
            }
            try setEnabled(true, manifest: manifest, office: office, tx: tx)
        }
    }

    /// Disables `moduleID` for the office. Its data stays; every operation of the module is refused until it is enabled again.
    public func disable(_ moduleID: String, officeCode: String) throws {
        let manifest = try host.registry.manifest(moduleID)
        try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.moduleManage, db: tx.db)
            guard try Self.isEnabled(moduleID, officeID: office.id!, db: tx.db) else {
                throw LvzhiError(.conflict, "模块「\(manifest.displayName)」（\(moduleID)）在「\(office.name)」本来就未启用")
            }
            for dependent in host.registry.manifests where dependent.dependsOn.contains(moduleID) {
                if try Self.isEnabled(dependent.id, officeID: office.id!, db: tx.db) {
                    throw LvzhiError(.ruleViolation, "模块「\(dependent.id)」依赖「\(moduleID)」且仍在「\(office.name)」启用",
                                     hint: "先执行 lvzhi modules disable \(dependent.id) --office \(office.code)")
                }
            }
            try setEnabled(false, manifest: manifest, office: office, tx: tx)
        }
    }

    private func setEnabled(_ on: Bool, manifest: PluginManifest, office: Office, tx: AuditedTransaction) throws {
        let before = try Row.fetchOne(tx.db, sql: "SELECT enabled, settings FROM office_modules WHERE office_id = ? AND module_id = ?",
                                      arguments: [office.id, manifest.id])
        try tx.db.execute(sql: """
            INSERT INTO office_modules (office_id, module_id, enabled, settings, updated_at) VALUES (?, ?, ?, '{}', ?)
            ON CONFLICT(office_id, module_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
            """, arguments: [office.id, manifest.id, on, Timestamp.now()])
        let state = { (enabled: Bool) in "{\"enabled\":\(enabled),\"module_id\":\"\(manifest.id)\"}" }
        try tx.log(action: on ? "enable" : "disable", entity: "office_modules", entityID: nil, officeID: office.id,
                   before: before.map { state($0["enabled"]) }, after: state(on))
        tx.emit(DomainEvent(name: on ? "module.enabled" : "module.disabled", officeID: office.id, entity: "office_modules", entityID: nil))
    }

    /// Whether `moduleID` is enabled for the office.
    public static func isEnabled(_ moduleID: String, officeID: Int64, db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT enabled FROM office_modules WHERE office_id = ? AND module_id = ?", arguments: [officeID, moduleID]) ?? false
    }
}
