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
    /// The one office whose records this context may read and write, when it is limited to one
    /// (a script run for `--office`); nil: wherever the roles reach. ``AccessGate`` enforces it.
    public let officeScope: Office?

    public init(user: User, grants: [Int64: Set<Role>], officeScope: Office? = nil) {
        self.user = user
        self.grants = grants
        self.officeScope = officeScope
    }

    /// The same user and roles, limited to the records of `office`.
    public func scoped(to office: Office) -> AccessContext {
        AccessContext(user: user, grants: grants, officeScope: office)
    }

    /// Whether records of `office` are within this context's office scope.
    public func isInScope(_ office: Office) -> Bool {
        officeScope.map { $0.id == office.id } ?? true
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
