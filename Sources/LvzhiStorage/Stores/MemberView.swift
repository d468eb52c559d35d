import GRDB
import LvzhiCore

/// A member as people read him: names instead of ids, the committee that 全员入委 gives him,
/// and contact details only for users allowed to see them.
public struct MemberView: Codable, Sendable, Hashable {
    public var id: Int64
    public var office: String
    public var term: String
    public var name: String
    public var gender: String
    public var ethnicity: String?
    public var birthDate: String?
    public var sector: String
    public var group: String?
    /// The member's committee (derived: the drawing committee, else his group's); nil when his group is linked to the office.
    public var committee: String?
    /// Whether he was drawn into his committee from another group.
    public var drawn: Bool
    public var party: String?
    public var roles: [String]
    public var mobile: String?
    public var email: String?
    public var address: String?

    /// The view of a row of `members`, read column by column with the office's names at hand (a
    /// script's `members.each` reads thousands, and the five tables the names come from hold a few
    /// dozen rows): the same values as decoding the row as a ``Member`` first (a test keeps them equal).
    init(row: Row, names: MemberNames, showContact: Bool) throws {
        id = row["id"]
        office = names.officeCode
        term = names.terms[row["term_id"]] ?? ""
        name = row["name"]; gender = row["gender"]; ethnicity = row["ethnicity"]; birthDate = row["birth_date"]
        let groupID: Int64? = row["group_id"], drawnID: Int64? = row["drawn_committee_id"]
        sector = names.sectors[row["sector_id"]] ?? ""
        group = groupID.flatMap { names.groups[$0]?.name }
        committee = (drawnID ?? groupID.flatMap { names.groups[$0]?.committeeID }).flatMap { names.committees[$0] }
        drawn = drawnID != nil
        party = row["party"]
        let rolesText: String = row["roles"]
        guard let roles = JSONObjectText.strings(in: rolesText) else {
            throw LvzhiError(.storage, "数据库中委员 ID \(id) 的职务数据无法读取：\(rolesText.prefix(80))", hint: "该数据不是由 lvzhi 写入的；请检查数据库文件")
        }
        self.roles = roles
        if showContact { mobile = row["mobile"]; email = row["email"]; address = row["address"] }
    }
}

/// The names a member view shows instead of ids, read once per office: its code, its terms
/// (第五届), sectors, activity groups (with the committee each is linked to) and committees.
struct MemberNames {
    let officeCode: String
    let terms: [Int64: String]
    let sectors: [Int64: String]
    let groups: [Int64: (name: String, committeeID: Int64?)]
    let committees: [Int64: String]

    init(office: Office, db: Database) throws {
        officeCode = office.code
        func names(_ sql: String) throws -> [Int64: String] {
            try Row.fetchAll(db, sql: sql, arguments: [office.id]).reduce(into: [:]) { $0[$1[0] as Int64] = $1[1] as String }
        }
        terms = try Row.fetchAll(db, sql: "SELECT id, number FROM terms WHERE office_id = ?", arguments: [office.id])
            .reduce(into: [:]) { $0[$1[0] as Int64] = "第\(ChineseNumeral.string($1[1]))届" }
        sectors = try names("SELECT id, name FROM sectors WHERE office_id = ?")
        committees = try names("SELECT id, name FROM committees WHERE office_id = ?")
        groups = try Row.fetchAll(db, sql: "SELECT id, name, committee_id FROM activity_groups WHERE office_id = ?", arguments: [office.id])
            .reduce(into: [:]) { $0[$1[0] as Int64] = ($1[1] as String, $1[2] as Int64?) }
    }
}
