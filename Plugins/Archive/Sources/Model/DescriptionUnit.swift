import GRDB
import LvzhiCore

/// A unit of archival description (著录单元), a node of the tree 全宗/集合 → 系列 → 案卷 → 件,
/// with the fields of Chinese archival description (DA/T 18).
public struct DescriptionUnit: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var parentID: Int64?
    public var level: DescriptionLevel
    /// 档号, unique in the office.
    public var referenceCode: String
    /// 题名.
    public var title: String
    /// 责任者.
    public var creator: String?
    /// 形成日期: YYYY, YYYY-MM or YYYY-MM-DD.
    public var createdOn: String?
    public var createdApproximate: Bool = false
    /// 内容所涉时间（起、止）.
    public var periodFrom: String?
    public var periodTo: String?
    public var periodApproximate: Bool = false
    /// 稿本：手稿、誊清稿、修改稿、打印稿.
    public var manuscript: String?
    /// 文种 / 类型：回忆录、口述史、日记、书信、照片…
    public var genre: String?
    /// 数量及单位（12页、3盒）.
    public var extent: String?
    /// 提要.
    public var summary: String?
    /// 人名、地名、主题词, each a list separated by 、.
    public var persons: String?
    public var places: String?
    public var subjects: String?
    /// 分类号.
    public var classification: String?
    /// 密级：公开、内部、秘密、机密、绝密.
    public var secrecy: String
    /// 保管期限：永久、定期30年、定期10年.
    public var retention: String?
    /// 开放标识：开放、控制、不开放.
    public var openness: String
    /// Where the original and the copies are kept.
    public var originalLocation: String?
    public var copyLocation: String?
    /// The accession it came in with.
    public var accessionID: Int64?
    /// The text itself (a transcription of the document), searched with the rest.
    public var body: String?
    public var createdBy: String
    public var createdAt: String
    public var updatedAt: String

    public static let databaseTableName = "archive_units"
    public static let entityName = "著录条目"

    /// The grades of secrecy, from open to most secret.
    public static let secrecyGrades = ["公开", "内部", "秘密", "机密", "绝密"]
    /// The openness marks.
    public static let opennessMarks = ["开放", "控制", "不开放"]
    /// The retention periods.
    public static let retentions = ["永久", "定期30年", "定期10年"]
    /// The kinds of manuscript.
    public static let manuscripts = ["手稿", "誊清稿", "修改稿", "打印稿"]
}

/// The levels of the description tree, from the whole to the single piece.
public enum DescriptionLevel: String, Codable, Sendable, CaseIterable, Comparable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        self == .fonds ? ["集合"] : []
    }

    case fonds, series, file, item

    public var title: String {
        switch self {
        case .fonds: "全宗"
        case .series: "系列"
        case .file: "案卷"
        case .item: "件"
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Parses the English id or the Chinese name (集合 is taken as 全宗).
    public static func parse(_ text: String) throws -> DescriptionLevel {
        if let level = named(text) { return level }
        throw LvzhiError.invalid("层级", text, "应为 全宗（或集合）、系列、案卷、件")
    }
}
