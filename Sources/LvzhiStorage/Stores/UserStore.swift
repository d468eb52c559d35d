import GRDB
import LvzhiCore

/// A user with his grants, as listings show him.
public struct UserSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var isSuperuser: Bool
    /// `office-code:role` for each grant.
    public var roles: [String]
}

/// Users and their roles per office.
public struct UserStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// The name of the superuser that `lvzhi init` creates.
    public static let bootstrapUsername = "admin"

    /// Creates the superuser `admin` if no user exists yet (run by `lvzhi init` and `lvzhi demo`).
    /// - Returns: whether it was created.
    @discardableResult
    public static func bootstrap(host: LvzhiHost) throws -> Bool {
        let system = AccessContext(user: User(id: nil, username: "system", displayName: "系统", isSuperuser: true, createdAt: ""), grants: [:])
        return try host.write(as: system) { tx in
            guard try User.fetchCount(tx.db) == 0 else { return false }
            var admin = User(username: bootstrapUsername, displayName: "系统管理员", isSuperuser: true, createdAt: Timestamp.now())
            try tx.insert(&admin)
            return true
        }
    }

    /// Adds a user (needs ``CorePermission/userManage`` in `officeCode`, where he gets `role`).
    @discardableResult
    public func add(username: String, displayName: String, officeCode: String, role: Role,
                    memberID: Int64? = nil, handlingUnitName: String? = nil) throws -> User {
        try User.validateUsername(username)
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.userManage, db: tx.db)
            if try User.filter(Column("username").collating(.nocase) == username).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "用户名「\(username)」已被使用")
            }
            if let memberID {
                let member = try Member.find(id: memberID, db: tx.db)
                guard member.officeID == office.id else {
                    throw LvzhiError(.ruleViolation, "委员 ID \(memberID)（\(member.name)）不属于「\(office.name)」")
                }
            }
            let unit = try handlingUnitName.map { try HandlingUnit.find(named: $0, officeID: office.id!, db: tx.db) }
            var user = User(username: username, displayName: displayName, memberID: memberID, handlingUnitID: unit?.id, createdAt: Timestamp.now())
            try tx.insert(&user)
            var grant = RoleGrant(userID: user.id!, officeID: office.id!, role: role, grantedAt: Timestamp.now())
            try tx.insert(&grant)
            return user
        }
    }

    /// Grants `role` in `officeCode` to `username` (and so in every office below it).
    public func grant(username: String, role: Role, officeCode: String) throws {
        try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.userManage, db: tx.db)
            let user = try Self.user(username, db: tx.db)
            if try RoleGrant.filter(Column("user_id") == user.id && Column("office_id") == office.id && Column("role") == role.rawValue).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "用户「\(username)」在「\(office.name)」已有\(role.title)角色")
            }
            var grant = RoleGrant(userID: user.id!, officeID: office.id!, role: role, grantedAt: Timestamp.now())
            try tx.insert(&grant)
        }
    }

    /// Revokes `role` in `officeCode` from `username`.
    public func revoke(username: String, role: Role, officeCode: String) throws {
        try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.userManage, db: tx.db)
            let user = try Self.user(username, db: tx.db)
            guard let grant = try RoleGrant.filter(Column("user_id") == user.id && Column("office_id") == office.id && Column("role") == role.rawValue).fetchOne(tx.db) else {
                throw LvzhiError.notFound("角色授权", "「\(username)」在「\(office.name)」的\(role.title)角色")
            }
            try tx.delete(grant)
        }
    }

    /// Every user with his grants (needs ``CorePermission/userManage`` somewhere, or superuser).
    public func list() throws -> [UserSummary] {
        try host.read { db in
            if !context.user.isSuperuser {
                let offices = try context.grants.keys.map { try Office.find(id: $0, db: db) }
                guard try offices.contains(where: { try AccessGate.allows(context, CorePermission.userManage, in: $0, db: db) }) else {
                    throw LvzhiError(.permissionDenied, "权限不足：用户「\(context.user.username)」没有\(CorePermission.userManage)权限")
                }
            }
            let users = try User.order(Column("id")).fetchAll(db)
            let grants = try Row.fetchAll(db, sql: "SELECT g.user_id, o.code, g.role FROM role_grants g JOIN offices o ON o.id = g.office_id ORDER BY g.id")
            return users.map { user in
                let roles = grants.filter { ($0["user_id"] as Int64) == user.id }.map { row -> String in
                    let role = Role(rawValue: row["role"]) ?? .member
                    return "\(row["code"] as String):\(role.rawValue)"
                }
                return UserSummary(id: user.id!, username: user.username, displayName: user.displayName, isSuperuser: user.isSuperuser, roles: roles)
            }
        }
    }

    static func user(_ username: String, db: Database) throws -> User {
        guard let user = try User.filter(Column("username").collating(.nocase) == username).fetchOne(db) else {
            throw LvzhiError.notFound("用户", username, hint: "用 lvzhi user list 查看已有用户")
        }
        return user
    }
}
