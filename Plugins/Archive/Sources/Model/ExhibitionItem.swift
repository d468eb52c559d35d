import GRDB
import LvzhiCore

/// An exhibit (展品): a unit shown in a section, in order, with its label (展签), as the
/// original or a copy.
public struct ExhibitionItem: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var sectionID: Int64
    public var unitID: Int64
    public var position: Int
    /// 展签文字.
    public var label: String
    public var form: ExhibitForm
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_exhibition_items"
    public static let entityName = "展品"
}

/// Whether an exhibit is the original or a copy.
public enum ExhibitForm: String, Codable, Sendable, CaseIterable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        self == .copy ? ["复制", "复印件"] : []
    }

    case original, copy

    public var title: String { self == .original ? "原件" : "复制件" }

    /// Parses 原件 / 复制件 (or original / copy).
    public static func parse(_ text: String) throws -> ExhibitForm {
        if let form = named(text) { return form }
        throw LvzhiError.invalid("展出形式", text, "应为 原件 或 复制件")
    }
}
