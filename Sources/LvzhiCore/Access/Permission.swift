/// Something a user may be allowed to do, declared by the core or by a plugin.
///
/// A permission names the module it belongs to; the access gate refuses it in an office
/// where that module is disabled, before it even looks at roles.
public struct Permission: Hashable, Sendable, CustomStringConvertible {
    /// A stable id, prefixed with the module id: `core.member.write`, `notices.publish`.
    public let id: String
    /// A short Chinese description shown in refusals and help: 登记和修改委员.
    public let title: String
    /// The module the permission belongs to; `nil` for the core, which is always enabled.
    public let moduleID: String?
    /// The roles that hold it.
    public let roles: Set<Role>

    public init(id: String, title: String, moduleID: String?, roles: Set<Role>) {
        self.id = id; self.title = title; self.moduleID = moduleID; self.roles = roles
    }

    public var description: String { "「\(title)」（\(id)）" }

    /// Whether any of `roles` holds this permission.
    public func isGranted(to roles: Set<Role>) -> Bool { !self.roles.isDisjoint(with: roles) }
}

/// The permissions of the core records (offices, members, users, modules, audit).
public enum CorePermission {
    /// 管理政协组织: create offices under an office.
    public static let officeManage = Permission(id: "core.office.manage", title: "管理政协组织", moduleID: nil, roles: [.administrator])
    /// 查看组织信息: read offices, terms, sectors, groups, committees, handling units.
    public static let organisationRead = Permission(id: "core.organisation.read", title: "查看组织信息", moduleID: nil, roles: Set(Role.allCases))
    /// 维护组织信息: terms, sessions, sectors, groups, committees, handling units.
    public static let organisationManage = Permission(id: "core.organisation.manage", title: "维护届次、界别、活动组、专委会和承办单位", moduleID: nil, roles: [.administrator, .staff])
    /// 查看委员名册.
    public static let memberRead = Permission(id: "core.member.read", title: "查看委员名册", moduleID: nil, roles: [.administrator, .staff, .archivist, .member])
    /// 登记和修改委员 (including imports and committee draws).
    public static let memberWrite = Permission(id: "core.member.write", title: "登记和修改委员", moduleID: nil, roles: [.administrator, .staff])
    /// 查看委员联系方式: contact details are for administrators only.
    public static let memberContactRead = Permission(id: "core.member.contact", title: "查看委员联系方式", moduleID: nil, roles: [.administrator])
    /// 管理用户和角色.
    public static let userManage = Permission(id: "core.user.manage", title: "管理用户和角色", moduleID: nil, roles: [.administrator])
    /// 启用或停用模块.
    public static let moduleManage = Permission(id: "core.module.manage", title: "启用或停用模块", moduleID: nil, roles: [.administrator])
    /// 查看审计记录.
    public static let auditRead = Permission(id: "core.audit.read", title: "查看审计记录", moduleID: nil, roles: [.administrator])

    /// 脚本中只读查询数据库（lvzhi.db.query）: administrators.
    public static let scriptSQL = Permission(id: "core.script.sql", title: "在脚本中直接查询数据库（只读）", moduleID: nil, roles: [.administrator])

    /// 管理本政协保存的脚本（模块、规则、事件处理）: administrators.
    public static let scriptManage = Permission(id: "core.script.manage", title: "管理本政协保存的脚本", moduleID: nil, roles: [.administrator])
    /// 运行本政协保存的规则脚本: administrators and staff.
    public static let scriptRun = Permission(id: "core.script.run", title: "运行本政协保存的规则脚本", moduleID: nil, roles: [.administrator, .staff])

    /// Every core permission.
    public static let all: [Permission] = [officeManage, organisationRead, organisationManage, memberRead, memberWrite,
                                           memberContactRead, userManage, moduleManage, auditRead, scriptSQL, scriptManage, scriptRun]
}
