import Foundation
import GRDB
import LvzhiCore

/// A field of the documents of a ``FullTextIndex``, with its weight in the ranking.
public struct FullTextField: Hashable, Sendable {
    /// The field's name: lower-case ASCII letters, digits and `_`, starting with a letter.
    public let name: String
    /// How much a match in this field counts (bm25 column weight); changing it needs no rebuild.
    public let weight: Double

    /// A field named `name` weighing `weight` (default 1).
    public init(_ name: String, weight: Double = 1) {
        self.name = name
        self.weight = weight
    }
}

/// A Chinese full-text index that a plugin keeps inside the platform's database.
///
/// ```swift
/// static let index = FullTextIndex(name: "archive_search", fields: [
///     FullTextField("title", weight: 10), FullTextField("summary", weight: 4), FullTextField("body")])
/// // in the plugin's migration:     try Self.index.create(db: db)
/// // when a record changes:         try Self.index.index(id: item.id!, fields: ["title": …, "body": …], db: tx.db)
/// // when it is deleted:            try Self.index.remove(id: item.id!, db: tx.db)
/// // searching, restricted items hidden before the limit:
/// let visible: SQL = "EXISTS (SELECT 1 FROM archive_items i WHERE i.id = doc_id AND NOT i.restricted)"
/// let page = try Self.index.page("文史资料", filter: visible, limit: 20, db: db)   // page.hits, page.total
/// ```
///
/// Every function takes the caller's `Database` (its transaction) and never opens a
/// connection. Query rules: ``SearchQuery``; tokens: ``BigramTokenizer``; the SQL it runs and
/// why the filter cannot slow the MATCH down: ``pageStatement(_:filter:limit:offset:withTotal:)``; docs/search.md.
///
/// ## Storage, and why
/// Three tables per index `x`:
/// - `x_fts`: an FTS5 table with one column per field. It is **contentless** (`content=''`)
///   and uses FTS5's built-in `ascii` tokenizer over text that Swift has already split into
///   bigrams, unigrams and words separated by spaces (``BigramTokenizer/indexText(_:)``);
///   `ascii` splits on those spaces and treats every non-ASCII character as part of a token,
///   so each token reaches the index exactly as Swift made it. The rowid is the document id.
///   With ``oneCharacterIndex`` it also has `prefix='1'`, an index of tokens' first characters.
/// - `x_docs`: the original text of each field, by `doc_id`: snippets are cut from it, and
///   a removal re-tokenises it to tell FTS5 which tokens to delete (a contentless table does
///   not keep them).
/// - `x_meta`: the tokenizer version and the shape of the index (fields, prefix index).
///
/// Why not a custom FTS5 tokenizer (GRDB 7.10 has `FTS5CustomTokenizer`, FTS5 is enabled on
/// Linux, and Debian's SQLite 3.40 accepts it): a custom tokenizer lives in the process, not
/// in the file. It would have to be registered on every connection of the pool before any
/// statement touches the table (so in `LvzhiDatabase`'s configuration, for every plugin),
/// and any other reader of the file — the `sqlite3` shell, a backup check, a future server
/// or an older build — would fail with 「no such tokenizer」. Pre-tokenising keeps the file
/// self-describing with only built-in SQLite, and costs nothing at query time.
///
/// Why contentless: storing the token text in FTS5 as well (a normal content table) makes
/// the file about 1.7 times as large (`scripts/bench-search`, 50,000 documents), and the
/// original text has to be kept anyway for snippets. The price is that a removal must
/// produce the same tokens as the insertion; the tokenizer's ``BigramTokenizer/version`` is
/// recorded, and a write to an index built with another version first rebuilds it from
/// `x_docs` (``rebuild(db:)``). Never write to these tables except through this type.
///
/// Why a prefix index for one-character queries (default on): they become about 3.5 times as
/// fast (the most common characters match almost every document) for about 37 % more file;
/// other queries do not use it. Both measured by `scripts/bench-search` (docs/search.md).
public struct FullTextIndex: Hashable, Sendable {
    /// The index's name; its tables are `<name>_fts`, `<name>_docs` and `<name>_meta`.
    public let name: String
    /// The fields of its documents, in order.
    public let fields: [FullTextField]
    /// Whether one-character queries are served by an FTS5 prefix index (`prefix='1'`).
    public let oneCharacterIndex: Bool

