import GRDB
import LvzhiCore

/// A digital file of a description unit, kept in the office's managed folder (the vault,
/// ``FileVault``): a master (母版), an access copy (利用版) or a thumbnail (缩略图), with its
/// MIME type, size and SHA-256, and the outcome of its latest fixity check.
public struct DigitalFile: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// The unit it belongs to.
    public var unitID: Int64
    public var use: FileUse
    /// The file's name when it was ingested (what people call it).
    public var originalName: String
    /// Where it is kept, relative to the vault's root: `<office>/<unit id>/<digest prefix>-<name>`.
    public var storedPath: String
    public var mimeType: String
    /// Bytes.
    public var size: Int64
    /// 64 lowercase hex digits.
    public var sha256: String
    public var addedBy: String
    public var addedAt: String
    /// The latest fixity check (nil: never checked).
    public var lastCheckedAt: String?
    public var lastOutcome: FixityOutcome?

    public static let databaseTableName = "archive_files"
    public static let entityName = "数字文件"
}

/// What a digital file is for.
public enum FileUse: String, Codable, Sendable, CaseIterable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        switch self {
        case .master: ["原版", "保存版", "母本"]
        case .access: ["利用", "利用件", "访问版"]
        case .thumbnail: ["缩略", "缩略图片"]
        }
    }

    /// 母版: the preservation master.
    case master
    /// 利用版: the copy people use.
    case access
    /// 缩略图.
    case thumbnail

    public var title: String {
        switch self {
        case .master: "母版"
        case .access: "利用版"
        case .thumbnail: "缩略图"
        }
    }

    /// Parses the English id or the Chinese name (also 原版, 利用, 缩略).
    public static func parse(_ text: String) throws -> FileUse {
        if let use = named(text) { return use }
        throw LvzhiError.invalid("用途", text, "应为 母版（master）、利用版（access）或 缩略图（thumbnail）")
    }
}

/// The outcome of checking one file.
public enum FixityOutcome: String, Codable, Sendable, CaseIterable {
    /// The file is there and its SHA-256 is what was recorded.
    case pass
    /// The file is there but its content changed (or it cannot be read).
    case fail
    /// The file is not where it was stored.
    case missing

    public var title: String {
        switch self {
        case .pass: "通过"
        case .fail: "内容不符"
        case .missing: "文件缺失"
        }
    }
}

/// One fixity check of one file (固定性检查记录): when, by whom, what was expected, what was found.
public struct FixityEvent: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var fileID: Int64
    public var checkedAt: String
    public var outcome: FixityOutcome
    /// The SHA-256 recorded at ingest.
    public var expected: String
    /// The SHA-256 found (nil when the file is missing or unreadable).
    public var actual: String?
    /// What went wrong reading the file, if anything.
    public var note: String?
    public var checkedBy: String

    public static let databaseTableName = "archive_fixity_events"
    public static let entityName = "固定性检查记录"
}
