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
    /// The connections: a GRDB pool (one writer, concurrent readers), or for a read-only file a
    /// read-only pool (or queue, when even the folder is read-only).
    public let pool: any DatabaseWriter
    /// Whether the file may only be read (its permissions, or a read-only disk).
    public let isReadOnly: Bool
    /// The checker of the read-only SQL hatch (`lvzhi.db.query`); its connection opens on first use.
    public let readOnlySQL: ReadOnlySQL
    /// Storage messages (migrations applied); the CLI shows them with `LVZHI_LOG=info`.
    static let logger = Logger(label: "lvzhi.storage")

    /// Opens (and, when `create` is true, creates) the database at `path` and migrates it.
    ///
    /// Nothing is written to a file that is not an lvzhi database: an empty file only becomes one
    /// when `create` is asked for (`lvzhi init`), and another program's SQLite file or a file that is
    /// not SQLite is refused, byte for byte untouched. A database that may only be read is opened
    /// read-only (reads work; a write is refused with a clear message), unless it needs migrating.
    /// - Throws: ``LvzhiError`` `storage` when the file is missing (and `create` is false), not an
    ///   lvzhi database, or unusable.
    public init(path: String, registry: ModuleRegistry, create: Bool = false) throws {
        self.path = path
        readOnlySQL = ReadOnlySQL(path: path)
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw LvzhiError(.storage, "数据库文件不存在：\(path)",
                             hint: "先执行 lvzhi init --db \(path) 创建数据库，或用 --db 或环境变量 LVZHI_DB 指定已有的数据库")
        }
        let migrator = Self.migrator(registry: registry)
        do {
            if exists {
                switch try DatabaseFile.kind(at: path) {
                case .lvzhi:
                    break
                case .empty where create:
                    break
                case .empty:
                    throw LvzhiError(.storage, "「\(path)」是一个空文件，不是履职平台的数据库；没有写入任何内容",
                                     hint: "要在这个文件中创建数据库，执行 lvzhi init --db \(path)；否则用 --db 指定已有的数据库")
                case .foreign(let tables):
                    let shown = tables.prefix(5).joined(separator: "、") + (tables.count > 5 ? " 等 \(tables.count) 张表" : "")
                    throw LvzhiError(.storage, "「\(path)」是其他程序的 SQLite 数据库（\(tables.isEmpty ? "没有表" : "含 " + shown)），不是履职平台的数据库；没有写入任何内容",
                                     hint: "用 lvzhi init --db 新文件路径 创建履职平台的数据库；不要与其他程序共用一个文件")
                case .notSQLite:
                    throw LvzhiError(.storage, "「\(path)」不是 SQLite 数据库文件；没有写入任何内容",
                                     hint: "用 --db 或环境变量 LVZHI_DB 指定履职平台的数据库（lvzhi init 创建的 .sqlite 文件）")
                }
            }
            isReadOnly = exists && !DatabaseFile.isWritable(path)
            if isReadOnly {
                let applied = try DatabaseFile.readOnly(path) { db in try migrator.appliedIdentifiers(db) }
                let pending = migrator.migrations.filter { !applied.contains($0) }
                guard pending.isEmpty else {
                    throw LvzhiError(.storage, "数据库「\(path)」是只读的，但需要升级结构（\(pending.count) 项迁移）才能使用",
                                     hint: "请在可写的位置用这个版本的 lvzhi 打开一次（如 lvzhi init --db 路径），再复制回只读位置")
                }
                do {
                    pool = try DatabasePool(path: path, configuration: DatabaseFile.configuration(readonly: true))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
                    pool = try DatabaseQueue(path: DatabaseFile.immutableURI(path), configuration: DatabaseFile.configuration(readonly: true))
                }
                return
            }
            pool = try DatabasePool(path: path, configuration: DatabaseFile.configuration(readonly: false))
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            let toApply = migrator.migrations.filter { !applied.contains($0) }
            if !toApply.isEmpty {
                Self.logger.info("数据库 \(path)：执行 \(toApply.count) 项迁移：\(toApply.joined(separator: "、"))")
                try migrator.migrate(pool)
            }
        } catch let error as LvzhiError {
            throw error
        } catch {
            let translated = LvzhiError.translating(error)
            throw LvzhiError(translated.code, "无法打开数据库「\(path)」：\(translated.message)",
                             hint: translated.hint ?? "确认该文件是履职平台的数据库且有读写权限", cause: error)
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

    /// Runs `body` with SQLite's heap capped at what it holds now plus `bytes`, then puts back the cap
    /// there was: for script runs inside a process that does other work too (an event handler run
    /// by the command whose change raised the event), where a process-wide cap of its own cannot be.
    /// A tighter cap already in force stays. `bytes` nil: no cap added.
    public static func withHeapBudget<T>(_ bytes: Int?, _ body: () throws -> T) rethrows -> T {
        guard let bytes else { return try body() }
        let previous = sqlite3_hard_heap_limit64(-1)
        let budget = sqlite3_memory_used() + Int64(bytes)
        _ = sqlite3_hard_heap_limit64(previous > 0 ? min(previous, budget) : budget)
        defer { _ = sqlite3_hard_heap_limit64(previous) }
        return try body()
    }

    /// The identifiers of the migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }
}
