import Foundation

import GRDB

/// A member (委员) of an office in one term.
///
/// Identity is the `id`, never the name: a roster of 300 commonly holds a dozen or more
/// pairs of members with the same name. Contact details (`mobile`, `email`, `address`) are
/// sensitive: only users with ``CorePermission/memberContactRead`` see them.
public struct Member: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var termID: Int64
    public var name: String
    /// 男 or 女.
    public var gender: String
    /// One of the 56 recognised ethnic groups, e.g. 汉族, 蒙古族; `nil` if not recorded.
    public var ethnicity: String?
    /// `YYYY-MM-DD`, if recorded.
    public var birthDate: String?
    public var sectorID: Int64
    /// The activity group; under 全员入委 it decides the member's committee.
    public var groupID: Int64?
    /// Set when the proposals committee or the culture-history-study committee has drawn this
    /// member from another group; the member then belongs to that committee alone.
    public var drawnCommitteeID: Int64?
    /// Party affiliation in its usual short form: 中共党员, 民盟, 无党派人士, 群众 …
    public var party: String?
    /// Roles held: 常委, 召集人, 主席 …
    public var roles: [String]
    public var mobile: String?
    public var email: String?
    public var address: String?
    public var createdAt: String

    public init(id: Int64? = nil, officeID: Int64, termID: Int64, name: String, gender: String,
                ethnicity: String? = nil, birthDate: String? = nil, sectorID: Int64, groupID: Int64? = nil,
                drawnCommitteeID: Int64? = nil, party: String? = nil, roles: [String] = [],
                mobile: String? = nil, email: String? = nil, address: String? = nil, createdAt: String) {
        self.id = id; self.officeID = officeID; self.termID = termID; self.name = name
        self.gender = gender; self.ethnicity = ethnicity; self.birthDate = birthDate
        self.sectorID = sectorID; self.groupID = groupID; self.drawnCommitteeID = drawnCommitteeID
        self.party = party; self.roles = roles; self.mobile = mobile; self.email = email
        self.address = address; self.createdAt = createdAt
    }

    public static let databaseTableName = "members"
    public static let entityName = "委员"

    /// The same member with contact details removed, for users who may not see them.
    public var withoutContactDetails: Member {
        var copy = self
        copy.mobile = nil; copy.email = nil; copy.address = nil
        return copy
    }
}

/// The roles a member can hold, in the order they are listed.
public enum MemberRole {
    /// Every role the platform recognises.
    public static let all = ["主席", "副主席", "秘书长", "常委", "召集人", "副召集人"]

    /// Splits a 职务 cell (「常委、召集人」, 「常委,召集人」, 「常委 召集人」) into known roles.
    /// - Throws: ``LvzhiError`` naming the first unknown role.
    public static func parse(_ text: String) throws -> [String] {
        let separators: Set<Character> = ["、", ",", "，", ";", "；", " ", "/", "　"]
        let parts = text.split(whereSeparator: { separators.contains($0) }).map(String.init).filter { !$0.isEmpty }
        var roles: [String] = []
        for part in parts {
            let role = part == "常务委员" ? "常委" : part
            if role == "委员" { continue }
            guard all.contains(role) else {
                throw LvzhiError.invalid("职务", part, "不是可识别的职务", hint: "可用职务：\(all.joined(separator: "、"))（多个职务用顿号分隔）")
            }
            if !roles.contains(role) { roles.append(role) }
        }
        return roles
    }
}
