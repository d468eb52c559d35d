import GRDB

/// A statement that SQLite ran, with its bound values written in, and its query plan.
public struct TracedStatement: Sendable {
    /// The SQL as executed (`sqlite3_expanded_sql`: the arguments written in as literals).
    public let sql: String
    /// The `detail` column of `EXPLAIN QUERY PLAN` for that SQL, in plan order.
    public let plan: [String]

    /// The constraints handed to the FTS5 table `table`, one entry per scan of it: the `idxStr`
    /// of `SCAN <table> VIRTUAL TABLE INDEX <n>:<idxStr>`. FTS5 writes a MATCH as `M…` (or `m`),
    /// and a constraint on the rowid as `=`, `<` or `>`.
    public func ftsConstraints(_ table: String) -> [String] {
        plan.compactMap { line in
            guard line.hasPrefix("SCAN \(table) VIRTUAL TABLE INDEX "),
                  let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[line.index(after: colon)...])
        }
    }
}

/// Runs `body` on `db` and returns the statements it ran whose SQL contains `marker`, each
/// with its query plan: a test can then say how SQLite executes what the code sends, without
/// timing anything. Statements that SQLite runs itself inside them (FTS5 reading its shadow
/// tables, traced as `-- …`) are left out.
public func statements(on db: Database, containing marker: String, during body: () throws -> Void) throws -> [TracedStatement] {
    final class Log { var sql: [String] = [] }
    let log = Log()
    db.trace(options: .statement) { event in
        if case .statement(let statement) = event { log.sql.append(statement.expandedSQL) }
    }
    do {
        try body()
    } catch {
        db.trace(options: [])
        throw error
    }
    db.trace(options: [])
    return try log.sql.filter { !$0.hasPrefix("--") && $0.contains(marker) }.map { sql in
        TracedStatement(sql: sql, plan: try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] })
    }
}
