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

    /// The SELECT that produces views; callers add WHERE and ORDER clauses.
    static let selectSQL = """
        SELECT m.*, o.code AS office_code, t.number AS term_number, s.name AS sector_name, g.name AS group_name,
               c.name AS committee_name
        FROM members m
        JOIN offices o ON o.id = m.office_id
        JOIN terms t ON t.id = m.term_id
        JOIN sectors s ON s.id = m.sector_id
        LEFT JOIN activity_groups g ON g.id = m.group_id
        LEFT JOIN committees c ON c.id = COALESCE(m.drawn_committee_id, g.committee_id)
        """

    /// The view of a row of ``selectSQL``, read column by column (a script's `members.each` reads
    /// thousands): the same values as decoding the row as a ``Member`` first (a test keeps them equal).
    init(row: Row, showContact: Bool) throws {
        id = row["id"]
        office = row["office_code"]
        term = "第\(ChineseNumeral.string(row["term_number"]))届"
        name = row["name"]; gender = row["gender"]; ethnicity = row["ethnicity"]; birthDate = row["birth_date"]
        sector = row["sector_name"]; group = row["group_name"]; committee = row["committee_name"]
        drawn = (row["drawn_committee_id"] as Int64?) != nil
        party = row["party"]
        let rolesText: String = row["roles"]
        guard let roles = JSONObjectText.strings(in: rolesText) else {
            throw LvzhiError(.storage, "数据库中委员 ID \(id) 的职务数据无法读取：\(rolesText.prefix(80))", hint: "该数据不是由 lvzhi 写入的；请检查数据库文件")
        }
        self.roles = roles
        if showContact { mobile = row["mobile"]; email = row["email"]; address = row["address"] }
    }
}
