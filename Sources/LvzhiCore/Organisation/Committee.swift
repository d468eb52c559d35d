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

    /// Whether a committee of this name may be allowed to draw: only the proposals committee
    /// (提案委员会) and the culture-history-study committee (文化文史和学习委员会, 文史委) may.
    public static func mayDraw(name: String) -> Bool {
        name.contains("提案") || name.contains("文史")
    }

    /// Refuses the drawing flag on any other committee.
    public static func validateDrawing(name: String, drawsFromOtherGroups: Bool) throws {
        guard drawsFromOtherGroups, !mayDraw(name: name) else { return }
        throw LvzhiError.invalid("专委会", name, "按“全员入委”规定，只有提案委员会、文化文史和学习委员会可以跨组选调委员",
                                 hint: "去掉 --draws-from-other-groups，或检查专委会名称")
    }

    public static let databaseTableName = "committees"
    public static let entityName = "专委会"
}
