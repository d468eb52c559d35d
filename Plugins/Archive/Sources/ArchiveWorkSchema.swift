import GRDB
import LvzhiCore

/// Oral histories, editorial review, volumes, exhibitions, copy and use requests.
///
/// The database keeps the invariants the stores check, so that a script or a hand-edit cannot
/// break them either: one interview per unit; transcript versions and review rounds unique
/// per interview / unit; segment offsets within their transcript version (trigger); volume
/// numbers unique per series and office; page ranges of one volume not overlapping (trigger).
enum ArchiveWorkSchema {
    static func v3(_ db: Database) throws {
        try db.create(table: "archive_interviews") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .restrict).notNull().unique()
            t.reference("narrator", table: "archive_agents", onDelete: .restrict).notNull()
            t.reference("interviewer", table: "archive_agents", onDelete: .restrict).notNull()
            t.column("collecting_unit", .text).notNull().check { length($0) > 0 }
            t.column("interviewed_on", .text).notNull()
            t.column("place", .text)
            t.column("duration_seconds", .integer).check { $0 > 0 }
            t.column("dialect", .text)
            t.column("consent_given", .boolean).notNull().defaults(to: false)
            t.column("narrator_reviewed", .boolean).notNull().defaults(to: false)
            t.column("notes", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
        }
        try db.create(table: "archive_transcripts") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("interview", table: "archive_interviews", onDelete: .cascade).notNull()
            t.column("version", .integer).notNull().check { $0 >= 1 }
            t.column("text", .text).notNull()
            t.column("length", .integer).notNull().check { $0 > 0 }
            t.column("note", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["interview_id", "version"])
        }
        try db.create(table: "archive_segments") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("interview", table: "archive_interviews", onDelete: .cascade).notNull()
            t.column("transcript_version", .integer).notNull()
            t.column("start_seconds", .integer).notNull().check { $0 >= 0 }
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("synopsis", .text)
            t.column("keywords", .text)
            t.column("char_from", .integer).notNull().check { $0 >= 0 }
            t.column("char_to", .integer).notNull()
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.check(sql: "char_to > char_from")
            t.foreignKey(["interview_id", "transcript_version"], references: "archive_transcripts", columns: ["interview_id", "version"], onDelete: .cascade)
        }
        try db.execute(sql: """
            CREATE TRIGGER archive_segments_within_transcript BEFORE INSERT ON archive_segments
            WHEN NEW.char_to > (SELECT length FROM archive_transcripts WHERE interview_id = NEW.interview_id AND version = NEW.transcript_version)
            BEGIN SELECT RAISE(ABORT, '索引片段超出整理稿的长度'); END;
            CREATE TRIGGER archive_segments_within_transcript_update BEFORE UPDATE ON archive_segments
            WHEN NEW.char_to > (SELECT length FROM archive_transcripts WHERE interview_id = NEW.interview_id AND version = NEW.transcript_version)
            BEGIN SELECT RAISE(ABORT, '索引片段超出整理稿的长度'); END;
            """)
        try db.create(table: "archive_reviews") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .cascade).notNull()
            t.column("round", .integer).notNull().check { $0 >= 1 }
            t.column("reviewers", .text).notNull().check { length($0) > 0 }
            t.column("decision", .text).notNull().check { ["adopted", "adopted_revised", "kept", "rejected"].contains($0) }
            t.column("note", .text)
            t.column("reviewed_on", .text).notNull()
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["unit_id", "round"])
        }
        try db.create(table: "archive_text_versions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .cascade).notNull()
            t.column("version", .integer).notNull().check { $0 >= 1 }
            t.column("text", .text).notNull()
            t.column("length", .integer).notNull().check { $0 > 0 }
            t.column("note", .text)
            t.column("review_round", .integer)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["unit_id", "version"])
        }
        try db.create(table: "archive_volumes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.column("series", .text).notNull().check { length($0) > 0 }
            t.column("number", .integer).notNull().check { $0 >= 1 }
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("published_on", .text)
            t.column("editors", .text)
            t.column("isbn", .text)
            t.column("notes", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["office_id", "series", "number"])
        }
        try db.create(table: "archive_volume_items") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("volume", table: "archive_volumes", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .restrict).notNull()
            t.column("printed_title", .text).notNull().check { length($0) > 0 }
            t.column("printed_author", .text)
            t.column("page_from", .integer).notNull().check { $0 >= 1 }
            t.column("page_to", .integer).notNull()
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.check(sql: "page_to >= page_from")
            t.uniqueKey(["volume_id", "unit_id"])
        }
        try db.execute(sql: """
            CREATE TRIGGER archive_volume_items_no_overlap BEFORE INSERT ON archive_volume_items
            WHEN EXISTS (SELECT 1 FROM archive_volume_items o WHERE o.volume_id = NEW.volume_id
                         AND o.page_from <= NEW.page_to AND NEW.page_from <= o.page_to)
            BEGIN SELECT RAISE(ABORT, '页码与本辑已有篇目重叠'); END;
            CREATE TRIGGER archive_volume_items_no_overlap_update BEFORE UPDATE ON archive_volume_items
            WHEN EXISTS (SELECT 1 FROM archive_volume_items o WHERE o.volume_id = NEW.volume_id AND o.id != NEW.id
                         AND o.page_from <= NEW.page_to AND NEW.page_from <= o.page_to)
            BEGIN SELECT RAISE(ABORT, '页码与本辑已有篇目重叠'); END;
            """)
        try db.create(table: "archive_exhibitions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("venue", .text).notNull().check { length($0) > 0 }
            t.column("opens_on", .text).notNull()
            t.column("closes_on", .text)
            t.column("notes", .text)
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.check(sql: "closes_on IS NULL OR closes_on >= opens_on")
        }
        try db.create(table: "archive_exhibition_sections") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("exhibition", table: "archive_exhibitions", onDelete: .cascade).notNull()
            t.column("position", .integer).notNull().check { $0 >= 1 }
            t.column("title", .text).notNull().check { length($0) > 0 }
            t.column("introduction", .text)
            t.uniqueKey(["exhibition_id", "position"])
        }
        try db.create(table: "archive_exhibition_items") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("section", table: "archive_exhibition_sections", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .restrict).notNull()
            t.column("position", .integer).notNull().check { $0 >= 1 }
            t.column("label", .text).notNull().check { length($0) > 0 }
            t.column("form", .text).notNull().check { ["original", "copy"].contains($0) }
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["section_id", "position"])
        }
        try db.create(table: "archive_use_requests") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .restrict).notNull()
            t.column("kind", .text).notNull().check { ["copy", "consult"].contains($0) }
            t.column("purpose", .text).notNull().check { length($0) > 0 }
            t.column("applicant", .text).notNull().check { length($0) > 0 }
            t.column("on_behalf", .boolean).notNull().defaults(to: false)
            t.reference("member", onDelete: .setNull)
            t.column("requested_by", .text).notNull()
            t.column("requested_at", .text).notNull()
            t.column("status", .text).notNull().check { ["pending", "approved", "refused"].contains($0) }
            t.column("decided_by", .text)
            t.column("decided_at", .text)
            t.column("decision_note", .text)
            t.check(sql: "(status = 'pending') = (decided_at IS NULL)")
        }
        try db.create(index: "archive_use_requests_by_requester", on: "archive_use_requests", columns: ["office_id", "requested_by"])
    }
}

/// The events of oral histories, editorial work, publication, exhibition and requests.
public enum ArchiveWorkEvents {
    public static let all = [
        EventDescriptor("archive.interviewed", "登记口述史采访之后"),
        EventDescriptor("archive.transcribed", "新增口述整理稿的一个版本之后"),
        EventDescriptor("archive.reviewed", "记录一轮编审之后"),
        EventDescriptor("archive.volume_added", "新增一辑文史资料之后"),
        EventDescriptor("archive.volume_item_added", "一辑中收入一篇之后"),
        EventDescriptor("archive.exhibition_added", "新增展览之后"),
        EventDescriptor("archive.exhibited", "展览中新增展品之后"),
        EventDescriptor("archive.use_requested", "收到复制或利用申请之后"),
        EventDescriptor("archive.use_approved", "同意复制或利用申请之后"),
        EventDescriptor("archive.use_refused", "不同意复制或利用申请之后"),
    ]
}
