import GRDB
import LvzhiCore

/// Digital files and their fixity checks. A file belongs to one description unit (which
/// therefore cannot be deleted while it has files); its stored path is unique; its checksum
/// is a SHA-256 in lowercase hex. Fixity events are kept for every check.
enum ArchiveFilesSchema {
    static func v2(_ db: Database) throws {
        try db.create(table: "archive_files") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("unit", table: "archive_units", onDelete: .restrict).notNull()
            t.column("use", .text).notNull().check { ["master", "access", "thumbnail"].contains($0) }
            t.column("original_name", .text).notNull().check { length($0) > 0 }
            t.column("stored_path", .text).notNull().unique().check { length($0) > 0 }
            t.column("mime_type", .text).notNull()
            t.column("size", .integer).notNull().check { $0 >= 0 }
            t.column("sha256", .text).notNull().check { length($0) == 64 }
            t.column("added_by", .text).notNull()
            t.column("added_at", .text).notNull()
            t.column("last_checked_at", .text)
            t.column("last_outcome", .text).check { ["pass", "fail", "missing"].contains($0) }
        }
        try db.create(index: "archive_files_by_sha256", on: "archive_files", columns: ["sha256"])
        try db.create(table: "archive_fixity_events") { t in
            t.autoIncrementedPrimaryKey("id")
            t.reference("office", onDelete: .cascade).notNull()
            t.reference("file", table: "archive_files", onDelete: .cascade).notNull()
            t.column("checked_at", .text).notNull()
            t.column("outcome", .text).notNull().check { ["pass", "fail", "missing"].contains($0) }
            t.column("expected", .text).notNull()
            t.column("actual", .text)
            t.column("note", .text)
            t.column("checked_by", .text).notNull()
        }
    }
}

/// The events of digital files.
public enum ArchiveFilesEvents {
    public static let all: [EventDescriptor] = [
        EventDescriptor("archive.file_added", "为著录条目加入数字文件之后"),
        EventDescriptor("archive.imported", "按清单批量导入文件和著录之后"),
        EventDescriptor("archive.fixity_checked", "完成一次固定性检查之后（不论是否发现问题）"),
        EventDescriptor("archive.fixity_failed", "固定性检查发现文件内容不符或缺失之后"),
    ]
}
