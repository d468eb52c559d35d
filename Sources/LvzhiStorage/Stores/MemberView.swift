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

    /// The columns ``init(row:names:showContact:)`` reads, in its order (`m` is `members`).
    static let columns = "m.id, m.office_id, m.term_id, m.name, m.gender, m.ethnicity, m.birth_date, m.sector_id, m.group_id, "
        + "m.drawn_committee_id, m.party, m.roles, m.mobile, m.email, m.address"

    /// The view of a row of ``columns``, read by position with the office's names at hand (a
    /// script's `members.each` reads thousands, and the five tables the names come from hold a few
    /// dozen rows): the same values as decoding the row as a ``Member`` first (a test keeps them equal).
    init(row: Row, names: MemberNames, showContact: Bool) throws {
        id = row[0]
        office = names.officeCode
        term = names.terms[row[2]] ?? ""
        name = row[3]; gender = row[4]; ethnicity = row[5]; birthDate = row[6]
        sector = names.sectors[row[7]] ?? ""
        let groupID: Int64? = row[8], drawnID: Int64? = row[9]
        group = groupID.flatMap { names.groups[$0]?.name }
        committee = (drawnID ?? groupID.flatMap { names.groups[$0]?.committeeID }).flatMap { names.committees[$0] }
        drawn = drawnID != nil
        party = row[10]
        let rolesText: String = row[11]
        guard let roles = JSONObjectText.strings(in: rolesText) else {
            throw LvzhiError(.storage, "数据库中委员 ID \(id) 的职务数据无法读取：\(rolesText.prefix(80))", hint: "该数据不是由 lvzhi 写入的；请检查数据库文件")
        }
        self.roles = roles
        if showContact { mobile = row[12]; email = row[13]; address = row[14] }
    }
}

/// The members a roster query found, as rows of ``MemberView/columns``, with what turns a row
/// into a view: the office's names and whether the reader may see contact details. `MemberStore`
/// makes it after the access checks; `cursor` maps it to views, a script's stream pushes its
/// rows into Lua directly (the same fields, tested equal).
public struct MemberRows {
    /// The prepared query; its current row is the cursor's.
    public let statement: Statement
    public let cursor: RowCursor
    public let names: MemberNames
    public let showContact: Bool

    /// The view of `row`, a row of ``cursor``.
    public func view(_ row: Row) throws -> MemberView { try MemberView(row: row, names: names, showContact: showContact) }
}

/// The names a member view shows instead of ids, read once per office: its code, its terms
/// (第五届), sectors, activity groups (with the committee each is linked to) and committees.
public struct MemberNames {
    public let officeCode: String
    /// 第五届 … by term id.
    public let terms: [Int64: String]
    public let sectors: [Int64: String]
    /// Each group's name and the committee it is linked to.
    public let groups: [Int64: (name: String, committeeID: Int64?)]
    public let committees: [Int64: String]

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
