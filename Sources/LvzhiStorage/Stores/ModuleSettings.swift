import Foundation
import GRDB
import LvzhiCore

/// One office's values of a module's settings, read inside a transaction. A value that was
/// never set is the descriptor's default.
///
/// ```swift
/// let settings = try ModuleSettings.read(ProposalsPlugin.manifest, officeID: office.id!, db: tx.db)
/// let months = settings.integer("handling_months")
/// ```
public struct ModuleSettings: Sendable {
    /// The module's descriptors.
    public let descriptors: [SettingDescriptor]
    /// The values set by the office (stored form), by key.
    public let stored: [String: String]

    /// The settings of `manifest`'s module for the office.
    public static func read(_ manifest: PluginManifest, officeID: Int64, db: Database) throws -> ModuleSettings {
        let json = try String.fetchOne(db, sql: "SELECT settings FROM office_modules WHERE office_id = ? AND module_id = ?",
                                       arguments: [officeID, manifest.id]) ?? "{}"
        let stored = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        return ModuleSettings(descriptors: manifest.settings, stored: stored)
    }

    /// The value of `key` in stored form (the default when unset).
    public func text(_ key: String) -> String {
        stored[key] ?? descriptor(key).defaultValue
    }

    /// An integer setting.
    public func integer(_ key: String) -> Int { Int(text(key)) ?? Int(descriptor(key).defaultValue)! }

    /// A list setting (the categories).
    public func list(_ key: String) -> [String] { SettingDescriptor.listItems(text(key)) }

    /// A labels setting as a dictionary (office-specific names).
    public func labels(_ key: String) -> [String: String] {
        Dictionary((try? SettingDescriptor.labelPairs(text(key))) ?? [], uniquingKeysWith: { $1 })
    }

    func descriptor(_ key: String) -> SettingDescriptor {
        guard let descriptor = descriptors.first(where: { $0.key == key }) else { preconditionFailure("no setting \(key)") }
        return descriptor
    }
}

/// A setting as `modules settings` shows it.
public struct ModuleSettingView: Codable, Sendable, Hashable {
    public var key: String
    public var title: String
    public var value: String
    public var defaultValue: String
    /// True when the office has not changed it.
    public var isDefault: Bool
}

extension ModuleStore {
    /// The settings of `moduleID` in the office, with their defaults.
    public func settings(_ moduleID: String, officeCode: String) throws -> [ModuleSettingView] {
        let manifest = try host.registry.manifest(moduleID)
        return try host.read { db in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
            let values = try ModuleSettings.read(manifest, officeID: office.id!, db: db)
            return manifest.settings.map {
                ModuleSettingView(key: $0.key, title: $0.title, value: values.text($0.key), defaultValue: $0.defaultValue,
                                  isDefault: values.stored[$0.key] == nil)
            }
        }
    }

    /// Sets `key` of `moduleID` in the office to `value` (checked against the setting's kind);
    /// nil restores the default. Returns the stored form.
    @discardableResult
    public func set(_ moduleID: String, key: String, value: String?, officeCode: String) throws -> String {
        let manifest = try host.registry.manifest(moduleID)
        guard let descriptor = manifest.settings.first(where: { $0.key == key }) else {
            throw LvzhiError.notFound("设置项", "\(moduleID).\(key)",
                                      hint: manifest.settings.isEmpty ? "模块「\(manifest.displayName)」没有设置项"
                                                                      : "可用：\(manifest.settings.map(\.key).joined(separator: "、"))")
        }
        let normalised = try value.map { try descriptor.normalise($0) }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.moduleManage, db: tx.db)
            try AccessGate.requireEnabled(moduleID, in: office, db: tx.db)
            let before = try ModuleSettings.read(manifest, officeID: office.id!, db: tx.db).stored
            var after = before
            after[key] = normalised
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let text = { (values: [String: String]) in String(decoding: try encoder.encode(values), as: UTF8.self) }
            try tx.db.execute(sql: "UPDATE office_modules SET settings = ?, updated_at = ? WHERE office_id = ? AND module_id = ?",
                              arguments: [try text(after), Timestamp.now(), office.id, moduleID])
            try tx.log(action: "settings", entity: "office_modules", entityID: nil, officeID: office.id,
                       before: "{\"module_id\":\"\(moduleID)\",\"settings\":\(try text(before))}",
                       after: "{\"module_id\":\"\(moduleID)\",\"settings\":\(try text(after))}")
            return normalised ?? descriptor.defaultValue
        }
    }
}
