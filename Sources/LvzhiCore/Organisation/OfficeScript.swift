import GRDB

/// A Lua script an office keeps in the database: a `module` other scripts `require`, a
/// `rule` run on demand, or a `handler` run after an event (`member.added` …) commits.
public struct OfficeScript: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var name: String
    public var kind: Kind
    /// The event a handler runs on; nil for modules and rules.
    public var event: String?
    public var source: String
    public var updatedBy: String
    public var updatedAt: String

    /// What a stored script is for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case module, rule, handler

        /// The Chinese name.
        public var title: String {
            switch self {
            case .module: "模块"
            case .rule: "规则"
            case .handler: "事件处理"
            }
        }
    }

    public init(id: Int64? = nil, officeID: Int64, name: String, kind: Kind, event: String?, source: String, updatedBy: String, updatedAt: String) {
        self.id = id; self.officeID = officeID; self.name = name; self.kind = kind; self.event = event
        self.source = source; self.updatedBy = updatedBy; self.updatedAt = updatedAt
    }

    public static let databaseTableName = "office_scripts"
    public static let entityName = "脚本"

    /// Refuses a name that is not a valid `require` name (letters, digits, `_`, `.`, `-`, Chinese).
    public static func validateName(_ name: String) throws {
        let ok = (1...64).contains(name.count) && name.allSatisfy { $0.isLetter || $0.isNumber || "_.-".contains($0) }
        if !ok { throw LvzhiError.invalid("脚本名称", name, "应为 1–64 个字母、数字、汉字或 _ . -") }
    }
}

/// An event handler that failed: recorded for administrators; the change it reacted to stands.
public struct ScriptFailure: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var scriptName: String
    public var event: String
    public var username: String?
    public var message: String
    public var at: String

    public init(id: Int64? = nil, officeID: Int64, scriptName: String, event: String, username: String?, message: String, at: String) {
        self.id = id; self.officeID = officeID; self.scriptName = scriptName; self.event = event
        self.username = username; self.message = message; self.at = at
    }

    public static let databaseTableName = "script_failures"
    public static let entityName = "脚本失败记录"
}
