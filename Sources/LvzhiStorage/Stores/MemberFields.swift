import GRDB
import LvzhiCore

/// A member as typed on the command line or read from a roster row: raw text, not yet checked.
public struct MemberInput: Sendable, Hashable {
    public var name: String
    public var gender: String
    public var ethnicity: String?
    public var birthDate: String?
    public var sector: String
    public var group: String?
    public var party: String?
    public var roles: String?
    public var mobile: String?
    public var email: String?
    public var address: String?

    public init(name: String, gender: String, ethnicity: String? = nil, birthDate: String? = nil, sector: String,
                group: String? = nil, party: String? = nil, roles: String? = nil, mobile: String? = nil,
                email: String? = nil, address: String? = nil) {
        self.name = name; self.gender = gender; self.ethnicity = ethnicity; self.birthDate = birthDate
        self.sector = sector; self.group = group; self.party = party; self.roles = roles
        self.mobile = mobile; self.email = email; self.address = address
    }
}

/// One problem with one field of a member, e.g. 出生日期「1970-02-30」无效：不存在的日期.
public struct MemberFieldIssue: Sendable, Hashable {
    public var field: String
    public var value: String
    public var message: String
}

/// Checks member input against an office's sectors and groups and turns it into a ``Member``.
/// The same rules serve `member add` and every row of `member import`.
struct MemberValidator {
    let office: Office
    let term: Term
    let sectors: [String: Sector]
    let groups: [String: ActivityGroup]
    let groupsByID: [Int64: ActivityGroup]
    /// When the members it makes are registered: the instant the validator was made (one import, one instant).
    let createdAt = Timestamp.now()

    init(office: Office, term: Term, db: Database) throws {
        self.office = office
        self.term = term
        let sectorList = try Sector.filter(Column("office_id") == office.id).fetchAll(db)
        let groupList = try ActivityGroup.filter(Column("office_id") == office.id).fetchAll(db)
        sectors = Dictionary(sectorList.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        groups = Dictionary(groupList.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        groupsByID = Dictionary(groupList.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The member, or every problem found (all fields are checked, not just the first).
    func validate(_ input: MemberInput) -> Result<Member, IssueList> {
        var issues: [MemberFieldIssue] = []
        func check<T>(_ field: String, _ value: String, _ parse: (String) throws -> T) -> T? {
            do { return try parse(value) } catch let error as LvzhiError {
                issues.append(MemberFieldIssue(field: field, value: value, message: error.message))
            } catch {
                issues.append(MemberFieldIssue(field: field, value: value, message: "\(field)「\(value.quotedForMessage)」无效"))
            }
            return nil
        }
        func present(_ s: String?) -> String? {
            guard let t = s?.trimmed, !t.isEmpty else { return nil }
            return t
        }
        let name = input.name.trimmed
        if name.isEmpty { issues.append(MemberFieldIssue(field: "姓名", value: "", message: "姓名不能为空")) }
        let gender = check("性别", input.gender) { try Gender.parse($0) }
        let ethnicity = present(input.ethnicity).flatMap { v in check("民族", v) { try Ethnicity.parse($0) } }
        let birth = present(input.birthDate).flatMap { v in check("出生日期", v) { try CalendarDate.parse($0, field: "出生日期", years: CalendarDate.birthYears) } }
        let party = present(input.party).flatMap { v in check("党派", v) { try PartyAffiliation.parse($0) } }
        let roles = present(input.roles).flatMap { v in check("职务", v) { try MemberRole.parse($0) } } ?? []
        let mobile = present(input.mobile).flatMap { v in check("手机", v) { try MobileNumber.parse($0) } }
        let sectorName = input.sector.trimmed
        let sector = sectors[sectorName]
        if sector == nil {
            let known = sectors.values.sorted { $0.id! < $1.id! }.map(\.name).joined(separator: "、")
            issues.append(MemberFieldIssue(field: "界别", value: sectorName,
                                           message: sectorName.isEmpty ? "界别不能为空" : "界别「\(sectorName)」不是「\(office.name)」已登记的界别（已有：\(known)）"))
        }
        var groupID = sector?.groupID
        if let groupName = present(input.group) {
            if let group = groups[groupName] { groupID = group.id } else {
                issues.append(MemberFieldIssue(field: "界别活动组", value: groupName, message: "界别活动组「\(groupName)」不存在"))
            }
        }
        guard issues.isEmpty, let gender, let sector else { return .failure(IssueList(issues: issues)) }
        return .success(Member(officeID: office.id!, termID: term.id!, name: name, gender: gender, ethnicity: ethnicity,
                               birthDate: birth, sectorID: sector.id!, groupID: groupID, party: party, roles: roles,
                               mobile: mobile, email: present(input.email), address: present(input.address),
                               createdAt: createdAt))
    }

    /// The problems of one member, as an `Error` for `Result`.
    struct IssueList: Error { var issues: [MemberFieldIssue] }
}
