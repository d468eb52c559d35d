import Foundation
import GRDB

/// What a plugin (a line of work: 提案, 文史资料 …) tells the host about itself. The host
/// registers every manifest at start-up; each office then enables or disables the module.
///
/// A plugin never imports another plugin; it depends on the host only and talks to the
/// rest through core records and events.
public struct PluginManifest: Sendable {
    /// A stable lowercase id (`proposals`), used on the command line and as the prefix of
    /// its permissions, migrations and events.
    public let id: String
    /// The Chinese display name (提案管理).
    public let displayName: String
    /// A one-line Chinese description.
    public let summary: String
    public let version: String
    /// Modules that must be enabled in an office before this one can be.
    public let dependsOn: [String]
    /// The permissions the module adds; their ids start with `id + "."`.
    public let permissions: [Permission]
    /// The module's schema history, applied in order after the core's.
    public let migrations: [PluginMigration]
    /// The events the module emits (`notices.published`), for automation scripts.
    public let events: [EventDescriptor]
    /// Typed per-office settings with defaults (e.g. the proposal deadline in months).
    public let settings: [SettingDescriptor]
    /// The kinds of duty-record entries the module appends (``DutyRecord``).
    public let dutyKinds: [DutyKind]
    /// The Chinese names of the actions the module writes into the audit trail besides
    /// insert/update/delete (`submit` 提交, `approve` 批准), shown in `lvzhi audit list`.
    public let auditActions: [String: String]

    public init(id: String, displayName: String, summary: String, version: String, dependsOn: [String] = [],
                permissions: [Permission] = [], migrations: [PluginMigration] = [], events: [EventDescriptor] = [],
                settings: [SettingDescriptor] = [], dutyKinds: [DutyKind] = [], auditActions: [String: String] = [:]) {
        self.id = id; self.displayName = displayName; self.summary = summary; self.version = version
        self.dependsOn = dependsOn; self.permissions = permissions; self.migrations = migrations
        self.events = events; self.settings = settings; self.dutyKinds = dutyKinds; self.auditActions = auditActions
    }
}

/// One step of a plugin's schema history. Its full identifier in the database is
/// `pluginID.identifier` (`notices.v1.create-notices`), so each plugin keeps its own
/// history inside the one database file.
public struct PluginMigration: Sendable {
    public let identifier: String
    public let migrate: @Sendable (Database) throws -> Void

    public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.migrate = migrate
    }
}

/// An event a module emits after a change commits (`member.added`, `notices.published`).
public struct EventDescriptor: Sendable, Hashable {
    public let name: String
    /// When it is emitted, in Chinese.
    public let summary: String
    public init(_ name: String, _ summary: String) { self.name = name; self.summary = summary }
}

/// A per-office setting of a module, with its kind and its default value as text.
///
/// Values are stored as text in `office_modules.settings` (a JSON object) and checked by
/// ``normalise(_:)`` before they are saved, so a module reading a setting always gets a
/// value of the right shape.
public struct SettingDescriptor: Sendable, Hashable {
    /// What a setting holds.
    public enum Kind: Sendable, Hashable {
        /// A whole number within the range (days, months).
        case integer(ClosedRange<Int>)
        /// A list of names, written separated by 、 , ， or spaces (the categories).
        case list
        /// Labels for fixed keys, written `key=label;key=label` (office-specific names of states).
        case labels(keys: [String])
        /// Free text of at most this many characters (a folder name).
        case text(maxLength: Int)
    }

    public let key: String
    /// The Chinese label.
    public let title: String
    public let kind: Kind
    public let defaultValue: String

    public init(key: String, title: String, kind: Kind, defaultValue: String) {
        self.key = key; self.title = title; self.kind = kind; self.defaultValue = defaultValue
    }

    /// The value in its stored form, or an error naming what is wrong with it.
    public func normalise(_ text: String) throws -> String {
        let text = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else {
                throw LvzhiError.invalid(title, text, "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数")
            }
            return String(n)
        case .list:
            let items = Self.listItems(text)
            guard !items.isEmpty else { throw LvzhiError.invalid(title, text, "至少要有一项", hint: "多项用顿号分隔，如 经济、政治、其他") }
            guard Set(items).count == items.count else { throw LvzhiError.invalid(title, text, "有重复的项") }
            return items.joined(separator: "、")
        case .labels(let keys):
            let pairs = try Self.labelPairs(text, title: title)
            for (key, _) in pairs where !keys.contains(key) {
                throw LvzhiError.invalid(title, key, "不是可以改名的项", hint: "可用：\(keys.joined(separator: "、"))")
            }
            return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
        case .text(let maxLength):
            guard !text.isEmpty else { throw LvzhiError.invalid(title, text, "不能为空") }
            guard text.count <= maxLength else { throw LvzhiError.invalid(title, text, "不能超过 \(maxLength) 个字") }
            return text
        }
    }

    /// The items of a list value.
    public static func listItems(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，; ；　".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }

    /// The `key=label` pairs of a labels value, in order.
    public static func labelPairs(_ text: String, title: String = "名称") throws -> [(String, String)] {
        try text.split(whereSeparator: { ";；\n".contains($0) }).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw LvzhiError.invalid(title, String(part), "应写成 项=名称", hint: "如 filed=已立案待交办;handling=承办中")
            }
            return (pieces[0], pieces[1])
        }
    }
}
