import GRDB
import LvzhiCore
import LvzhiStorage

/// A row of the accession register (接收登记簿).
public struct AccessionRegisterRow: Codable, Sendable, Hashable {
    public var number: String
    public var receivedOn: String
    public var title: String
    public var acquisition: String
    public var sources: String
    public var sanqin: String?
    public var extent: String?
    public var processing: String
    public var restrictions: String
    public var units: Int
    public var deaccessioned: String?
}

/// A restriction that ends soon (限制即将到期).
public struct RestrictionEnding: Codable, Sendable, Hashable {
    public var number: String
    public var title: String
    /// 开放限制 or 使用限制.
    public var kind: String
    public var note: String?
    public var endsOn: String
    public var daysLeft: Int
}

/// What one member has given the archive (feeds the duty record).
public struct MemberContribution: Codable, Sendable, Hashable {
    public var memberID: Int64
    public var member: String
    public var accessions: Int
    public var narrated: Int
    public var submissions: Int
    public var accepted: Int
}

/// How many descriptions are kept where (馆藏分布).
public struct LocationHolding: Codable, Sendable, Hashable {
    public var location: String
    public var fonds: Int
    public var series: Int
    public var files: Int
    public var items: Int
    public var total: Int
}

/// The archive's reports for archivists.
public enum ArchiveReports {
    /// The accession register of `year` (all years when nil).
    public static func register(office: Office, year: Int?, context: AccessContext, db: Database) throws -> [AccessionRegisterRow] {
        let today = Timestamp.todayInBeijing()
        try NumberRange.checkIfGiven(year, in: NumberRange.year, field: "年度")
        return try AccessionStore.list(officeCode: office.code, year: year, context: context, db: db).map { a in
            let sources = try AgentStore.links(accessionID: a.id, db: db).filter { $0.role == .source }.map(\.agent.name).joined(separator: "、")
            var restrictions: [String] = []
            if a.accessIsRestricted(on: today) { restrictions.append("限制开放" + (a.accessEndsOn.map { "至\($0)" } ?? "")) }
            if a.useIsRestricted(on: today) { restrictions.append("限制使用" + (a.useEndsOn.map { "至\($0)" } ?? "")) }
            return AccessionRegisterRow(number: a.number, receivedOn: a.receivedOn, title: a.title, acquisition: a.acquisition, sources: sources,
                                        sanqin: a.sanqin, extent: a.extent,
                                        processing: a.deaccessionedOn.map { "已注销（\($0)）" } ?? a.processingStatus.title,
                                        restrictions: restrictions.joined(separator: "；"),
                                        units: try DescriptionUnit.filter(Column("accession_id") == a.id).fetchCount(db),
                                        deaccessioned: a.deaccessionedOn)
        }
    }

    /// Accessions not yet fully processed, oldest first (整理积压).
    public static func backlog(office: Office, context: AccessContext, db: Database) throws -> [AccessionRegisterRow] {
        try register(office: office, year: nil, context: context, db: db)
            .filter { $0.processing != ProcessingStatus.processed.title && $0.deaccessioned == nil }
            .sorted { $0.receivedOn < $1.receivedOn }
    }

    /// Restrictions that end within `days` (the office's setting when nil), soonest first.
    public static func restrictionsEnding(office: Office, within days: Int?, context: AccessContext, db: Database) throws -> [RestrictionEnding] {
        let days = try days ?? ModuleSettings.read(ArchivePlugin.manifest, officeID: office.id!, db: db).integer(ArchivePlugin.Setting.restrictionWarningDays.key)
        try NumberRange.check(days, in: NumberRange.days, field: "天数", hint: "如 --within 90 列出 90 天内到期的限制")
        let today = Timestamp.todayInBeijing()
        let limit = CalendarDate.adding(days: days, to: today)
        var rows: [RestrictionEnding] = []
        for a in try AccessionStore.list(officeCode: office.code, context: context, db: db) where a.deaccessionedOn == nil {
            if a.accessRestricted, let end = a.accessEndsOn, end > today, end <= limit {
                rows.append(RestrictionEnding(number: a.number, title: a.title, kind: "开放限制", note: a.accessNote, endsOn: end,
                                              daysLeft: CalendarDate.days(from: today, to: end)))
            }
            if a.useRestricted, let end = a.useEndsOn, end > today, end <= limit {
                rows.append(RestrictionEnding(number: a.number, title: a.title, kind: "使用限制", note: a.useNote, endsOn: end,
                                              daysLeft: CalendarDate.days(from: today, to: end)))
            }
        }
        return rows.sorted { ($0.endsOn, $0.number) < ($1.endsOn, $1.number) }
    }

    /// Per member: accessions given, oral histories narrated, submissions made and accepted.
    public static func members(office: Office, year: Int?, context: AccessContext, db: Database) throws -> [MemberContribution] {
        try AccessGate.authorize(context, ArchivePlugin.read, in: office, db: db)
        try NumberRange.checkIfGiven(year, in: NumberRange.year, field: "年度")
        let yearClause = year.map { " AND substr(x.day, 1, 4) = '\($0)'" } ?? ""
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.name,
              (SELECT COUNT(DISTINCT l.accession_id) FROM archive_agent_links l JOIN archive_agents g ON g.id = l.agent_id
               JOIN (SELECT id, received_on AS day FROM archive_accessions) x ON x.id = l.accession_id
               WHERE g.member_id = m.id AND l.role = 'source'\(yearClause)) AS accessions,
              (SELECT COUNT(*) FROM (SELECT member_id, occurred_on AS day FROM duty_records WHERE kind = 'archive.narrated') x
               WHERE x.member_id = m.id\(yearClause)) AS narrated,
              (SELECT COUNT(*) FROM (SELECT member_id, status, substr(submitted_at, 1, 10) AS day FROM archive_submissions) x
               WHERE x.member_id = m.id\(yearClause)) AS submissions,
              (SELECT COUNT(*) FROM (SELECT member_id, status, substr(submitted_at, 1, 10) AS day FROM archive_submissions) x
               WHERE x.member_id = m.id AND x.status = 'accepted'\(yearClause)) AS accepted
            FROM members m WHERE m.office_id = ?
            ORDER BY m.id
            """, arguments: [office.id])
        return rows.map { MemberContribution(memberID: $0["id"], member: $0["name"], accessions: $0["accessions"], narrated: $0["narrated"],
                                             submissions: $0["submissions"], accepted: $0["accepted"]) }
            .filter { $0.accessions + $0.narrated + $0.submissions > 0 }
    }

    /// The descriptions `context` may see, by where their originals are kept.
    public static func locations(office: Office, context: AccessContext, db: Database) throws -> [LocationHolding] {
        let units = try DescriptionStore.list(officeCode: office.code, context: context, db: db)
        return Dictionary(grouping: units) { $0.originalLocation ?? "（未登记）" }.map { location, units in
            let count = { (level: DescriptionLevel) in units.filter { $0.level == level }.count }
            return LocationHolding(location: location, fonds: count(.fonds), series: count(.series), files: count(.file), items: count(.item), total: units.count)
        }.sorted { $0.location < $1.location }
    }
}
