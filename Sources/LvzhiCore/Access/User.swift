import GRDB

/// A person who signs in: office staff, a member, an archivist or a handling unit's clerk.
/// What a user may do comes from role grants per office (``RoleGrant``); a superuser
/// (the `admin` created by `lvzhi init`) may do everything everywhere.
public struct User: Hashable, LvzhiRecord {
    public var id: Int64?
    /// The login name, unique: `admin`, `zhangsan`.
    public var username: String
    public var displayName: String
    public var isSuperuser: Bool
    /// The member this account belongs to, for members.
    public var memberID: Int64?
    /// The handling unit this account belongs to, for handling units.
    public var handlingUnitID: Int64?
    public var createdAt: String

    public init(id: Int64? = nil, username: String, displayName: String, isSuperuser: Bool = false,
                memberID: Int64? = nil, handlingUnitID: Int64? = nil, createdAt: String) {
        self.id = id; self.username = username; self.displayName = displayName
        self.isSuperuser = isSuperuser; self.memberID = memberID; self.handlingUnitID = handlingUnitID
        self.createdAt = createdAt
    }

    public static let databaseTableName = "users"
    public static let entityName = "用户"
    public var officeID: Int64? { nil }

    /// Checks the shape of a username: 2–32 ASCII letters, digits, `.`, `_` or `-`.
    public static func validateUsername(_ name: String) throws {
        let ok = (2...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        if !ok { throw LvzhiError.invalid("用户名", name, "只能由 2–32 个英文字母、数字或 . _ - 组成") }
    }
}

/// A role held by a user in an office (and, by inheritance, in the offices below it).
public struct RoleGrant: Hashable, LvzhiRecord {
    public var id: Int64?
    public var userID: Int64
    public var officeID: Int64?
    public var role: Role
    public var grantedAt: String

    public init(id: Int64? = nil, userID: Int64, officeID: Int64, role: Role, grantedAt: String) {
        self.id = id; self.userID = userID; self.officeID = officeID; self.role = role; self.grantedAt = grantedAt
    }

    public static let databaseTableName = "role_grants"
    public static let entityName = "角色授权"
}
