import GRDB
import LvzhiCore

/// A person or an organisation the archive knows: a source, an author, a narrator, an
/// interviewer, a transcriber or a subject; optionally the office's member.
public struct ArchiveAgent: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// `person` or `organisation`.
    public var kind: String
    public var name: String
    public var memberID: Int64?
    /// Dates of life or existence, free text (1931–2019, 约1920年生).
    public var dates: String?
    public var notes: String?
    public var createdAt: String

    public static let databaseTableName = "archive_agents"
    public static let entityName = "人物或机构"

    /// The kinds of agents.
    public static let kinds = ["person": "个人", "organisation": "机构"]
}

/// The part an agent plays for an accession or a description unit.
public enum AgentRole: String, Codable, Sendable, CaseIterable, ChineseChoice {
    case source, author, narrator, interviewer, transcriber, subject

    public var title: String {
        switch self {
        case .source: "提供者"
        case .author: "作者"
        case .narrator: "口述者"
        case .interviewer: "采集者"
        case .transcriber: "整理者"
        case .subject: "涉及人物或机构"
        }
    }

    /// Parses the English id or the Chinese name.
    public static func parse(_ text: String) throws -> AgentRole {
        if let role = named(text) { return role }
        throw LvzhiError.invalid("角色", text, "不是可识别的角色", hint: allCases.map { "\($0.rawValue)（\($0.title)）" }.joined(separator: "、"))
    }
}

/// An agent linked to an accession or a unit in a role.
public struct AgentLink: Hashable, LvzhiRecord {
    public var id: Int64?
    public var agentID: Int64
    public var role: AgentRole
    public var accessionID: Int64?
    public var unitID: Int64?
    public var officeID: Int64? { nil }

    public static let databaseTableName = "archive_agent_links"
    public static let entityName = "人物关联"

    enum CodingKeys: String, CodingKey { case id, agentID, role, accessionID, unitID }
}
