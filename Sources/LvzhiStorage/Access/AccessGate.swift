import GRDB
import LvzhiCore

/// The one place that decides whether a user may do something in an office.
///
/// It checks, in order: that the permission's module is enabled for the office (a disabled
/// module refuses everything, whoever asks), that the office is within the context's office
/// scope (a script run for one office touches that office's records only, superusers' too),
/// then that the user is a superuser or holds, in the office or any office above it, a role
/// that carries the permission.
public enum AccessGate {
    /// Refuses unless `context` may use `permission` in `office`.
    /// - Throws: ``LvzhiError`` `moduleDisabled`, `notFound` (outside the office scope) or
    ///   `permissionDenied`, naming user, office and permission.
    public static func authorize(_ context: AccessContext, _ permission: Permission, in office: Office, db: Database) throws {
        if let moduleID = permission.moduleID {
            try requireEnabled(moduleID, in: office, db: db)
        }
        if let scope = context.officeScope, scope.id != office.id {
            throw LvzhiError(.notFound, "找不到该记录：本次运行只能读写「\(scope.name)」的记录",
                             hint: "要处理其他政协的记录，请以 --office 指定那个政协另行运行")
        }
        if context.user.isSuperuser { return }
        let roles = try effectiveRoles(context, in: office, db: db)
        guard permission.isGranted(to: roles) else {
            let needed = permission.roles.sorted { $0.rawValue < $1.rawValue }.map(\.title).joined(separator: "或")
            throw LvzhiError(.permissionDenied,
                             "权限不足：用户「\(context.user.username)」在「\(office.name)」没有\(permission)权限",
                             hint: "需要\(needed)角色；管理员可执行 lvzhi user grant \(context.user.username) ROLE --office \(office.code)")
        }
    }

    /// Whether `context` may use `permission` in `office` (no error; for hiding fields such as contact details).
    public static func allows(_ context: AccessContext, _ permission: Permission, in office: Office, db: Database) throws -> Bool {
        guard context.isInScope(office) else { return false }
        do {
            try authorize(context, permission, in: office, db: db)
            return true
        } catch let error as LvzhiError where error.code == .permissionDenied || error.code == .moduleDisabled {
            return false
        }
    }

    /// The roles `context` holds in `office`: his grants there and in every office above it.
    public static func effectiveRoles(_ context: AccessContext, in office: Office, db: Database) throws -> Set<Role> {
        var roles = Set<Role>()
        for ancestorID in try OfficeTree.pathToRoot(from: office.id!, db: db) {
            roles.formUnion(context.grants[ancestorID] ?? [])
        }
        return roles
    }

    /// Refuses unless module `moduleID` is enabled for `office`.
    /// - Throws: ``LvzhiError`` `moduleDisabled` (模块未启用) naming module and office.
    public static func requireEnabled(_ moduleID: String, in office: Office, db: Database) throws {
        let enabled = try Bool.fetchOne(db, sql: "SELECT enabled FROM office_modules WHERE office_id = ? AND module_id = ?",
                                        arguments: [office.id, moduleID]) ?? false
        if !enabled {
            throw LvzhiError(.moduleDisabled, "模块未启用：「\(moduleID)」在「\(office.name)」未启用",
                             hint: "管理员可执行 lvzhi modules enable \(moduleID) --office \(office.code)")
        }
    }
}
