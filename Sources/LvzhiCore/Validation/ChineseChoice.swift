/// A fixed choice of the domain (层级, 用途, 测评意见, 角色 …): stored by its English id, shown
/// and typed by its Chinese title. One lookup serves every such choice: the id (in any letter
/// case), the title, or one of the other names people use (集合 for 全宗, 文史工作者 for 文史工作人员).
public protocol ChineseChoice: CaseIterable, RawRepresentable where RawValue == String {
    /// The Chinese name, as lists and tables show it.
    var title: String { get }
    /// Other names people write for it, beside its id and its title (none by default).
    var aliases: [String] { get }
}

extension ChineseChoice {
    public var aliases: [String] { [] }

    /// The choice `text` names (spaces around it ignored), or nil.
    public static func named(_ text: String) -> Self? {
        let t = text.trimmed
        if let choice = Self(rawValue: t) ?? Self(rawValue: t.lowercased()) ?? Self(rawValue: t.uppercased()) { return choice }
        return allCases.first { $0.title == t } ?? allCases.first { $0.aliases.contains(t) }
    }

    /// Every choice as `title（id）`, joined by 、, for messages that list what may be written.
    public static var listed: String { allCases.map { "\($0.title)（\($0.rawValue)）" }.joined(separator: "、") }
}
