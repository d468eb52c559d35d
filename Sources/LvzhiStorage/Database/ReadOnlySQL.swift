import Foundation
import GRDB
import GRDBSQLite
import LvzhiCore

/// The read-only SQL hatch (`lvzhi.db.query`), enforced by SQLite rather than by a list of
/// keywords.
///
/// Every SQL text is first *compiled, never run*, on a second connection to the same file:
/// opened `SQLITE_OPEN_READONLY`, with no attached databases allowed, and with a strict
/// authorizer installed once. The authorizer lets a statement through only when its first
/// action is a `SELECT` and every later action is a read of one of the database's own tables
/// (or a few read-only table-valued functions: `json_each`, `json_tree`, `pragma_table_info`
/// and its kin), a recursive CTE, or a call of a whitelisted pure function. Everything else —
/// transaction control, savepoints, `ATTACH`/`DETACH`, `PRAGMA`, writes, schema changes,
/// `load_extension`, `fts3_tokenizer`, the `temp` schema — is denied, and the reason the
/// authorizer recorded becomes the Chinese message. The statement must also be
/// `sqlite3_stmt_readonly` (this catches `VACUUM`, which the authorizer never sees) and alone
/// (no second statement after the first).
///
/// A text that passes is then prepared again on the run's own connection (so reads see the
/// script's uncommitted writes) and must be read-only there too. GRDB keeps its own authorizer
/// on that connection; replacing it, even for a moment, would break GRDB and expire the
/// statements of cursors a script is iterating, which is why the check uses a connection of
/// its own. Validated texts are remembered (by their exact UTF-8 bytes, at most
/// ``cacheLimit`` of them) so that a query in a loop is checked once.
public final class ReadOnlySQL: @unchecked Sendable {
    /// The database file.
    public let path: String
    /// How many validated texts are remembered before the memory is cleared.
    public static let cacheLimit = 512

    private let lock = NSLock()
    private var connection: OpaquePointer?
    private var validated: Set<[UInt8]> = []
    private let verdict = Verdict()

    /// A checker for the database at `path`; the connection opens on first use.
    public init(path: String) {
        self.path = path
    }

    deinit {
        if let connection { sqlite3_close_v2(connection) }
    }

    // MARK: - Checking

    /// Refuses `sql` unless it is one statement that only reads the database's own tables.
    /// - Throws: ``LvzhiError`` `permissionDenied` naming the refused class and the offending
    ///   text, `invalidInput` for SQL that does not compile.
    public func check(_ sql: String) throws {
        let key = Array(sql.utf8)
        try lock.withLock {
            if validated.contains(key) { return }
            let db = try open()
            try compile(sql, on: db)
            if validated.count >= Self.cacheLimit { validated.removeAll(keepingCapacity: true) }
            validated.insert(key)
        }
    }

