import GRDB
import LvzhiCore

/// 通知公告: a small built-in module through which an office publishes notices to its
/// members (meeting notices, study arrangements). It is deliberately small: it shows every
/// part of the plugin contract (id, Chinese name, its own migrations, permissions, events)
/// working end to end, and it is the pattern the larger modules follow.
public enum NoticesPlugin {
    /// The module id, the prefix of its permissions, migrations and events.
    public static let id = "notices"

    /// 发布通知公告: administrators and staff.
    public static let publish = Permission(id: "notices.publish", title: "发布和撤回通知公告", moduleID: id, roles: [.administrator, .staff])
    /// 查看通知公告: everyone in the office.
    public static let read = Permission(id: "notices.read", title: "查看通知公告", moduleID: id, roles: Set(Role.allCases))

    /// The manifest the host registers.
    public static let manifest = PluginManifest(
        id: id,
        displayName: "通知公告",
        summary: "向本政协委员发布会议通知、学习安排等公告",
        version: "1.0.0",
        permissions: [publish, read],
        migrations: [
            PluginMigration("v1.create-notices") { db in
                try db.create(table: "notices") { t in
                    t.autoIncrementedPrimaryKey("id")
                    t.reference("office", onDelete: .cascade).notNull()
                    t.column("title", .text).notNull().check { length($0) > 0 }
                    t.column("body", .text).notNull()
                    t.column("published_by", .text).notNull()
                    t.column("published_at", .text).notNull()
                    t.column("withdrawn_at", .text)
                }
                try db.create(index: "notices_by_office", on: "notices", columns: ["office_id", "published_at"])
            },
        ],
        events: [
            EventDescriptor("notices.published", "发布通知公告后"),
            EventDescriptor("notices.withdrawn", "撤回通知公告后"),
        ],
        auditActions: ["withdraw": "撤回"]
    )
}
