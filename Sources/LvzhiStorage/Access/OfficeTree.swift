import GRDB
import LvzhiCore

/// Walks the office tree (city → districts).
public enum OfficeTree {
    /// The ids from `officeID` up to the root, the office itself first.
    public static func pathToRoot(from officeID: Int64, db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE up(id, parent_id, depth) AS (
              SELECT id, parent_id, 0 FROM offices WHERE id = ?
              UNION ALL
              SELECT o.id, o.parent_id, up.depth + 1 FROM offices o JOIN up ON o.id = up.parent_id
            ) SELECT id FROM up ORDER BY depth
            """, arguments: [officeID])
    }

    /// The ids of `officeID` and every office below it.
    public static func subtree(of officeID: Int64, db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE down(id) AS (
              SELECT id FROM offices WHERE id = ?
              UNION ALL
              SELECT o.id FROM offices o JOIN down ON o.parent_id = down.id
            ) SELECT id FROM down
            """, arguments: [officeID])
    }
}
