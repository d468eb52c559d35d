import GRDB

/// Numbers without gaps or duplicates (proposal numbers, accession numbers): a counter row per
/// office and scope in a module's own table `(office_id, scope, last)`, incremented inside the
/// transaction that uses the number. SQLite runs one writer at a time, so two transactions
/// never get the same number, and a transaction that rolls back gives its number back.
public enum GaplessCounter {
    /// The next number of `scope` in `table` for the office.
    public static func next(in table: String, officeID: Int64, scope: String, db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO \(table) (office_id, scope, last) VALUES (?, ?, 1)
            ON CONFLICT(office_id, scope) DO UPDATE SET last = last + 1
            """, arguments: [officeID, scope])
        return try Int64.fetchOne(db, sql: "SELECT last FROM \(table) WHERE office_id = ? AND scope = ?", arguments: [officeID, scope])!
    }
}