    /// Describes an index; ``create(db:)`` makes its tables.
    public init(name: String, fields: [FullTextField], oneCharacterIndex: Bool = true) {
        self.name = name
        self.fields = fields
        self.oneCharacterIndex = oneCharacterIndex
    }

    /// The name of the FTS5 table (for `EXPLAIN`, sizes, diagnostics).
    public var ftsTable: String { name + "_fts" }
    /// The name of the table of original texts; its key column is `doc_id`.
    public var documentsTable: String { name + "_docs" }
    /// The name of the table that records the tokenizer version and the index's shape.
    public var metaTable: String { name + "_meta" }

    // MARK: - Schema

    /// Creates the index's tables. Call it from the plugin's migration.
    /// - Throws: ``LvzhiError`` when a name is not a plain identifier or a weight is not positive.
    public func create(db: Database) throws {
        try validate()
        let columns = fields.map { quoted($0.name) }.joined(separator: ", ")
        let prefix = oneCharacterIndex ? ", prefix='1'" : ""
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(quoted(ftsTable)) USING fts5(\(columns), content='', tokenize='ascii'\(prefix));
            CREATE TABLE \(quoted(documentsTable)) (
                doc_id INTEGER PRIMARY KEY,
                \(fields.map { "\(quoted($0.name)) TEXT NOT NULL DEFAULT ''" }.joined(separator: ",\n    "))
            );
            CREATE TABLE \(quoted(metaTable)) (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            """)
        try writeMeta(db: db)
    }

    /// Drops the index's tables (a plugin's migration that reshapes its index drops, creates
    /// and re-indexes).
    public func drop(db: Database) throws {
        try validate()
        for table in [ftsTable, documentsTable, metaTable] {
            try db.execute(sql: "DROP TABLE IF EXISTS \(quoted(table))")
        }
    }

    // MARK: - Writing

    /// Indexes document `id`, replacing what was indexed under that id. Fields not given are
    /// empty; giving the same texts again changes nothing.
    /// - Throws: ``LvzhiError`` for a field the index does not have, or an index not created.
    public func index(id: Int64, fields values: [String: String], db: Database) throws {
        try index([FullTextDocument(id: id, fields: values)], db: db)
    }

    /// Indexes several documents in one savepoint (an import, a rebuild by the plugin).
    public func index(_ documents: [FullTextDocument], db: Database) throws {
        try validate()
        for document in documents {
            for key in document.fields.keys where !fields.contains(where: { $0.name == key }) {
                throw LvzhiError.invalid("全文索引字段", key, "全文索引「\(name)」没有这个字段",
                                         hint: "可用的字段：" + fields.map(\.name).joined(separator: "、"))
            }
        }
        try translatingErrors(db) {
            try db.inSavepoint {
                try prepareForWriting(db: db)
                for document in documents {
                    let texts = fields.map { document.fields[$0.name] ?? "" }
                    if let old = try storedTexts(id: document.id, db: db) {
                        if old == texts { continue }
                        try deleteTokens(id: document.id, texts: old, db: db)
                        try db.cachedStatement(sql: "UPDATE \(quoted(documentsTable)) SET "
                                               + fields.map { "\(quoted($0.name)) = ?" }.joined(separator: ", ")
                                               + " WHERE doc_id = ?")
                            .execute(arguments: StatementArguments(texts) + [document.id])
                    } else {
                        try db.cachedStatement(sql: "INSERT INTO \(quoted(documentsTable)) (doc_id, "
                                               + fields.map { quoted($0.name) }.joined(separator: ", ")
                                               + ") VALUES (?" + String(repeating: ", ?", count: fields.count) + ")")
                            .execute(arguments: [document.id] + StatementArguments(texts))
                    }
                    try insertTokens(id: document.id, texts: texts, db: db)
                }
                return .commit
            }
        }
    }

    /// Removes document `id` from the index; returns whether it was there.
    @discardableResult
    public func remove(id: Int64, db: Database) throws -> Bool {
        try validate()
        return try translatingErrors(db) {
            var removed = false
            try db.inSavepoint {
                try prepareForWriting(db: db)
                guard let old = try storedTexts(id: id, db: db) else { return .commit }
                try deleteTokens(id: id, texts: old, db: db)
                try db.execute(sql: "DELETE FROM \(quoted(documentsTable)) WHERE doc_id = ?", arguments: [id])
                removed = true
                return .commit
            }
            return removed
        }
    }

    /// Re-tokenises every stored document (after a tokenizer change; done automatically by the
    /// next write when the recorded version differs).
    public func rebuild(db: Database) throws {
        try validate()
        try translatingErrors(db) {
            try db.inSavepoint {
                try checkShape(db: db)
                try rebuildTokens(db: db)
                return .commit
            }
        }
    }

    /// Merges the FTS5 index into one segment: smaller and faster to query after a bulk import.
    public func optimize(db: Database) throws {
        try validate()
        try translatingErrors(db) {
            try db.execute(sql: "INSERT INTO \(quoted(ftsTable))(\(quoted(ftsTable))) VALUES ('optimize')")
        }
    }

    // MARK: - Searching

    /// The documents matching `query`, best first, each with a snippet.
    ///
    /// - Parameters:
    ///   - query: the words to look for; see ``SearchQuery`` for the rules.
    ///   - filter: an SQL condition on the column `doc_id` that a document must meet, applied
    ///     to the matches before `limit` and `offset` (access rules: restricted items hidden).
    ///     Write it as an SQL literal that looks the hit's record up by its key, so that it costs
    ///     one lookup per hit: `"EXISTS (SELECT 1 FROM items i WHERE i.id = doc_id AND i.office_id = \(officeID))"`
    ///     (`doc_id IN (SELECT id FROM items WHERE …)` also works, but lists every visible item
    ///     first). `doc_id` is the only column in scope (the indexed texts are not). The query
    ///     is evaluated once whatever the filter (docs/search.md §2.4).
    ///   - limit: at most this many hits (0…1000).
    ///   - offset: skip this many hits (for pages).
    ///   - style: how snippets are cut and marked.
    /// - Throws: ``LvzhiError`` for an empty or too long query, or an index not created.
    public func search(_ query: String, filter: SQL? = nil, limit: Int = 20, offset: Int = 0,
                       style: SnippetStyle = SnippetStyle(), db: Database) throws -> [FullTextHit] {
        try search(SearchQuery(query), filter: filter, limit: limit, offset: offset, style: style, db: db)
    }

    /// The documents matching a parsed `query`; see ``search(_:filter:limit:offset:style:db:)``.
    public func search(_ query: SearchQuery, filter: SQL? = nil, limit: Int = 20, offset: Int = 0,
                       style: SnippetStyle = SnippetStyle(), db: Database) throws -> [FullTextHit] {
        try fetchPage(query, filter: filter, limit: limit, offset: offset, style: style, withTotal: false, db: db).hits
    }

    /// A page of the documents matching `query` and the number of all of them, from one
    /// evaluation of the query: what a search screen shows (「共 N 条」 above the page).
    /// Parameters as in ``search(_:filter:limit:offset:style:db:)``; `total` is what
    /// ``count(_:filter:db:)`` would say.
    public func page(_ query: String, filter: SQL? = nil, limit: Int = 20, offset: Int = 0,
                     style: SnippetStyle = SnippetStyle(), db: Database) throws -> FullTextPage {
        try page(SearchQuery(query), filter: filter, limit: limit, offset: offset, style: style, db: db)
    }

    /// A page of the documents matching a parsed `query`, and their total.
    public func page(_ query: SearchQuery, filter: SQL? = nil, limit: Int = 20, offset: Int = 0,
                     style: SnippetStyle = SnippetStyle(), db: Database) throws -> FullTextPage {
        let page = try fetchPage(query, filter: filter, limit: limit, offset: offset, style: style, withTotal: true, db: db)
        // An empty page carries no total: past the last hit, or `limit` 0, count on their own.
        if let total = page.total { return FullTextPage(hits: page.hits, total: total) }
        return FullTextPage(hits: [], total: offset == 0 && limit > 0 ? 0 : try count(query, filter: filter, db: db))
    }

    /// How many documents match `query` (and `filter`): the total for paging.
    public func count(_ query: String, filter: SQL? = nil, db: Database) throws -> Int {
        try count(SearchQuery(query), filter: filter, db: db)
    }

    /// How many documents match a parsed `query` (and `filter`).
    public func count(_ query: SearchQuery, filter: SQL? = nil, db: Database) throws -> Int {
        try validate()
        let sql = countStatement(query, filter: filter)
        return try translatingErrors(db) { try Int.fetchOne(db, SQLRequest<Int>(literal: sql, cached: true)) ?? 0 }
    }

    /// The hits of a page with their snippets, and (`withTotal`, when the page is not empty) the total.
    private func fetchPage(_ query: SearchQuery, filter: SQL?, limit: Int, offset: Int, style: SnippetStyle,
                           withTotal: Bool, db: Database) throws -> (hits: [FullTextHit], total: Int?) {
        try validate()
        guard (0...1000).contains(limit) else { throw LvzhiError.invalid("每页条数", String(limit), "应在 0 到 1000 之间") }
        guard offset >= 0 else { throw LvzhiError.invalid("起始位置", String(offset), "不能为负数") }
        let sql = pageStatement(query, filter: filter, limit: limit, offset: offset, withTotal: withTotal)
        let rows = try translatingErrors(db) { try Row.fetchAll(db, SQLRequest<Row>(literal: sql, cached: true)) }
        let firstText = withTotal ? 3 : 2
        let hits = rows.map { row in
            let snippetFields = fields.enumerated().map { index, field in
                SearchSnippet.Field(name: field.name, weight: field.weight, text: row[index + firstText] ?? "")
            }
            let made = SearchSnippet.make(query, fields: snippetFields, style: style)
            return FullTextHit(id: row[0], score: -(row[1] as Double), field: made.field, snippet: made.snippet,
                               matchedFields: made.matched)
        }
        return (hits, withTotal ? rows.first.map { $0[2] } : nil)
    }

    // MARK: - Internals

    /// Whether `name` is a plain lower-case identifier of at most 48 characters.
    private func isIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, (0x61...0x7A).contains(first), bytes.count <= 48 else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    private func validate() throws {
        guard isIdentifier(name) else {
            throw LvzhiError.invalid("全文索引名", name, "只能由小写字母、数字和下划线组成，以字母开头，最长 48 个字符")
        }
        guard !fields.isEmpty else { throw LvzhiError.invalid("全文索引「\(name)」的字段", "（无）", "至少需要一个字段") }
        var seen = Set<String>()
        for field in fields {
            guard isIdentifier(field.name), !["doc_id", "rowid", "oid", "rank", "rank_score"].contains(field.name),
                  field.name != ftsTable else {
                throw LvzhiError.invalid("全文索引字段", field.name, "只能由小写字母、数字和下划线组成，以字母开头，且不能是 doc_id、rowid、rank")
            }
            guard seen.insert(field.name).inserted else { throw LvzhiError.invalid("全文索引字段", field.name, "重复") }
            guard field.weight.isFinite && field.weight > 0 else {
                throw LvzhiError.invalid("全文索引字段「\(field.name)」的权重", String(field.weight), "应为正数")
            }
        }
    }

    func quoted(_ identifier: String) -> String { "\"\(identifier)\"" }

    /// What `x_meta` records about the shape of the index.
    private var shape: [String: String] {
        ["fields": fields.map(\.name).joined(separator: ","), "prefix": oneCharacterIndex ? "1" : "0"]
    }

    private func writeMeta(db: Database) throws {
        var entries = shape
        entries["tokenizer"] = String(BigramTokenizer.version)
        for (key, value) in entries {
            try db.execute(sql: "INSERT OR REPLACE INTO \(quoted(metaTable)) (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// Checks that the tables exist and have this shape; returns the recorded tokenizer version.
    @discardableResult
    private func checkShape(db: Database) throws -> Int {
        guard try db.tableExists(metaTable) else {
            throw LvzhiError(.storage, "全文索引「\(name)」尚未建立", hint: "在模块的迁移中调用 FullTextIndex.create(db:)")
        }
        let stored = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM \(quoted(metaTable))")
            .map { (row: Row) -> (String, String) in (row[0], row[1]) })
        for (key, value) in shape where stored[key] != value {
            throw LvzhiError(.storage, "全文索引「\(name)」的结构与代码不一致：数据库中 \(key) = \(stored[key] ?? "（无）")，代码中为 \(value)",
                             hint: "在模块的新迁移中先 drop(db:) 再 create(db:)，然后重新索引全部文档")
        }
        return Int(stored["tokenizer"] ?? "") ?? 0
    }

    /// Checks the shape and rebuilds the tokens if they were made by another tokenizer version.
    private func prepareForWriting(db: Database) throws {
        if try checkShape(db: db) != BigramTokenizer.version {
            try rebuildTokens(db: db)
        }
    }

    private func rebuildTokens(db: Database) throws {
        try db.execute(sql: "INSERT INTO \(quoted(ftsTable))(\(quoted(ftsTable))) VALUES ('delete-all')")
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(quoted(documentsTable))")
        while let row = try rows.next() {
            try insertTokens(id: row["doc_id"], texts: fields.map { row[$0.name] ?? "" }, db: db)
        }
        try db.execute(sql: "INSERT OR REPLACE INTO \(quoted(metaTable)) (key, value) VALUES ('tokenizer', ?)",
                       arguments: [String(BigramTokenizer.version)])
    }

    private func storedTexts(id: Int64, db: Database) throws -> [String]? {
        let statement = try db.cachedStatement(sql: "SELECT " + fields.map { quoted($0.name) }.joined(separator: ", ")
                                               + " FROM \(quoted(documentsTable)) WHERE doc_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return (0..<fields.count).map { row[$0] }
    }

    private func insertTokens(id: Int64, texts: [String], db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO \(quoted(ftsTable)) (rowid, " + fields.map { quoted($0.name) }.joined(separator: ", ")
                               + ") VALUES (?" + String(repeating: ", ?", count: fields.count) + ")")
            .execute(arguments: [id] + StatementArguments(texts.map(BigramTokenizer.indexText)))
    }

    private func deleteTokens(id: Int64, texts: [String], db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO \(quoted(ftsTable)) (\(quoted(ftsTable)), rowid, "
                               + fields.map { quoted($0.name) }.joined(separator: ", ")
                               + ") VALUES ('delete', ?" + String(repeating: ", ?", count: fields.count) + ")")
            .execute(arguments: [id] + StatementArguments(texts.map(BigramTokenizer.indexText)))
    }

    /// Runs `body`, turning a database error into an ``LvzhiError`` that names the index
    /// (and says so when the index was never created).
    private func translatingErrors<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if error.message?.contains("no such table") == true || error.message?.contains("no such column") == true {
                try checkShape(db: db)   // throws the clearer error when the tables are missing or misshapen
            }
            throw LvzhiError(.storage, "全文索引「\(name)」出错：\(error.message ?? error.description)", cause: error)
        }
    }
}

/// A document to index: its id and the text of its fields by name.
public struct FullTextDocument: Hashable, Sendable {
    /// The document's id, usually the id of the plugin's record.
    public var id: Int64
    /// The text of each field; fields not given are empty.
    public var fields: [String: String]

    /// A document `id` with `fields`.
    public init(id: Int64, fields: [String: String]) {
        self.id = id
        self.fields = fields
    }
}
