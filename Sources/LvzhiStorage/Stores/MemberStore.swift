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
///
/// The instance methods open their own transaction; the static ones work inside a
/// transaction someone else holds (a Lua script run is one transaction).
public struct MemberStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Registers one member in the office's current term (or term `termNumber`).
    /// - Throws: ``LvzhiError`` listing every problem with the input.
    @discardableResult
    public func add(officeCode: String, _ input: MemberInput, termNumber: Int? = nil) throws -> Member {
        try host.write(as: context) { tx in try Self.add(officeCode: officeCode, input, termNumber: termNumber, tx: tx) }
    }

    /// The office's members matching `filter`, ordered by id. Contact details only for administrators.
    public func list(officeCode: String, filter: MemberFilter = MemberFilter()) throws -> [MemberView] {
        try host.read { db in try Array(Self.cursor(officeCode: officeCode, filter: filter, context: context, db: db)) }
    }

    /// One member by id, if the user may read the roster of his office.
    public func show(id: Int64) throws -> MemberView {
        try host.read { db in try Self.view(id: id, context: context, db: db) }
    }

    // MARK: - Inside a transaction

    /// ``add(officeCode:_:termNumber:)`` inside the transaction `tx`.
    public static func add(officeCode: String, _ input: MemberInput, termNumber: Int? = nil, tx: AuditedTransaction) throws -> Member {
        let office = try Office.authorized(code: officeCode, tx.context, CorePermission.memberWrite, db: tx.db)
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

    /// The office's members matching `filter`, one at a time (nothing is loaded ahead).
    public static func cursor(officeCode: String, filter: MemberFilter, context: AccessContext, db: Database) throws -> some Cursor<MemberView> {
        let rows = try rows(officeCode: officeCode, filter: filter, context: context, db: db)
        return rows.cursor.map { try rows.view($0) }
    }

    /// The rows behind ``cursor(officeCode:filter:context:db:)``, after the same checks, for a
    /// reader that turns them into something else than views (a script's direct stream).
    public static func rows(officeCode: String, filter: MemberFilter, context: AccessContext, db: Database) throws -> MemberRows {
        let (office, sql, arguments, showContact) = try query(officeCode: officeCode, filter: filter, context: context, db: db)
        let statement = try db.makeStatement(sql: "SELECT \(MemberView.columns) FROM members m WHERE " + sql + " ORDER BY m.id")
        return MemberRows(statement: statement, cursor: try Row.fetchCursor(statement, arguments: arguments),
                          names: try MemberNames(office: office, db: db), showContact: showContact)
    }

    /// How many members match `filter`.
    public static func count(officeCode: String, filter: MemberFilter, context: AccessContext, db: Database) throws -> Int {
        let (_, sql, arguments, _) = try query(officeCode: officeCode, filter: filter, context: context, db: db)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM members m WHERE " + sql, arguments: arguments) ?? 0
    }

    /// One member by id, with contact details only for administrators.
    public static func view(id: Int64, context: AccessContext, db: Database) throws -> MemberView {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(MemberView.columns) FROM members m WHERE m.id = ?", arguments: [id]) else {
            throw LvzhiError.notFound("委员", "ID \(id)", hint: "用 lvzhi member list --office 代码 查看委员及其 ID")
        }
        let office = try Office.find(id: row[1], db: db)
        try AccessGate.authorize(context, CorePermission.memberRead, in: office, db: db)
        let showContact = try AccessGate.allows(context, CorePermission.memberContactRead, in: office, db: db)
        return try MemberView(row: row, names: try MemberNames(office: office, db: db), showContact: showContact)
    }

    /// The WHERE clause and arguments for `filter`, after checking the user may read the roster.
    private static func query(officeCode: String, filter: MemberFilter, context: AccessContext, db: Database)
        throws -> (Office, String, StatementArguments, Bool) {
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
            // 全员入委: the drawing committee, else the group's.
            clauses.append("COALESCE(m.drawn_committee_id, (SELECT g.committee_id FROM activity_groups g WHERE g.id = m.group_id)) = ?")
            arguments.append(c.id!)
        }
        if let role = filter.role {
            clauses.append("EXISTS (SELECT 1 FROM json_each(m.roles) WHERE value = ?)"); arguments.append(role)
        }
        return (office, clauses.joined(separator: " AND "), StatementArguments(arguments), showContact)
    }
}