    private func open() throws -> OpaquePointer {
        if let connection { return connection }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite 错误 \(code)"
            if let db { sqlite3_close_v2(db) }
            throw LvzhiError(.storage, "无法打开数据库以检查 SQL：\(message)", hint: "确认数据库文件 \(path) 存在且可读")
        }
        sqlite3_busy_timeout(db, 10_000)
        // As on GRDB's connections: "x" is an identifier, never a string (the same text must
        // mean the same thing on both connections).
        _disableDoubleQuotedStringLiterals(db)
        sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0)
        sqlite3_set_authorizer(db, { context, action, a, b, c, _ in
            Unmanaged<Verdict>.fromOpaque(context!).takeUnretainedValue().authorize(action, a, b, c)
        }, Unmanaged.passUnretained(verdict).toOpaque())
        connection = db
        return db
    }

    /// Compiles `sql` under the strict authorizer; throws the refusal if any.
    private func compile(_ sql: String, on db: OpaquePointer) throws {
        verdict.tables = try tableNames(db)
        verdict.reset()
        try sql.withCString { start in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(db, start, -1, &statement, &tail)
            defer { sqlite3_finalize(statement) }
            if let refusal = verdict.refusal { throw refusal.error(sql: sql) }
            guard code == SQLITE_OK else {
                throw LvzhiError(.invalidInput, "lvzhi.db.query 的 SQL 有误：\(String(cString: sqlite3_errmsg(db)))（\(Self.excerpt(sql))）",
                                 hint: "检查表名、列名和语法；查看表结构可用 SELECT name, type FROM pragma_table_info('表名')")
            }
            guard let statement else {
                throw LvzhiError(.invalidInput, "lvzhi.db.query 的 SQL 是空的", hint: "写一条 SELECT 语句，例如 SELECT COUNT(*) AS n FROM members")
            }
            guard verdict.sawSelect, sqlite3_stmt_readonly(statement) != 0 else {
                throw Refusal.notQuery.error(sql: sql)
            }
            // Anything but blanks and comments after the first statement is a second statement.
            if let tail, tail.pointee != 0 {
                verdict.reset()
                verdict.inTail = true
                var next: OpaquePointer?
                let rest = String(cString: tail)
                _ = sqlite3_prepare_v2(db, tail, -1, &next, nil)
                let found = next != nil || verdict.refusal != nil || sqlite3_errcode(db) != SQLITE_OK
                sqlite3_finalize(next)
                if found { throw Refusal.multiple(rest.trimmingCharacters(in: .whitespacesAndNewlines)).error(sql: sql) }
            }
        }
    }

    /// The names of the tables and views of the main schema (read with the authorizer open).
    private func tableNames(_ db: OpaquePointer) throws -> Set<String> {
        verdict.trusted = true
        defer { verdict.trusted = false }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT name FROM main.sqlite_schema WHERE type IN ('table', 'view')", -1, &statement, nil) == SQLITE_OK else {
            throw LvzhiError(.storage, "无法读取数据库结构以检查 SQL：\(String(cString: sqlite3_errmsg(db)))")
        }
        defer { sqlite3_finalize(statement) }
        var names: Set<String> = ["sqlite_master", "sqlite_schema"]
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw LvzhiError(.storage, "无法读取数据库结构以检查 SQL：\(String(cString: sqlite3_errmsg(db)))")
            }
            if let name = sqlite3_column_text(statement, 0) { names.insert(String(cString: name)) }
        }
        return names
    }

    static func excerpt(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return flat.count > 80 ? String(flat.prefix(80)) + "…" : flat
    }

    // MARK: - Running

    /// Runs `sql` (after ``check(_:)``) on `db` — the caller's connection, inside its
    /// transaction — with `arguments` bound to its `?` placeholders, calling `body` for
    /// each row.
    ///
    /// - Parameter maxLength: the largest string or blob the query may produce, in bytes
    ///   (`SQLITE_LIMIT_LENGTH` for the duration of the query; nil: SQLite's own limit).
    /// - Throws: the refusals of ``check(_:)``; ``LvzhiError`` `invalidInput` when the number
    ///   of arguments does not match the placeholders; `limitExceeded` when SQLite runs out of
    ///   memory (its heap limit) or a value exceeds `maxLength` (see ``isMemoryLimit(_:)``).
    public func query(_ sql: String, arguments: [DatabaseValue], db: Database, maxLength: Int?,
                      _ body: (ReadOnlySQLRow) throws -> Void) throws {
        try check(sql)
        let statement: Statement
        do {
            statement = try db.makeStatement(sql: sql)
        } catch let error as DatabaseError where !Self.isMemoryLimit(error) {
            throw LvzhiError(.invalidInput, "lvzhi.db.query 的 SQL 有误：\(error.message ?? "\(error)")（\(Self.excerpt(sql))）",
                             hint: "检查表名、列名和语法", cause: error)
        }
        guard statement.isReadonly else { throw Refusal.notQuery.error(sql: sql) }
        let placeholders = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        guard placeholders == arguments.count else {
            throw LvzhiError(.invalidInput,
                             "lvzhi.db.query 的参数个数不对：SQL 中有 \(placeholders) 个占位符（?），却给了 \(arguments.count) 个参数（\(Self.excerpt(sql))）",
                             hint: "每个 ? 对应 sql 之后的一个参数，按顺序给出")
        }
        do {
            try statement.setArguments(StatementArguments(arguments))
        } catch {
            throw LvzhiError(.invalidInput, "lvzhi.db.query 的参数不能用于这条 SQL：\(error)", hint: "每个 ? 对应 sql 之后的一个参数，按顺序给出", cause: error)
        }
        let connection = db.sqliteConnection!
        let previous = sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, -1)
        if let maxLength, maxLength > 0 {
            sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, Int32(clamping: min(maxLength, Int(previous))))
        }
        defer { sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, previous) }
        do {
            let cursor = try Row.fetchCursor(statement)
            let row = ReadOnlySQLRow(statement: statement.sqliteStatement, columnNames: statement.columnNames)
            while try cursor.next() != nil {
                try body(row)
            }
        } catch let error as DatabaseError where Self.isMemoryLimit(error) {
            throw LvzhiError(.limitExceeded, "lvzhi.db.query 所需的内存超过上限（\(Self.excerpt(sql))）",
                             hint: "用 LIMIT、更少的列或聚合缩小结果，或用 --max-memory 调高上限", cause: error)
        } catch let error as DatabaseError {
            throw LvzhiError(.invalidInput, "lvzhi.db.query 执行出错：\(error.message ?? "\(error)")（\(Self.excerpt(sql))）", cause: error)
        }
    }

    /// Whether `error` is SQLite running out of memory (`SQLITE_NOMEM`, e.g. at its heap
    /// limit) or refusing a value larger than its length limit (`SQLITE_TOOBIG`).
    public static func isMemoryLimit(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_NOMEM || error.resultCode == .SQLITE_TOOBIG
    }

    // MARK: - The authorizer

    /// Why a text was refused; each case names its class in Chinese.
    enum Refusal {
        case transaction(String)
        case savepoint(String)
        case attach(String)
        case detach(String)
        case pragma(String)
        case function(String)
        case table(String)
        case otherSchema(String)
        case write(String)
        case notQuery
        case multiple(String)

        func error(sql: String) -> LvzhiError {
            let prefix = "lvzhi.db.query 只允许读取本数据库的表，拒绝"
            let writeHint = "修改数据请用各模块的接口，它们会做校验并记入审计"
            let text = ReadOnlySQL.excerpt(sql)
            switch self {
            case .transaction(let verb):
                return LvzhiError(.permissionDenied, "\(prefix)事务控制语句「\(verb)」（\(text)）",
                                  hint: "一次运行本身就是一个事务：正常结束即提交，出错或 --dry-run 即撤销，脚本不能自己提交或回滚")
            case .savepoint(let verb):
                return LvzhiError(.permissionDenied, "\(prefix)保存点语句「\(verb)」（\(text)）",
                                  hint: "一次运行本身就是一个事务，脚本不能设置或回滚保存点；需要部分撤销时请用 pcall 包住会出错的接口调用")
            case .attach(let file):
                return LvzhiError(.permissionDenied, "\(prefix)附加数据库（ATTACH「\(file)」）（\(text)）",
                                  hint: "只能查询本数据库；导出数据请用 lvzhi.report.save 写到 --out 目录")
            case .detach(let name):
                return LvzhiError(.permissionDenied, "\(prefix)分离数据库（DETACH「\(name.quotedForMessage)」）（\(text)）", hint: "只能查询本数据库")
            case .pragma(let name):
                return LvzhiError(.permissionDenied, "\(prefix) PRAGMA 语句「PRAGMA \(name)」（\(text)）",
                                  hint: "PRAGMA 会改变或查看数据库引擎的设置；查看表结构请用 SELECT * FROM pragma_table_info('表名')，索引用 pragma_index_list('表名')")
            case .function(let name):
                return LvzhiError(.permissionDenied, "\(prefix)函数「\(name)()」（\(text)）",
                                  hint: "只能使用 SQLite 的普通函数（字符串、数值、日期、JSON、聚合、窗口函数）；加载扩展或访问文件的函数一律拒绝")
            case .table(let name):
                return LvzhiError(.permissionDenied, "\(prefix)「\(name.quotedForMessage)」：它不是本数据库的表或视图（\(text)）",
                                  hint: "可读的是本数据库的表和视图，以及 json_each、json_tree、pragma_table_info 等只读的表值函数")
            case .otherSchema(let schema):
                return LvzhiError(.permissionDenied, "\(prefix)其他数据库「\(schema)」中的表（\(text)）", hint: "只能查询本数据库（main）的表")
            case .write(let what):
                return LvzhiError(.permissionDenied, "\(prefix)写入或修改结构的语句（\(what)）（\(text)）", hint: writeHint)
            case .notQuery:
                let verb = text.split(separator: " ").first.map(String.init)?.uppercased() ?? text
                return LvzhiError(.permissionDenied, "\(prefix)不是查询的语句「\(verb)」（\(text)）",
                                  hint: "只能执行 SELECT（含 WITH … SELECT、VALUES）；" + writeHint)
            case .multiple(let rest):
                return LvzhiError(.permissionDenied, "lvzhi.db.query 一次只执行一条语句，拒绝第一条之后的「\(ReadOnlySQL.excerpt(rest))」",
                                  hint: "去掉末尾多余的语句；多条查询请分别调用 lvzhi.db.query")
            }
        }
    }

    /// The read-only table-valued functions a query may read (besides the schema's tables).
    static let readableFunctions: Set<String> = [
        "json_each", "json_tree",
        "pragma_table_info", "pragma_table_xinfo", "pragma_index_list", "pragma_index_info", "pragma_index_xinfo",
        "pragma_foreign_key_list",
    ]

    /// SQLite's built-in functions that only compute a value: no files, no extensions, no
    /// pointers, no writes (the FTS3 `optimize()` function writes, so it is absent).
    static let allowedFunctions: Set<String> = [
        // core scalar functions and operators implemented as functions
        "abs", "changes", "char", "coalesce", "format", "glob", "hex", "ifnull", "iif", "instr", "last_insert_rowid",
        "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "printf", "quote", "random",
        "randomblob", "replace", "round", "rtrim", "sign", "soundex", "sqlite_compileoption_get", "sqlite_compileoption_used",
        "sqlite_source_id", "sqlite_version", "substr", "substring", "total_changes", "trim", "typeof", "unicode",
        "unlikely", "upper", "zeroblob", "match", "->", "->>",
        // date and time
        "date", "time", "datetime", "julianday", "strftime", "unixepoch", "current_date", "current_time", "current_timestamp",
        // aggregates
        "avg", "count", "group_concat", "sum", "total",
        // window functions
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
        "last_value", "nth_value",
        // math
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
        "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan",
        "tanh", "trunc",
        // JSON
        "json", "json_array", "json_array_length", "json_extract", "json_insert", "json_object", "json_patch", "json_quote",
        "json_remove", "json_replace", "json_set", "json_type", "json_valid", "json_group_array", "json_group_object",
        // full-text search auxiliary functions (FTS5, FTS3/4)
        "bm25", "highlight", "snippet", "matchinfo", "offsets",
    ]

    /// The authorizer's state for the statement being compiled.
    final class Verdict {
        /// The main schema's tables and views.
        var tables: Set<String> = []
        /// The first refusal recorded (SQLite is told `SQLITE_DENY`).
        var refusal: Refusal?
        /// Whether the statement's first action was a `SELECT`.
        var sawSelect = false
        private var sawAction = false
        /// The checker's own queries (the list of tables) run unrestricted.
        var trusted = false
        /// Compiling what follows the first statement: anything is a second statement.
        var inTail = false

        func reset() {
            refusal = nil; sawSelect = false; sawAction = false; inTail = false
        }

        func authorize(_ action: Int32, _ a: UnsafePointer<CChar>?, _ b: UnsafePointer<CChar>?, _ c: UnsafePointer<CChar>?) -> Int32 {
            if trusted { return SQLITE_OK }
            let first = !sawAction
            sawAction = true
            if inTail { return deny(.multiple("")) }
            let arg1 = a.map { String(cString: $0) } ?? ""
            let arg2 = b.map { String(cString: $0) } ?? ""
            let schema = c.map { String(cString: $0) }
            switch action {
            case SQLITE_SELECT:
                if first { sawSelect = true }
                return SQLITE_OK
            case _ where first:
                break  // a statement that does not start with SELECT: refused below by its kind
            case SQLITE_READ:
                // No schema: a table of the statement itself, a WITH (recursive) query read by count(*) or a subquery.
                guard let schema else { return SQLITE_OK }
                if schema != "main" { return deny(.otherSchema(schema)) }
                if tables.contains(arg1) || ReadOnlySQL.readableFunctions.contains(arg1) { return SQLITE_OK }
                return deny(.table(arg1))
            case SQLITE_RECURSIVE:
                return SQLITE_OK
            case SQLITE_FUNCTION:
                if ReadOnlySQL.allowedFunctions.contains(arg2.lowercased()) { return SQLITE_OK }
                return deny(.function(arg2))
            case SQLITE_UPDATE where arg1 == "sqlite_master" && schema == "main":
                // SQLite connecting a virtual table (FTS5, json_each, pragma_…) inside the SELECT
                // declares its schema this way; the connection is read-only, so nothing is written.
                return SQLITE_OK
            case SQLITE_PRAGMA where arg1 == "data_version" && arg2.isEmpty:
                return SQLITE_OK  // FTS5 reading its configuration while a SELECT is compiled
            default:
                break
            }
            switch action {
            case SQLITE_TRANSACTION: return deny(.transaction(arg1))
            case SQLITE_SAVEPOINT: return deny(.savepoint(arg1 == "BEGIN" ? "SAVEPOINT \(arg2)" : arg1 == "ROLLBACK" ? "ROLLBACK TO \(arg2)" : "\(arg1) \(arg2)"))
            case SQLITE_ATTACH: return deny(.attach(arg1))
            case SQLITE_DETACH: return deny(.detach(arg1))
            case SQLITE_PRAGMA: return deny(.pragma(arg1))
            case SQLITE_FUNCTION: return deny(.function(arg2))
            case SQLITE_READ:
                if let schema, schema != "main" { return deny(.otherSchema(schema)) }
                return deny(.table(arg1))
            case SQLITE_INSERT: return deny(.write("INSERT \(arg1)"))
            case SQLITE_UPDATE: return deny(.write("UPDATE \(arg1)"))
            case SQLITE_DELETE: return deny(.write("DELETE \(arg1)"))
            case SQLITE_ANALYZE: return deny(.write("ANALYZE"))
            case SQLITE_REINDEX: return deny(.write("REINDEX"))
            case SQLITE_ALTER_TABLE: return deny(.write("ALTER TABLE \(arg2)"))
            case SQLITE_CREATE_INDEX, SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_TABLE,
                 SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_VIEW,
                 SQLITE_CREATE_VTABLE:
                return deny(.write("CREATE \(arg1)"))
            case SQLITE_DROP_INDEX, SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_TABLE,
                 SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_VIEW,
                 SQLITE_DROP_VTABLE:
                return deny(.write("DROP \(arg1)"))
            default:
                return deny(.notQuery)
            }
        }

        private func deny(_ refusal: Refusal) -> Int32 {
            if self.refusal == nil { self.refusal = refusal }
            return SQLITE_DENY
        }
    }
}

/// The current row of a ``ReadOnlySQL/query(_:arguments:db:maxLength:_:)``, read straight
/// from the SQLite statement: valid only inside the row callback.
public struct ReadOnlySQLRow {
    /// One value of the row. A blob is given by its size only (scripts see `<N 字节>`).
    public enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob(bytes: Int)
        case null
    }

    let statement: SQLiteStatement
    /// The result's column names, in order.
    public let columnNames: [String]

    /// The bytes the row's text values hold (what copying the row costs), without copying them.
    public var textBytes: Int {
        var total = 0
        for index in 0..<Int32(columnNames.count) where sqlite3_column_type(statement, index) == SQLITE_TEXT {
            total += Int(sqlite3_column_bytes(statement, index))
        }
        return total
    }

    /// The value of column `index` (0-based).
    public func value(at index: Int) -> Value {
        let column = Int32(index)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeRawBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB: return .blob(bytes: Int(sqlite3_column_bytes(statement, column)))
        default: return .null
        }
    }
}
