import GRDB
import LvzhiCore
import LvzhiStorage

/// The archive's tables. Accession numbers are handed out per office and year from a counter
/// row inside the registering transaction (no gaps, no duplicates); reference codes (档号) are
/// unique per office; the search index is the platform's Chinese full-text index.
enum ArchiveSchema {
    /// Plans, campaigns and the review queue; agents; accessions; the description tree; the search index.
    static func v1(_ db: Database) throws {
        try db.create(table: "archive_plans") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull().check { ["term", "annual"].contains($0) }
            t.column("period", .integer).notNull()
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("themes", .text).notNull()
            t.column("target_count", .integer).notNull().check { $0 >= 0 }
            t.column("notes", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
        }
        try db.create(table: "archive_campaigns") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("plan", table: "archive_plans", onDelete: .setNull)
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("theme", .text)
            t.column("starts_on", .text).notNull()
            t.column("ends_on", .text)
            t.column("description", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
        }
        try db.create(table: "archive_agents") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull().check { ["person", "organisation"].contains($0) }
            t.column("name", .text).notNull().check { length($0) > 0 }
            t.reference("member", onDelete: .setNull)
            t.column("dates", .text)
            t.column("notes", .text)
            t.column("created_at", .text).notNull()
        }
        try db.create(table: "archive_accessions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.column("year", .integer).notNull()
            t.column("sequence", .integer).notNull()
            t.column("number", .text).notNull()
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.reference("campaign", table: "archive_campaigns", onDelete: .setNull)
            t.column("received_on", .text).notNull()
            t.column("acquisition", .text).notNull().check { Accession.acquisitions.contains($0) }
            t.column("provenance", .text)
            t.column("sanqin", .text).check { Sanqin.all.contains($0) }
            t.column("extent", .text)
            t.column("rights_agreement", .text)
            t.column("access_restricted", .boolean).notNull().defaults(to: false)
            t.column("access_note", .text)
            t.column("access_ends_on", .text)
            t.column("use_restricted", .boolean).notNull().defaults(to: false)
            t.column("use_note", .text)
            t.column("use_ends_on", .text)
            t.column("processing_status", .text).notNull().check { ["unprocessed", "in_progress", "processed"].contains($0) }
            t.column("deaccessioned_on", .text)
            t.column("deaccession_reason", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["office_id", "year", "sequence"])
            t.check(sql: "(deaccessioned_on IS NULL) = (deaccession_reason IS NULL)")
        }
        try db.create(table: "archive_counters") { t in
            t.reference("office", onDelete: .cascade).notNull()
            t.column("scope", .text).notNull()
            t.column("last", .integer).notNull()
            t.primaryKey(["office_id", "scope"])
        }
        try db.create(table: "archive_submissions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("campaign", table: "archive_campaigns", onDelete: .setNull)
            t.reference("member", onDelete: .setNull)
            t.column("submitter", .text).notNull().check { length($0) > 0 }
            t.column("contact", .text)
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("summary", .text).notNull()
            t.column("sanqin", .text).check { Sanqin.all.contains($0) }
            t.column("status", .text).notNull().check { ["needs_review", "accepted", "declined"].contains($0) }
            t.column("reviewed_by", .text)
            t.column("reviewed_at", .text)
            t.column("review_note", .text)
            t.reference("accession", table: "archive_accessions", onDelete: .setNull)
            t.column("submitted_by", .text).notNull()
            t.column("submitted_at", .text).notNull()
        }
        try db.create(table: "archive_units") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("parent", table: "archive_units", onDelete: .restrict)
            t.column("level", .text).notNull().check { ["fonds", "series", "file", "item"].contains($0) }
            t.column("reference_code", .text).notNull().check { length($0) > 0 }
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("creator", .text)
            t.column("created_on", .text)
            t.column("created_approximate", .boolean).notNull().defaults(to: false)
            t.column("period_from", .text)
            t.column("period_to", .text)
            t.column("period_approximate", .boolean).notNull().defaults(to: false)
            t.column("manuscript", .text).check { DescriptionUnit.manuscripts.contains($0) }
            t.column("genre", .text)
            t.column("extent", .text)
            t.column("summary", .text)
            t.column("persons", .text)
            t.column("places", .text)
            t.column("subjects", .text)
            t.column("classification", .text)
            t.column("secrecy", .text).notNull().check { DescriptionUnit.secrecyGrades.contains($0) }
            t.column("retention", .text).check { DescriptionUnit.retentions.contains($0) }
            t.column("openness", .text).notNull().check { DescriptionUnit.opennessMarks.contains($0) }
            t.column("original_location", .text)
            t.column("copy_location", .text)
            t.reference("accession", table: "archive_accessions", onDelete: .setNull)
            t.column("body", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("updated_at", .text).notNull()
            t.uniqueKey(["office_id", "reference_code"])
        }
        try db.create(index: "archive_units_by_parent", on: "archive_units", columns: ["parent_id"])
        try db.create(table: "archive_agent_links") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("agent", table: "archive_agents", onDelete: .cascade).notNull()
            t.column("role", .text).notNull().check { ["source", "author", "narrator", "interviewer", "transcriber", "subject"].contains($0) }
            t.reference("accession", table: "archive_accessions", onDelete: .cascade)
            t.reference("unit", table: "archive_units", onDelete: .cascade)
            t.check(sql: "(accession_id IS NULL) != (unit_id IS NULL)")
        }
        try db.execute(sql: """
            CREATE UNIQUE INDEX archive_agent_links_once ON archive_agent_links(agent_id, role, ifnull(accession_id, 0), ifnull(unit_id, 0));
            """)
        try ArchiveSearch.index.create(db: db)
    }
}
