import GRDB
import LvzhiCore

/// Filters for listing members; every field is optional.
public struct MemberFilter: Sendable {
    public var name: String?
    public var sector: String?
    public var group: String?
    /// A committee code: members of that committee under 全员入委.
    public var committee: String?
    public var role: String?
    public init(name: String? = nil, sector: String? = nil, group: String? = nil, committee: String? = nil, role: String? = nil) {
        self.name = name; self.sector = sector; self.group = group; self.committee = committee; self.role = role
    }
}

/// The roster: adds, lists and shows members. Imports live in ``RosterImport``.
public struct MemberStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Registers one member in the office's current term (or term `termNumber`).
    /// - Throws: ``LvzhiError`` listing every problem with the input.
    @discardableResult
    public func add(officeCode: String, _ input: MemberInput, termNumber: Int? = nil) throws -> Member {
        try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.memberWrite, db: tx.db)
            let term = try TermStore.term(office: office, number: termNumber, db: tx.db)
            let validator = try MemberValidator(office: office, term: term, db: tx.db)
            switch validator.validate(input) {
            case .failure(let list):
                let first = list.issues[0]
                throw LvzhiError(.invalidInput, list.issues.count == 1 ? first.message : "委员信息有 \(list.issues.count) 处错误",
                                 details: list.issues.count == 1 ? [] : list.issues.map(\.message))
            case .success(var member):
                try tx.insert(&member)
                tx.emit(DomainEvent(name: "member.added", officeID: office.id, entity: Member.databaseTableName, entityID: member.id))
                return member
            }
        }
    }

    /// The office's members matching `filter`, ordered by id. Contact details only for administrators.
    public func list(officeCode: String, filter: MemberFilter = MemberFilter()) throws -> [MemberView] {
        try host.read { db in
            let office = try Office.authorized(code: officeCode, context, CorePermission.memberRead, db: db)
            let showContact = try AccessGate.allows(context, CorePermission.memberContactRead, in: office, db: db)
            var clauses = ["m.office_id = ?"]
            var arguments: [any DatabaseValueConvertible] = [office.id!]
            if let name = filter.name { clauses.append("m.name LIKE ?"); arguments.append("%\(name)%") }
            if let sector = filter.sector {
                let s = try Sector.find(named: sector, officeID: office.id!, db: db)
                clauses.append("m.sector_id = ?"); arguments.append(s.id!)
            }
            if let group = filter.group {
                let g = try ActivityGroup.find(named: group, officeID: office.id!, db: db)
                clauses.append("m.group_id = ?"); arguments.append(g.id!)
            }
            if let committee = filter.committee {
                let c = try Committee.find(named: committee, officeID: office.id!, db: db, column: "code")
                clauses.append("c.id = ?"); arguments.append(c.id!)
            }
            if let role = filter.role {
                clauses.append("EXISTS (SELECT 1 FROM json_each(m.roles) WHERE value = ?)"); arguments.append(role)
            }
            let sql = MemberView.selectSQL + " WHERE " + clauses.joined(separator: " AND ") + " ORDER BY m.id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                try MemberView(row: $0, showContact: showContact)
            }
        }
    }

    /// One member by id, if the user may read the roster of his office.
    public func show(id: Int64) throws -> MemberView {
        try host.read { db in
            guard let row = try Row.fetchOne(db, sql: MemberView.selectSQL + " WHERE m.id = ?", arguments: [id]) else {
                throw LvzhiError.notFound("委员", "ID \(id)", hint: "用 lvzhi member list --office 代码 查看委员及其 ID")
            }
            let office = try Office.find(id: row["office_id"], db: db)
            try AccessGate.authorize(context, CorePermission.memberRead, in: office, db: db)
            let showContact = try AccessGate.allows(context, CorePermission.memberContactRead, in: office, db: db)
            return try MemberView(row: row, showContact: showContact)
        }
    }
}
