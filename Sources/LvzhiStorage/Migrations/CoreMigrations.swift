import GRDB
import LvzhiCore

/// The core schema: offices, terms, sessions, sectors, groups, committees, members,
/// handling units, users and roles, module enablement and the audit trail.
///
/// Invariants live in the schema where SQLite can hold them (NOT NULL, UNIQUE, foreign
/// keys, CHECK, triggers), so that no code path can store what the rules forbid.
enum CoreMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("core.v1.create-organisation") { db in
            try db.create(table: "offices") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("name", .text).notNull().unique()
                t.reference("parent", table: "offices", onDelete: .restrict)
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "terms") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull().check { $0 > 0 }
                t.column("starts_on", .text).notNull()
                t.column("ends_on", .text)
                t.column("is_current", .boolean).notNull().defaults(to: false)
                t.uniqueKey(["office_id", "number"])
            }
            try db.execute(sql: "CREATE UNIQUE INDEX terms_one_current ON terms(office_id) WHERE is_current")
            try db.create(table: "plenary_sessions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.reference("term", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull().check { $0 > 0 }
                t.column("opens_on", .text).notNull()
                t.column("closes_on", .text)
                t.uniqueKey(["term_id", "number"])
            }
            try db.create(table: "committees") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("code", .text).notNull()
                t.column("name", .text).notNull()
                t.column("draws_from_other_groups", .boolean).notNull().defaults(to: false)
                t.uniqueKey(["office_id", "code"])
                t.uniqueKey(["office_id", "name"])
            }
            try db.create(table: "activity_groups") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.reference("committee", onDelete: .setNull)
                t.uniqueKey(["office_id", "name"])
            }
            try db.create(table: "sectors") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.reference("group", table: "activity_groups", onDelete: .setNull)
                t.uniqueKey(["office_id", "name"])
            }
            try db.create(table: "members") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.reference("term", onDelete: .restrict).notNull()
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("gender", .text).notNull().check { ["男", "女"].contains($0) }
                t.column("ethnicity", .text)
                t.column("birth_date", .text)
                t.reference("sector", onDelete: .restrict).notNull()
                t.reference("group", table: "activity_groups", onDelete: .setNull)
                t.reference("drawn_committee", table: "committees", onDelete: .setNull)
                t.column("party", .text)
                t.column("roles", .text).notNull().defaults(to: "[]")
                t.column("mobile", .text)
                t.column("email", .text)
                t.column("address", .text)
                t.column("created_at", .text).notNull()
            }
            try db.create(index: "members_by_office_name", on: "members", columns: ["office_id", "name"])
            // 全员入委: only a committee that may draw from other groups can hold a drawn member.
            for event in ["INSERT", "UPDATE OF drawn_committee_id"] {
                let name = event.hasPrefix("INSERT") ? "members_draw_insert" : "members_draw_update"
                try db.execute(sql: """
                    CREATE TRIGGER \(name) BEFORE \(event) ON members
                    WHEN NEW.drawn_committee_id IS NOT NULL
                     AND (SELECT draws_from_other_groups FROM committees WHERE id = NEW.drawn_committee_id) IS NOT 1
                    BEGIN SELECT RAISE(ABORT, '全员入委：只有提案委员会、文化文史和学习委员会可以跨组选调委员'); END
                    """)
                try db.execute(sql: """
                    CREATE TRIGGER \(name)_office BEFORE \(event) ON members
                    WHEN NEW.drawn_committee_id IS NOT NULL
                     AND (SELECT office_id FROM committees WHERE id = NEW.drawn_committee_id) IS NOT NEW.office_id
                    BEGIN SELECT RAISE(ABORT, '全员入委：委员只能进入本政协的专委会'); END
                    """)
            }
            try db.execute(sql: """
                CREATE TRIGGER committees_keep_draws BEFORE UPDATE OF draws_from_other_groups ON committees
                WHEN NEW.draws_from_other_groups = 0 AND EXISTS (SELECT 1 FROM members WHERE drawn_committee_id = NEW.id)
                BEGIN SELECT RAISE(ABORT, '该专委会仍有跨组选调的委员，不能取消其选调资格'); END
                """)
            try db.create(table: "handling_units") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("contact", .text)
                t.uniqueKey(["office_id", "name"])
            }
            try db.create(table: "users") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique().collate(.nocase)
                t.column("display_name", .text).notNull()
                t.column("is_superuser", .boolean).notNull().defaults(to: false)
                t.reference("member", onDelete: .setNull)
                t.reference("handling_unit", onDelete: .setNull)
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "role_grants") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("user", onDelete: .cascade).notNull()
                t.reference("office", onDelete: .cascade).notNull()
                t.column("role", .text).notNull().check { ["administrator", "staff", "archivist", "member", "handling_unit"].contains($0) }
                t.column("granted_at", .text).notNull()
                t.uniqueKey(["user_id", "office_id", "role"])
            }
            try db.create(table: "office_modules") { t in
                t.reference("office", onDelete: .cascade).notNull()
                t.column("module_id", .text).notNull()
                t.column("enabled", .boolean).notNull()
                t.column("settings", .text).notNull().defaults(to: "{}")
                t.column("updated_at", .text).notNull()
                t.primaryKey(["office_id", "module_id"])
            }
            try db.create(table: "audit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("user_id", .integer)
                t.column("username", .text).notNull()
                t.column("office_id", .integer)
                t.column("entity", .text).notNull()
                t.column("entity_id", .integer)
                t.column("action", .text).notNull()
                t.column("before", .text)
                t.column("after", .text)
            }
            try db.create(index: "audit_by_office_time", on: "audit_log", columns: ["office_id", "at"])
            try db.create(index: "audit_by_entity", on: "audit_log", columns: ["entity", "entity_id"])
            // The audit trail is append-only.
            try db.execute(sql: """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END;
                """)
        }

        // Office automation: stored Lua scripts and the failures of event handlers.
        migrator.registerMigration("core.v2.create-scripts") { db in
            try db.create(table: "office_scripts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("kind", .text).notNull().check { ["module", "rule", "handler"].contains($0) }
                t.column("event", .text)
                t.column("source", .text).notNull()
                t.column("updated_by", .text).notNull()
                t.column("updated_at", .text).notNull()
                t.uniqueKey(["office_id", "name"])
                t.check(sql: "(kind = 'handler') = (event IS NOT NULL)")
            }
            try db.create(table: "script_failures") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.column("script_name", .text).notNull()
                t.column("event", .text).notNull()
                t.column("username", .text)
                t.column("message", .text).notNull()
                t.column("at", .text).notNull()
            }
        }

        // The duty record (履职档案): entries modules append for each member.
        migrator.registerMigration("core.v3.create-duty-records") { db in
            try db.create(table: "duty_records") { t in
                t.autoIncrementedPrimaryKey("id")
                t.reference("office", onDelete: .cascade).notNull()
                t.reference("term", onDelete: .restrict).notNull()
                t.reference("member", onDelete: .cascade).notNull()
                t.column("module_id", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("title", .text).notNull()
                t.column("entity", .text).notNull()
                t.column("entity_id", .integer).notNull()
                t.column("occurred_on", .text).notNull()
                t.column("recorded_at", .text).notNull()
                t.uniqueKey(["member_id", "kind", "entity", "entity_id"])
            }
            try db.create(index: "duty_records_by_office", on: "duty_records", columns: ["office_id", "occurred_on"])
        }
    }
}
