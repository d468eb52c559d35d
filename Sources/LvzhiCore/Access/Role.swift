/// A role a user holds in an office. A role granted in an office also holds in every office
/// below it in the tree (a city administrator administers the districts too).
public enum Role: String, Codable, CaseIterable, Sendable, Hashable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        switch self {
        case .administrator: ["admin"]
        case .archivist: ["文史工作者", "档案员"]
        default: []
        }
    }

    /// 管理员: keeps the rosters, enables modules, manages users, reads the audit trail.
    case administrator
    /// 工作人员: committee and office staff who run the daily work.
    case staff
    /// 文史工作人员: manages the literary-historical archive.
    case archivist
    /// 委员: a member of the CPPCC.
    case member
    /// 承办单位: a handling unit's account, replies to proposals.
    case handlingUnit = "handling_unit"

    /// The Chinese name shown to users.
    public var title: String {
        switch self {
        case .administrator: "管理员"
        case .staff: "工作人员"
        case .archivist: "文史工作人员"
        case .member: "委员"
        case .handlingUnit: "承办单位"
        }
    }

    /// Parses an English id (`administrator`) or a Chinese title (管理员).
    /// - Throws: ``LvzhiError`` naming the value and listing the roles.
    public static func parse(_ text: String) throws -> Role {
        if let role = named(text) { return role }
        let list = Role.allCases.map { "\($0.rawValue)（\($0.title)）" }.joined(separator: "、")
        throw LvzhiError.invalid("角色", text, "不是可识别的角色", hint: "可用角色：\(list)")
    }
}
