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

    public init(id: String, displayName: String, summary: String, version: String, dependsOn: [String] = [],
                permissions: [Permission] = [], migrations: [PluginMigration] = [], events: [EventDescriptor] = [],
                settings: [SettingDescriptor] = []) {
        self.id = id; self.displayName = displayName; self.summary = summary; self.version = version
        self.dependsOn = dependsOn; self.permissions = permissions; self.migrations = migrations
        self.events = events; self.settings = settings
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

/// A per-office setting of a module, with its default value as text.
public struct SettingDescriptor: Sendable, Hashable {
    public let key: String
    /// The Chinese label.
    public let title: String
    public let defaultValue: String
    public init(key: String, title: String, defaultValue: String) {
        self.key = key; self.title = title; self.defaultValue = defaultValue
    }
}
