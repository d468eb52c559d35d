import GRDB

/// A special committee (专门委员会, 专委会), e.g. 提案委员会, 经济委员会.
public struct Committee: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// A short ASCII code (`proposals`, `culture`, `economy`).
    public var code: String
    public var name: String
    /// Whether the committee may draw members from other activity groups (the proposals
    /// committee and the culture-history-study committee may); drawn members then belong
    /// to no other committee.
    public var drawsFromOtherGroups: Bool

    public init(id: Int64? = nil, officeID: Int64, code: String, name: String, drawsFromOtherGroups: Bool = false) {
        self.id = id; self.officeID = officeID; self.code = code; self.name = name
        self.drawsFromOtherGroups = drawsFromOtherGroups
    }

    public static let databaseTableName = "committees"
    public static let entityName = "专委会"
}
