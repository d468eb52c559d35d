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

extension ProposalsSchema {
    /// Handling to the end: each unit's sub-life (assigned → accepted → replied → rated, or returned),
    /// replies (internal until published), ratings, contact records, supervision notes, the
    /// reviewer pool, flags (重点, 公开, 优秀) and the authors of collective proposals.
    static func v3(_ db: Database) throws {
        try db.alter(table: "proposals") { t in
            t.add(column: "submitted_year", .integer)
            t.add(column: "is_key", .boolean).notNull().defaults(to: false)
            t.add(column: "key_year", .integer)
            t.add(column: "key_mode", .text)
            t.add(column: "key_supervisor", .text)
            t.add(column: "key_supervisor_member_id", .integer).references("members", onDelete: .setNull)
            t.add(column: "is_public", .boolean).notNull().defaults(to: true)
            t.add(column: "private_reason", .text)
            t.add(column: "is_excellent", .boolean).notNull().defaults(to: false)
            t.add(column: "concluded_at", .text)
        }
        try db.execute(sql: """
            UPDATE proposals SET submitted_year = CAST(substr(submitted_at, 1, 4) AS INTEGER) WHERE submitted_at IS NOT NULL;
            CREATE INDEX proposals_by_office_status ON proposals(office_id, status);
            """)

        // Authors (执笔) of a collective proposal join the first proposer and co-signers.
        try db.create(table: "proposal_proposers_v3") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("member", onDelete: .restrict).notNull()
            t.column("role", .text).notNull().check { ["first", "cosigner", "author"].contains($0) }
            t.column("confirmed_at", .text)
            t.uniqueKey(["proposal_id", "member_id"])
        }
        try db.execute(sql: """
            INSERT INTO proposal_proposers_v3 (id, proposal_id, member_id, role, confirmed_at)
                SELECT id, proposal_id, member_id, role, confirmed_at FROM proposal_proposers;
            DROP TABLE proposal_proposers;
            ALTER TABLE proposal_proposers_v3 RENAME TO proposal_proposers;
            """)

        // Units: the whole sub-life.
        try db.create(table: "proposal_units_v3") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("handling_unit", onDelete: .restrict).notNull()
            t.column("role", .text).notNull().check { ["lead", "co"].contains($0) }
            t.column("status", .text).notNull().check { ["assigned", "accepted", "returned", "replied", "rated"].contains($0) }
            t.column("assigned_at", .text).notNull()
            t.column("due_on", .text).notNull()
            t.column("returned_reason", .text)
            t.column("returned_at", .text)
            t.column("accepted_at", .text)
            t.column("replied_at", .text)
            t.column("opinion", .text)
        }
        try db.execute(sql: """
            INSERT INTO proposal_units_v3 (id, proposal_id, handling_unit_id, role, status, assigned_at, due_on, returned_reason, returned_at)
                SELECT id, proposal_id, handling_unit_id, role, status, assigned_at, due_on, returned_reason, returned_at FROM proposal_units;
            DROP TABLE proposal_units;
            ALTER TABLE proposal_units_v3 RENAME TO proposal_units;
            CREATE UNIQUE INDEX proposal_units_one_lead ON proposal_units(proposal_id) WHERE role = 'lead' AND status != 'returned';
            CREATE UNIQUE INDEX proposal_units_once ON proposal_units(proposal_id, handling_unit_id) WHERE status != 'returned';
            CREATE INDEX proposal_units_by_unit ON proposal_units(handling_unit_id, status);
            """)

        try db.alter(table: "proposal_steps") { t in
            t.add(column: "unit_id", .integer).references("proposal_units", onDelete: .setNull)
            t.add(column: "reviewers", .text)
        }

        try db.create(table: "proposal_replies") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("proposal_unit", onDelete: .cascade).notNull()
            t.column("outcome", .text).notNull().check { ["A", "B", "C"].contains($0) }
            t.column("body", .text).notNull().check { length($0) > 0 }
            t.column("document_number", .text)
            t.column("contact_person", .text)
            t.column("contact_phone", .text)
            t.column("replied_by", .text).notNull()
            t.column("replied_at", .text).notNull()
            t.column("published_at", .text)
            t.column("sent_back_at", .text)
            t.column("sent_back_reason", .text)
            t.check(sql: "published_at IS NULL OR sent_back_at IS NULL")
        }
        try db.create(table: "proposal_ratings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("reply", table: "proposal_replies", onDelete: .cascade).notNull()
            t.reference("member", onDelete: .restrict)
            t.column("rater", .text).notNull()
            t.column("rating", .text).notNull().check { ["satisfied", "basic", "unsatisfied"].contains($0) }
            t.column("comment", .text)
            t.column("entered_by_staff", .boolean).notNull()
            t.column("entered_by", .text).notNull()
            t.column("rated_at", .text).notNull()
        }
        try db.execute(sql: """
            CREATE UNIQUE INDEX proposal_ratings_once ON proposal_ratings(reply_id, ifnull(member_id, 0));
            """)
        try db.create(table: "proposal_contacts") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.reference("proposal_unit", onDelete: .setNull)
            t.column("method", .text).notNull().check { ["面谈", "座谈会", "电话", "邮件", "书信", "其它"].contains($0) }
            t.column("stage", .text).notNull().check { ["办前", "办中", "办后"].contains($0) }
            t.column("contacted_on", .text).notNull()
            t.column("participants", .text)
            t.column("summary", .text).notNull().check { length($0) > 0 }
            t.column("recorded_by", .text).notNull()
            t.column("recorded_at", .text).notNull()
        }
        try db.create(table: "proposal_supervisions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("proposal", onDelete: .cascade).notNull()
            t.column("supervised_on", .text).notNull()
            t.column("note", .text).notNull().check { length($0) > 0 }
            t.column("recorded_by", .text).notNull()
            t.column("recorded_at", .text).notNull()
        }
        try db.create(table: "proposal_reviewers") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("member", onDelete: .cascade).notNull()
            t.reference("committee", onDelete: .setNull)
            t.column("added_at", .text).notNull()
            t.uniqueKey(["office_id", "member_id"])
        }
    }
}
