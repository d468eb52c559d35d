import GRDB
import LvzhiCore
import LvzhiStorage

/// Which proposals a listing, a script or an export wants. Every filter is checked against
/// the office (a unit, term or session that does not exist is an error, not an empty list).
public struct ProposalQuery: Sendable {
    public var status: ProposalStatus?
    /// A status as a person writes it (an id, the office's own name from `status_labels`, or the
    /// system's name), resolved against the office's names when the request is built.
    public var statusName: String?
    public var category: String?
    public var kind: ProposalKind?
    /// A handling unit (by name) that holds the proposal (lead or co-handler, not returned).
    public var unit: String?
    /// The term number (第五届 → 5); nil: any term.
    public var term: Int?
    /// The plenary session number within `term` (or the current term).
    public var session: Int?
    /// The year of submission.
    public var year: Int?
    /// Only proposals with a unit past its due date without a reply.
    public var overdue: Bool
    /// Only key proposals (of `year` when given).
    public var key: Bool
    /// 大会 or 平时.
    public var occasion: String?
    /// Only proposals this member proposed, co-signed or wrote.
    public var memberID: Int64?
    public var excellent: Bool

    public init(status: ProposalStatus? = nil, category: String? = nil, kind: ProposalKind? = nil, unit: String? = nil, term: Int? = nil,
                session: Int? = nil, year: Int? = nil, overdue: Bool = false, key: Bool = false, occasion: String? = nil,
                memberID: Int64? = nil, excellent: Bool = false, statusName: String? = nil) {
        self.statusName = statusName
        self.status = status; self.category = category; self.kind = kind; self.unit = unit; self.term = term; self.session = session
        self.year = year; self.overdue = overdue; self.key = key; self.occasion = occasion; self.memberID = memberID; self.excellent = excellent
    }

    /// The filters as scripts give them (`lvzhi.proposals.list{status = "filed"}`), each with its kind.
    public static let scriptFilters: [ScriptParameter] = [
        .text("status"), .text("category"), .text("kind"), .text("unit"), .integer("term", in: NumberRange.ordinal),
        .integer("session", in: NumberRange.ordinal), .integer("year", in: NumberRange.year), .boolean("overdue"), .boolean("key"),
        .text("occasion"), .id("member"), .boolean("excellent"),
    ]

    /// A query from a script's filter table (checked against ``scriptFilters``).
    public init(script f: ScriptOptions) throws {
        self.init(category: f["category"], kind: try f["kind"].map { try ProposalKind.parse($0, field: "kind") },
                  unit: f["unit"], term: try f.integer("term"), session: try f.integer("session"), year: try f.integer("year"),
                  overdue: try f.flag("overdue") ?? false, key: try f.flag("key") ?? false, occasion: f["occasion"], memberID: try f.id("member"),
                  excellent: try f.flag("excellent") ?? false, statusName: f["status"])
    }

    /// The request for the proposals in `scope` (``ProposalAccess``) matching the query, by id.
    public func request(scope: ProposalAccess.Scope, db: Database) throws -> QueryInterfaceRequest<Proposal> {
        let office = scope.office
        try NumberRange.checkIfGiven(term, in: NumberRange.ordinal, field: "届次")
        try NumberRange.checkIfGiven(session, in: NumberRange.ordinal, field: "会议次数")
        var request = Proposal.aliased(TableAlias(name: "p")).filter(literal: scope.condition(alias: "p"))
        if let statusName {
            let named = try ProposalLabels.of(office, db: db).status(named: statusName)
            request = request.filter(Column("status") == named.rawValue)
        }
        if let status { request = request.filter(Column("status") == status.rawValue) }
        if let category {
            let categories = try ProposalStore.categories(office: office, db: db)
            guard categories.contains(category) else {
                throw LvzhiError.invalid("类别", category, "不是「\(office.name)」的提案类别", hint: "可用类别：\(categories.joined(separator: "、"))")
            }
            request = request.filter(Column("category") == category)
        }
        if let kind { request = request.filter(Column("kind") == kind.rawValue) }
        if let unit {
            let found = try HandlingUnit.find(named: unit, officeID: office.id!, db: db)
            request = request.filter(sql: "id IN (SELECT proposal_id FROM proposal_units WHERE handling_unit_id = ? AND status != 'returned')",
                                     arguments: [found.id])
        }
        if term != nil || session != nil {
            let found = try TermStore.term(office: office, number: term, db: db)
            request = request.filter(Column("term_id") == found.id)
            if let session {
                guard let plenary = try PlenarySession.filter(Column("term_id") == found.id && Column("number") == session).fetchOne(db) else {
                    throw LvzhiError.notFound("全体会议", "\(found.label)第\(session)次会议", hint: "用 lvzhi term list --office \(office.code) 查看")
                }
                request = request.filter(Column("number_scope") == "s\(plenary.id!)")
            }
        }
        if let year {
            try NumberRange.check(year, in: NumberRange.year, field: "年度")
            request = request.filter(key ? Column("key_year") == year : Column("submitted_year") == year)
        }
        if overdue {
            request = request.filter(sql: "id IN (SELECT proposal_id FROM proposal_units WHERE status IN ('assigned', 'accepted') AND due_on < ?)",
                                     arguments: [Timestamp.todayInBeijing()])
        }
        if key { request = request.filter(Column("is_key") == true) }
        if excellent { request = request.filter(Column("is_excellent") == true) }
        if let occasion {
            guard ["大会", "平时"].contains(occasion) else { throw LvzhiError.invalid("大会/平时", occasion, "应为 大会 或 平时") }
            request = request.filter(Column("occasion") == occasion)
        }
        if let memberID {
            request = request.filter(sql: "id IN (SELECT proposal_id FROM proposal_proposers WHERE member_id = ?)", arguments: [memberID])
        }
        return request.order(Column("id"))
    }
}
