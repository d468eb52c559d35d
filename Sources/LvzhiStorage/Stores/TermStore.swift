import GRDB
import LvzhiCore

/// A term with its plenary sessions, as listings show it.
public struct TermSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var number: Int
    public var label: String
    public var startsOn: String
    public var endsOn: String?
    public var isCurrent: Bool
    public var sessions: [String]
    public var memberCount: Int
}

/// Terms (届) and plenary sessions (次会议) of an office.
public struct TermStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Adds term `number` to the office; when `current` (the default) it becomes the office's current term.
    @discardableResult
    public func add(officeCode: String, number: Int, startsOn: String, endsOn: String? = nil, current: Bool = true) throws -> Term {
        try NumberRange.check(number, in: NumberRange.ordinal, field: "届次")
        let start = try CalendarDate.parse(startsOn, field: "开始日期")
        let end = try endsOn.map { try CalendarDate.parse($0, field: "结束日期") }
        if let end, end < start { throw LvzhiError.invalid("结束日期", end, "早于开始日期 \(start)") }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationManage, db: tx.db)
            if try Term.filter(Column("office_id") == office.id && Column("number") == number).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "「\(office.name)」已有第\(ChineseNumeral.string(number))届")
            }
            if current, let previous = try Term.filter(Column("office_id") == office.id && Column("is_current")).fetchOne(tx.db) {
                var updated = previous
                updated.isCurrent = false
                try tx.update(updated, from: previous)
            }
            var term = Term(officeID: office.id!, number: number, startsOn: start, endsOn: end, isCurrent: current)
            try tx.insert(&term)
            return term
        }
    }

    /// Adds plenary session `number` to a term (the current one when `termNumber` is nil).
    @discardableResult
    public func addSession(officeCode: String, termNumber: Int?, number: Int, opensOn: String, closesOn: String? = nil) throws -> PlenarySession {
        try NumberRange.check(number, in: NumberRange.ordinal, field: "会议次数")
        let opens = try CalendarDate.parse(opensOn, field: "开幕日期")
        let closes = try closesOn.map { try CalendarDate.parse($0, field: "闭幕日期") }
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationManage, db: tx.db)
            let term = try Self.term(office: office, number: termNumber, db: tx.db)
            if try PlenarySession.filter(Column("term_id") == term.id && Column("number") == number).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "\(term.label)已有第\(ChineseNumeral.string(number))次会议")
            }
            var session = PlenarySession(officeID: office.id!, termID: term.id!, number: number, opensOn: opens, closesOn: closes)
            try tx.insert(&session)
            return session
        }
    }

    /// The office's terms, newest first, with their sessions.
    public func list(officeCode: String) throws -> [TermSummary] {
        try host.read { db in try Self.list(officeCode: officeCode, context: context, db: db) }
    }

    /// ``list(officeCode:)`` inside a transaction someone else holds (a script run).
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [TermSummary] {
        let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
        let terms = try Term.filter(Column("office_id") == office.id).order(Column("number").desc).fetchAll(db)
        return try terms.map { term in
            let sessions = try PlenarySession.filter(Column("term_id") == term.id).order(Column("number")).fetchAll(db)
            let count = try Member.filter(Column("term_id") == term.id).fetchCount(db)
            return TermSummary(id: term.id!, number: term.number, label: term.label, startsOn: term.startsOn, endsOn: term.endsOn,
                               isCurrent: term.isCurrent, sessions: sessions.map { "\($0.label(termNumber: term.number))（\($0.opensOn)）" },
                               memberCount: count)
        }
    }

    /// Term `number` of `office`, or its current term when `number` is nil.
    /// - Throws: ``LvzhiError`` `notFound` with a hint to add a term.
    public static func term(office: Office, number: Int?, db: Database) throws -> Term {
        if let number {
            guard let term = try Term.filter(Column("office_id") == office.id && Column("number") == number).fetchOne(db) else {
                throw LvzhiError.notFound("届次", "「\(office.name)」第\(ChineseNumeral.string(number))届",
                                          hint: "用 lvzhi term list --office \(office.code) 查看已有届次")
            }
            return term
        }
        guard let term = try Term.filter(Column("office_id") == office.id && Column("is_current")).fetchOne(db) else {
            throw LvzhiError.notFound("当前届次", office.name, hint: "先执行 lvzhi term add --office \(office.code) 届次 --start 开始日期")
        }
        return term
    }
}
