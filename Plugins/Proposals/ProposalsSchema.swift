import GRDB
import LvzhiCore

/// The proposals module's tables. Numbers are unique per office and numbering scope (a
/// plenary session or a year), and a counter row per scope hands them out inside the filing
/// transaction, so numbers have no gaps and no duplicates even when two people file at once.
enum ProposalsSchema {
    static func v1(_ db: Database) throws {
        try db.create(table: "proposals") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("term", onDelete: .restrict).notNull()
            t.column("kind", .text).notNull().check { ["individual", "joint", "collective"].contains($0) }
            t.column("collective_body", .text)
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("body", .text).notNull()
            t.column("category", .text).notNull()
            t.column("occasion", .text).check { ["大会", "平时"].contains($0) }
            t.column("status", .text).notNull()
            t.column("number_scope", .text)
            t.column("number", .integer)
            t.column("number_label", .text)
            t.column("rejection_ground", .text)
            t.reference("merged_into", table: "proposals", onDelete: .restrict)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("submitted_at", .text)
            t.column("filed_at", .text)
            t.check(sql: "(number IS NULL) = (number_scope IS NULL)")
            t.check(sql: "(kind = 'collective') = (collective_body IS NOT NULL)")
        }
        try db.execute(sql: "CREATE UNIQUE INDEX proposals_unique_number ON proposals(office_id, number_scope, number) WHERE number IS NOT NULL")
        try db.create(table: "proposal_proposers") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("member", onDelete: .restrict).notNull()
            t.column("role", .text).notNull().check { ["first", "cosigner"].contains($0) }
            t.column("confirmed_at", .text)
            t.uniqueKey(["proposal_id", "member_id"])
        }
        try db.create(table: "proposal_counters") { t in
            t.reference("office", onDelete: .cascade).notNull()
            t.column("scope", .text).notNull()
            t.column("last", .integer).notNull()
            t.primaryKey(["office_id", "scope"])
        }
        try db.create(table: "proposal_steps") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.column("action", .text).notNull()
            t.column("from_status", .text)
            t.column("to_status", .text).notNull()
            t.column("note", .text)
            t.column("username", .text).notNull()
            t.column("at", .text).notNull()
        }
    }
}

extension ProposalsSchema {
    /// Assignment (交办): each handling unit of a proposal has its own row and sub-life. At most
    /// one lead unit (主办) is active per proposal; a unit that returns the proposal leaves it.
    static func v2(_ db: Database) throws {
        try db.create(table: "proposal_units") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("handling_unit", onDelete: .restrict).notNull()
            t.column("role", .text).notNull().check { ["lead", "co"].contains($0) }
            t.column("status", .text).notNull().check { ["assigned", "accepted", "returned"].contains($0) }
            t.column("assigned_at", .text).notNull()
            t.column("due_on", .text).notNull()
            t.column("returned_reason", .text)
            t.column("returned_at", .text)
        }
        try db.execute(sql: """
            CREATE UNIQUE INDEX proposal_units_one_lead ON proposal_units(proposal_id) WHERE role = 'lead' AND status != 'returned';
            CREATE UNIQUE INDEX proposal_units_once ON proposal_units(proposal_id, handling_unit_id) WHERE status != 'returned';
            """)
    }
}
