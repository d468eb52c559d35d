import GRDB

/// A term of office (届) of one office, e.g. 第四届 (five years).
public struct Term: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// The ordinal of the term: 4 for 第四届.
    public var number: Int
    /// First day, `YYYY-MM-DD`.
    public var startsOn: String
    /// Last day, `YYYY-MM-DD`; `nil` while open-ended.
    public var endsOn: String?
    /// Whether this is the office's current term (one per office).
    public var isCurrent: Bool

    public init(id: Int64? = nil, officeID: Int64, number: Int, startsOn: String, endsOn: String? = nil, isCurrent: Bool) {
        self.id = id; self.officeID = officeID; self.number = number
        self.startsOn = startsOn; self.endsOn = endsOn; self.isCurrent = isCurrent
    }

    public static let databaseTableName = "terms"
    public static let entityName = "届次"

    /// The Chinese label: 第四届.
    public var label: String { "第\(ChineseNumeral.string(number))届" }
}

/// A plenary session (次会议) of a term, e.g. 四届二次会议. Proposals are numbered within one.
public struct PlenarySession: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var termID: Int64
    /// The ordinal within the term: 2 for 第二次会议.
    public var number: Int
    /// Opening day, `YYYY-MM-DD`.
    public var opensOn: String
    /// Closing day, `YYYY-MM-DD`, if known.
    public var closesOn: String?

    public init(id: Int64? = nil, officeID: Int64, termID: Int64, number: Int, opensOn: String, closesOn: String? = nil) {
        self.id = id; self.officeID = officeID; self.termID = termID
        self.number = number; self.opensOn = opensOn; self.closesOn = closesOn
    }

    public static let databaseTableName = "plenary_sessions"
    public static let entityName = "全体会议"

    /// The Chinese label given the term's number: 四届二次会议.
    public func label(termNumber: Int) -> String {
        "\(ChineseNumeral.string(termNumber))届\(ChineseNumeral.string(number))次会议"
    }
}
