import GRDB
import LvzhiCore

/// Who is acting: a user and the roles he holds, office by office.
///
/// Every operation of a store takes a context and asks the ``AccessGate`` before it reads or
/// writes; the CLI, Lua scripts and (later) HTTP all build one the same way.
public struct AccessContext: Sendable {
    public let user: User
    /// Roles granted directly, by office id. Inheritance down the office tree is resolved by the gate.
    public let grants: [Int64: Set<Role>]

    public init(user: User, grants: [Int64: Set<Role>]) {
        self.user = user
        self.grants = grants
    }

    /// Loads the user named `username` and his role grants.
    /// - Throws: ``LvzhiError`` `notFound` when there is no such user.
    public static func load(username: String, db: Database) throws -> AccessContext {
        guard let user = try User.filter(Column("username").collating(.nocase) == username).fetchOne(db) else {
            throw LvzhiError.notFound("用户", username, hint: "用 --as 或环境变量 LVZHI_USER 指定已有的用户；管理员可执行 lvzhi user add 添加用户")
        }
        var grants: [Int64: Set<Role>] = [:]
        for grant in try RoleGrant.filter(Column("user_id") == user.id!).fetchAll(db) {
            grants[grant.officeID!, default: []].insert(grant.role)
        }
        return AccessContext(user: user, grants: grants)
    }
}
