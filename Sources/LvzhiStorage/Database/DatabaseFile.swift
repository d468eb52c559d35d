import Foundation
import GRDB
import LvzhiCore

/// What a file given as `--db` holds, found out without writing a byte to it, so that lvzhi
/// never puts its schema into a file that is not one of its databases.
enum DatabaseFile {
    /// The kinds of file.
    enum Kind: Equatable {
        /// An lvzhi database (it has the core's first migration).
        case lvzhi
        /// An empty file (0 bytes): `lvzhi init` may make it a database.
        case empty
        /// A SQLite database of another program, with its tables.
        case foreign(tables: [String])
        /// Not a SQLite file at all.
        case notSQLite
    }

    /// The migration every lvzhi database has had since the first version.
    static let firstMigration = "core.v1.create-organisation"

    /// The kind of the existing file at `path`.
    /// - Throws: ``LvzhiError`` `storage` when the file cannot be read.
    static func kind(at path: String) throws -> Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LvzhiError(.storage, "无法读取数据库文件：\(path)", hint: "确认文件存在且有读取权限")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .empty }
        guard header == Data("SQLite format 3\u{0}".utf8) else { return .notSQLite }
        let tables = try readOnly(path) { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        if tables.contains("grdb_migrations"),
           try readOnly(path, { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
                                                        arguments: [firstMigration]) }) == true {
            return .lvzhi
        }
        return .foreign(tables: tables)
    }

    /// Whether lvzhi may write to the file at `path` (and create its `-wal` and `-shm` files beside it).
    static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// Runs `body` on a read-only connection to `path`: a plain one, or, when SQLite cannot open
    /// one because the folder is read-only too, one that treats the file as immutable.
    static func readOnly<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try DatabaseQueue(path: path, configuration: configuration(readonly: true)).read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration(readonly: true)).read(body)
        }
    }

    /// The URI that opens `path` as an immutable file (no locks, no `-shm`), for read-only folders.
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }

    /// The connection settings of every lvzhi database.
    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.readonly = readonly
        if !readonly {
            // Temporary storage in memory: inside a long transaction, every insert into a table with
            // triggers (members) keeps a statement journal, which Debian's SQLite otherwise writes to a
            // file in /var/tmp, page by page (160,000 writes for a 10,000-member import).
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY") }
        }
        return configuration
    }
}
