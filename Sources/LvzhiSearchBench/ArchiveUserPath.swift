import Archive
import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// The search as users run it (`lvzhi archive search`, `lvzhi.archive.search`): an archive
/// (the archive module on a host database) holding the generated documents as units, about a
/// fifth of them hidden from members (classified, closed, or under an access restriction), and
/// the ways of answering one query that the bench compares:
/// - the bare FTS5 `MATCH` of the same expression with the same weights and limit, on the same
///   table (`archive_search_fts`): what the index alone costs;
/// - the index's search without a filter (hits, texts and snippets);
/// - `ArchiveSearch.search` as the archivist (sees everything) and as a member (the access
///   filter removes hits): a page of 20 with its total, the units' records, snippets.
@MainActor final class ArchiveUserPath {
    let host: LvzhiHost
    let archivist: AccessContext
    let member: AccessContext
    /// Units a member does not see.
    private(set) var hiddenCount = 0
    var loadSeconds = 0.0

    init(path: String) throws {
        host = try LvzhiHost(path: path, plugins: [ArchivePlugin.manifest], create: true)
        _ = try UserStore.bootstrap(host: host)
        let admin = try host.context(for: UserStore.bootstrapUsername)
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会", parentCode: nil)
        _ = try TermStore(host: host, context: admin).add(officeCode: "ordos", number: 5, startsOn: "2022-01-06")
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "文化艺术界")
        let memberID = try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: "王文", gender: "女", sector: "文化艺术界")).id!
        try ModuleStore(host: host, context: admin).enable(ArchivePlugin.id, officeCode: "ordos")
        let users = UserStore(host: host, context: admin)
        try users.add(username: "dangan", displayName: "文史工作人员", officeCode: "ordos", role: .archivist, memberID: nil, handlingUnitName: nil)
        try users.add(username: "weiyuan", displayName: "委员", officeCode: "ordos", role: .member, memberID: memberID, handlingUnitName: nil)
        archivist = try host.context(for: "dangan")
        member = try host.context(for: "weiyuan")
    }

    /// Why a member may not see `document`: classified (every 10th), closed (every 13th), under
    /// an access restriction (every 17th); about a fifth of the documents in all.
    nonisolated static func hiding(_ document: Document) -> (secret: Bool, closed: Bool, restricted: Bool) {
        (document.id % 10 == 0, document.id % 13 == 0, document.id % 17 == 0)
    }

    /// Whether a member sees `document`.
    nonisolated static func memberSees(_ document: Document) -> Bool {
        let (secret, closed, restricted) = hiding(document)
        return !(secret || closed || restricted)
    }

    /// Describes `documents` as units (`件`) under one fonds, `batch` to a transaction, through
    /// `DescriptionStore.add` (validation, audit trail, search index: as an import does).
    func load(_ documents: [Document], batch: Int) throws {
        let start = now()
        let (fonds, restriction) = try host.write(as: archivist) { tx in
            (try DescriptionStore.add(officeCode: "ordos", UnitInput(level: "全宗", referenceCode: "WS", title: "基准全宗"), tx: tx),
             try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "限制开放的捐赠", acquisition: "捐赠",
                 restriction: RestrictionInput(access: true, accessNote: "捐赠者要求十年后开放")), tx: tx))
        }
        for offset in stride(from: 0, to: documents.count, by: batch) {
            hiddenCount += try host.write(as: archivist) { tx in
                var hidden = 0
                for document in documents[offset..<min(offset + batch, documents.count)] {
                    let (secret, closed, restricted) = Self.hiding(document)
                    if secret || closed || restricted { hidden += 1 }
                    _ = try DescriptionStore.add(officeCode: "ordos", UnitInput(
                        level: "件", parentID: fonds.id, referenceCode: "WS-\(document.id)", title: document.title, summary: document.summary,
                        secrecy: secret ? "秘密" : nil, openness: closed ? "不开放" : nil,
                        accessionID: restricted ? restriction.id : nil, body: document.body), tx: tx)
                }
                return hidden
            }
        }
        loadSeconds = Double(now() - start) / 1e9
    }

    /// The bare FTS5 query: the same MATCH expression, bm25 with the index's weights, the same limit.
    func bare(_ text: String, limit: Int = 20) throws -> Int {
        let index = ArchiveSearch.index
        let weights = index.fields.map { String($0.weight) }.joined(separator: ", ")
        let match = try SearchQuery(text).matchExpression
        return try host.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, bm25(\(index.ftsTable), \(weights)) AS score FROM \(index.ftsTable)
                WHERE \(index.ftsTable) MATCH ? ORDER BY score, rowid LIMIT \(limit)
                """, arguments: [match]).count
        }
    }

    /// The index's own search, no filter: the page with texts and snippets.
    func indexOnly(_ text: String, limit: Int = 20) throws -> Int {
        try host.read { db in try ArchiveSearch.index.search(text, limit: limit, db: db).count }
    }

    /// What the user runs: a page and its total, as `context`.
    func search(_ text: String, as context: AccessContext, limit: Int = 20) throws -> (hits: Int, total: Int) {
        try host.read { db in
            let result = try ArchiveSearch.search(text, officeCode: "ordos", limit: limit, context: context, db: db)
            return (result.hits.count, result.total)
        }
    }

    /// The statements the user's search runs that use the index, with their query plans.
    func plans(_ text: String, as context: AccessContext) throws -> [(sql: String, plan: [String])] {
        try host.read { db in
            final class Log { var sql: [String] = [] }
            let log = Log()
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event, !statement.sql.hasPrefix("--"), statement.sql.contains("MATCH") {
                    log.sql.append(statement.expandedSQL)
                }
            }
            _ = try ArchiveSearch.search(text, officeCode: "ordos", limit: 20, context: context, db: db)
            db.trace(options: [])
            return try log.sql.map { sql in (sql, try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }) }
        }
    }

    /// The statements the archive's search ran before the plan was fixed (issue 10): the
    /// matches as a plain subquery, which SQLite flattens, and the access filter as
    /// `doc_id IN (SELECT u.id FROM archive_units u WHERE …)`, which FTS5 then receives as a
    /// rowid constraint, evaluating the MATCH once per visible unit. The page and then the total.
    func beforeFix(_ text: String, as context: AccessContext, limit: Int = 20) throws -> (hits: Int, total: Int, plan: [String]) {
        let index = ArchiveSearch.index
        let fts = index.ftsTable
        let weights = index.fields.map { String($0.weight) }.joined(separator: ", ")
        let texts = index.fields.map { "d.\($0.name)" }.joined(separator: ", ")
        let match = try SearchQuery(text).matchExpression
        return try host.read { db in
            let office = try Office.find(code: "ordos", db: db)
            let filter = SQL(sql: "doc_id IN (SELECT u.id FROM archive_units u WHERE ") + (try ArchiveAccess.visible(context, office: office, db: db)) + SQL(sql: ")")
            let page: SQL = """
                SELECT page.doc_id, page.rank_score, \(sql: texts) FROM (
                    SELECT doc_id, rank_score FROM (
                        SELECT rowid AS doc_id, bm25(\(sql: fts), \(sql: weights)) AS rank_score FROM \(sql: fts) WHERE \(sql: fts) MATCH \(match)
                    ) AS hit WHERE (\(filter)) ORDER BY rank_score, doc_id LIMIT \(limit) OFFSET 0
                ) AS page JOIN \(sql: index.documentsTable) AS d ON d.doc_id = page.doc_id ORDER BY page.rank_score, page.doc_id
                """
            let count: SQL = "SELECT COUNT(*) FROM (SELECT rowid AS doc_id FROM \(sql: fts) WHERE \(sql: fts) MATCH \(match)) AS hit WHERE (\(filter))"
            let hits = try Row.fetchAll(db, SQLRequest<Row>(literal: page)).count
            let total = try Int.fetchOne(db, SQLRequest<Int>(literal: count)) ?? 0
            let (sql, arguments) = try page.build(db)
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            return (hits, total, plan)
        }
    }
}
