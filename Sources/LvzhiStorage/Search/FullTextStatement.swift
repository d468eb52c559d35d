import GRDB

/// The SQL that a ``FullTextIndex`` runs to search and to count.
///
/// ## Why the matches are materialized first
/// The caller's filter is a condition on `doc_id`, the FTS5 rowid. Written as a plain
/// subquery over the FTS5 table, SQLite flattens it and hands a filter such as
/// `doc_id IN (SELECT id FROM units WHERE …)` to FTS5 as a rowid constraint
/// (`EXPLAIN QUERY PLAN`: `SCAN x_fts VIRTUAL TABLE INDEX 0:=M…`): FTS5 is then called once per
/// id of the list, and each call evaluates the whole MATCH again, so a search costs as many
/// phrase evaluations as the office has units instead of one (issue 10: 0.5 s for a phrase that
/// FTS5 answers in 0.3 ms). Here the matches and their bm25 scores come from a common table
/// expression marked `MATERIALIZED` (SQLite 3.35 and later), which SQLite evaluates once into a
/// temporary table before anything else sees it; the filter is applied to those rows, then the
/// visible rows are sorted and paged. The plan is `MATERIALIZE hit` over
/// `SCAN x_fts VIRTUAL TABLE INDEX 0:M…`, the MATCH alone (tests: `SearchPlanTests`).
///
/// Paging stays exact: the filter removes hits before `ORDER BY rank_score, doc_id LIMIT …
/// OFFSET …`, so a page is the n-th slice of the *visible* hits in rank order. The total of a
/// page comes from the same materialized rows, so hits and total cost one MATCH.
///
/// The filter's own cost is the caller's: `EXISTS (SELECT 1 FROM units u WHERE u.id = doc_id AND …)`
/// looks up each hit's unit by its key (cost grows with the hits), while `doc_id IN (SELECT id
/// FROM units WHERE …)` first lists every visible unit (cost grows with the table).
extension FullTextIndex {
    /// A page of `query`'s matches that meet `filter`, best first, with the original texts of
    /// the page's documents: columns `doc_id`, `rank_score` (bm25, lower is better), with
    /// `withTotal` a column `total` (every match meeting `filter`), then one column per field.
    func pageStatement(_ query: SearchQuery, filter: SQL?, limit: Int, offset: Int, withTotal: Bool) -> SQL {
        let weights = fields.map { String($0.weight) }.joined(separator: ", ")
        let texts = fields.map { "d.\(quoted($0.name))" }.joined(separator: ", ")
        var sql = matches(query, scored: "bm25(\(quoted(ftsTable)), \(weights))")
        var source = "hit"
        if let filter {
            sql += ", visible AS MATERIALIZED (SELECT doc_id, rank_score FROM hit WHERE (" + filter + "))"
            source = "visible"
        }
        let total = withTotal ? "(SELECT COUNT(*) FROM \(source)) AS total, " : ""
        sql += """
             SELECT page.doc_id, page.rank_score, \(sql: total)\(sql: texts) FROM (
                SELECT doc_id, rank_score FROM \(sql: source) ORDER BY rank_score, doc_id LIMIT \(limit) OFFSET \(offset)
            ) AS page JOIN \(sql: quoted(documentsTable)) AS d ON d.doc_id = page.doc_id
            ORDER BY page.rank_score, page.doc_id
            """
        return sql
    }

    /// How many of `query`'s matches meet `filter`: one column.
    func countStatement(_ query: SearchQuery, filter: SQL?) -> SQL {
        guard let filter else {
            return "SELECT COUNT(*) FROM \(sql: quoted(ftsTable)) WHERE \(sql: quoted(ftsTable)) MATCH \(query.matchExpression)"
        }
        return matches(query, scored: nil) + " SELECT COUNT(*) FROM hit WHERE (" + filter + ")"
    }

    /// `WITH hit AS MATERIALIZED (…)`: the ids of the documents matching `query` (`doc_id`),
    /// with `rank_score` computed by `scored` when given.
    private func matches(_ query: SearchQuery, scored: String?) -> SQL {
        let score = scored.map { ", \($0) AS rank_score" } ?? ""
        return """
            WITH hit AS MATERIALIZED (
                SELECT rowid AS doc_id\(sql: score) FROM \(sql: quoted(ftsTable)) WHERE \(sql: quoted(ftsTable)) MATCH \(query.matchExpression)
            )
            """
    }
}
