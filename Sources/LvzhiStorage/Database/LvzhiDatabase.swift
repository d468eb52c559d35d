import Foundation
import GRDB
import GRDBSQLite
import LvzhiCore
import Logging

/// The one SQLite file that holds an installation's data, opened through GRDB in WAL mode
/// with foreign keys on, its schema brought up to date by the core's and every registered
/// plugin's migrations.
public final class LvzhiDatabase: Sendable {
    /// The file path.
    public let path: String
    /// The GRDB connection pool (one writer, concurrent readers).
    public let pool: DatabasePool
    /// The checker of the read-only SQL hatch (`lvzhi.db.query`); its connection opens on first use.
    public let readOnlySQL: ReadOnlySQL
    /// Storage messages (migrations applied); the CLI shows them with `LVZHI_LOG=info`.
    static let logger = Logger(label: "lvzhi.storage")

    /// Opens (and, when `create` is true, creates) the database at `path` and migrates it.
    /// - Throws: ``LvzhiError`` `storage` when the file is missing (and `create` is false) or unusable.
    public init(path: String, registry: ModuleRegistry, create: Bool = false) throws {
        self.path = path
        readOnlySQL = ReadOnlySQL(path: path)
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw LvzhiError(.storage, "数据库文件不存在：\(path)",
                             hint: "先执行 lvzhi init --db \(path) 创建数据库，或用 --db 或环境变量 LVZHI_DB 指定已有的数据库")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Self.migrator(registry: registry)
            let pending = try pool.read { db in try migrator.appliedIdentifiers(db) }
            let toApply = migrator.migrations.filter { !pending.contains($0) }
            if !toApply.isEmpty {
                Self.logger.info("数据库 \(path)：执行 \(toApply.count) 项迁移：\(toApply.joined(separator: "、"))")
            }
            try migrator.migrate(pool)
        } catch let error as LvzhiError {
            throw error
        } catch {
            throw LvzhiError(.storage, "无法打开数据库 \(path)：\(error)", hint: "确认该文件是履职平台的数据库且有读写权限", cause: error)
        }
    }

    /// The migrator: the core's migrations first, then each plugin's in registration order,
    /// every identifier prefixed with its owner (`core.v1…`, `notices.v1…`).
    public static func migrator(registry: ModuleRegistry) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        CoreMigrations.register(in: &migrator)
        for manifest in registry.manifests {
            for migration in manifest.migrations {
                migrator.registerMigration("\(manifest.id).\(migration.identifier)", migrate: migration.migrate)
            }
        }
        return migrator
    }

    /// Caps the memory SQLite may allocate in this whole process (`sqlite3_hard_heap_limit64`):
    /// past it, SQLite fails the allocation with `SQLITE_NOMEM` instead of growing. Process-wide,
    /// so only a process that does nothing but one script run (the script worker) sets it.
    /// - Parameter bytes: the limit (0: none).
    public static func limitProcessHeap(to bytes: Int) {
        _ = sqlite3_hard_heap_limit64(Int64(bytes))
    }

    /// The identifiers of the migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }
}
