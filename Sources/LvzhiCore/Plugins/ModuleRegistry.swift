/// The modules the host knows, registered once at start-up. Per-office enablement lives in
/// the database; this registry only says what exists.
public struct ModuleRegistry: Sendable {
    /// Registered manifests in registration order.
    public private(set) var manifests: [PluginManifest] = []

    public init(_ manifests: [PluginManifest] = []) throws {
        for manifest in manifests { try register(manifest) }
    }

    /// Adds a plugin.
    /// - Throws: ``LvzhiError`` if the id is taken, malformed, or a permission or migration lacks the id prefix.
    public mutating func register(_ manifest: PluginManifest) throws {
        let id = manifest.id
        guard !id.isEmpty, id != "core", id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw LvzhiError.invalid("模块标识", id, "只能由小写英文字母、数字或下划线组成，且不能为 core")
        }
        guard !manifests.contains(where: { $0.id == id }) else {
            throw LvzhiError(.conflict, "模块「\(id)」重复注册")
        }
        for permission in manifest.permissions where !(permission.id.hasPrefix(id + ".") && permission.moduleID == id) {
            throw LvzhiError.invalid("权限", permission.id, "模块「\(id)」的权限必须以「\(id).」开头并归属本模块")
        }
        for dependency in manifest.dependsOn where !manifests.contains(where: { $0.id == dependency }) {
            throw LvzhiError(.ruleViolation, "模块「\(id)」依赖的模块「\(dependency)」尚未注册（请先注册依赖模块）")
        }
        // One action id, one Chinese name, whichever module writes it (the audit trail stores only the id).
        for (action, title) in manifest.auditActions {
            let known = AuditAction.core[action] ?? manifests.lazy.compactMap { $0.auditActions[action] }.first
            if let known, known != title {
                throw LvzhiError(.conflict, "模块「\(id)」把审计操作「\(action)」称为「\(title)」，已注册的名称是「\(known)」",
                                 hint: "同一操作标识在各模块中须用同一个中文名称")
            }
        }
        manifests.append(manifest)
    }

    /// The manifest with this id.
    /// - Throws: ``LvzhiError`` `notFound` listing the known modules.
    public func manifest(_ id: String) throws -> PluginManifest {
        if let m = manifests.first(where: { $0.id == id }) { return m }
        let known = manifests.map { "\($0.id)（\($0.displayName)）" }.joined(separator: "、")
        throw LvzhiError.notFound("模块", id, hint: known.isEmpty ? nil : "已注册的模块：\(known)")
    }

    /// Every permission: the core's and each module's.
    public var allPermissions: [Permission] { CorePermission.all + manifests.flatMap(\.permissions) }
}
