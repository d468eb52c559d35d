/// The Chinese names of the actions the audit trail records (`insert` 新增, `withdraw` 撤回 …), for
/// tables people read; `--json` keeps the stored English id. The core names its own actions here;
/// a module names its own in ``PluginManifest/auditActions``, and ``ModuleRegistry/auditActionTitle(_:)``
/// looks in both.
public enum AuditAction {
    /// The core's actions and the generic record changes every store makes.
    public static let core: [String: String] = [
        "insert": "新增", "update": "修改", "delete": "删除", "import": "导入",
        "enable": "启用模块", "disable": "停用模块", "settings": "修改模块设置",
        "draw": "跨组选调", "release": "取消选调",
    ]
}

extension ModuleRegistry {
    /// The Chinese name of an audited action: the core's, else a module's, else the stored id itself.
    public func auditActionTitle(_ action: String) -> String {
        if let title = AuditAction.core[action] { return title }
        for manifest in manifests { if let title = manifest.auditActions[action] { return title } }
        return action
    }
}
