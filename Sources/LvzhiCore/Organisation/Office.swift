import GRDB

/// A CPPCC committee that uses the platform: the city committee (政协鄂尔多斯市委员会) or
/// one of its districts (旗区政协). Offices form a tree; an office is the unit that enables
/// modules and owns members, terms and the rest.
public struct Office: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    /// A short ASCII code used on the command line (`ordos`, `dongsheng`).
    public var code: String
    /// The full Chinese name (政协鄂尔多斯市东胜区委员会).
    public var name: String
    /// The parent office; `nil` for the root (the city).
    public var parentID: Int64?
    public var createdAt: String

    public init(id: Int64? = nil, code: String, name: String, parentID: Int64? = nil, createdAt: String) {
        self.id = id
        self.code = code
        self.name = name
        self.parentID = parentID
        self.createdAt = createdAt
    }

    /// Checks the shape of an office code: 2–32 lowercase ASCII letters, digits or `-`, starting with a letter.
    public static func validateCode(_ code: String) throws {
        let ok = code.count >= 2 && code.count <= 32
            && code.first.map { $0.isASCII && $0.isLetter && $0.isLowercase } == true
            && code.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        if !ok {
            throw LvzhiError.invalid("政协代码", code, "只能由 2–32 个小写英文字母、数字或连字符组成，并以字母开头",
                                     hint: "例如 ordos、dongsheng、etuokeqian")
        }
    }
}

extension Office: LvzhiRecord {
    public static let databaseTableName = "offices"
    public static let entityName = "政协"
    public var officeID: Int64? { id }
}
