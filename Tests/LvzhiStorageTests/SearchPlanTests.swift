import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
import Testing

/// How SQLite executes a search with the caller's access condition, read from `EXPLAIN QUERY
/// PLAN` of the statements the index really runs (traced), and which hits a filtered page
/// holds. Nothing here measures time.
@Suite("中文全文检索：访问条件的执行计划")
struct SearchPlanTests {
    static let index = ChineseSearchTests.index

    /// The seed corpus with an `archive_items` table: every document is an item, items of
    /// even id belong to `ordos`, and the three best hits for 委员之家 are restricted.
    static func corpusWithItems() throws -> SeedCorpus {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            try db.execute(sql: "CREATE TABLE archive_items (id INTEGER PRIMARY KEY, office TEXT NOT NULL, restricted INTEGER NOT NULL)")
            for id: Int64 in 9601...9603 {
                try db.execute(sql: "INSERT INTO archive_items VALUES (?, 'ordos', 1)", arguments: [id])
                try index.index(id: id, fields: ["title": "委员之家建设（内部）", "body": "委员之家"], db: db)
            }
            for document in corpus.documents {
                try db.execute(sql: "INSERT INTO archive_items VALUES (?, ?, ?)",
                               arguments: [document.id, document.id % 2 == 0 ? "ordos" : "dongsheng", document.id % 5 == 0])
            }
        }
        return corpus
    }

    /// The conditions a plugin may write: a list of visible ids, the same with arguments, and
    /// a lookup of the hit's own item.
    static let filters: [(name: String, sql: SQL, visible: @Sendable (Int64) -> Bool)] = {
        let office = "ordos"
        return [
            ("IN (SELECT …)", "doc_id IN (SELECT id FROM archive_items WHERE NOT restricted)", { $0 <= 9600 && $0 % 5 != 0 }),
            ("IN (SELECT … 带参数)", "doc_id IN (SELECT id FROM archive_items WHERE office = \(office) AND NOT restricted)",
             { $0 <= 9600 && $0 % 5 != 0 && $0 % 2 == 0 }),
            ("EXISTS (… = doc_id)", "EXISTS (SELECT 1 FROM archive_items i WHERE i.id = doc_id AND i.office = \(office) AND NOT i.restricted)",
             { $0 <= 9600 && $0 % 5 != 0 && $0 % 2 == 0 }),
        ]
    }()

    @Test("访问条件不作为 rowid 条件交给 FTS5：每条语句只执行一次 MATCH，与条目数无关")
    func filterIsNotPushedIntoFTS5() throws {
        let corpus = try Self.corpusWithItems()
        let fts = Self.index.ftsTable
        try corpus.db.read { db in
            for (name, filter, _) in Self.filters {
                for query in ["委员之家", "委员", "会", "2021年"] {
                    let traced = try statements(on: db, containing: "MATCH") {
                        _ = try Self.index.search(query, filter: filter, limit: 20, offset: 10, db: db)
                        _ = try Self.index.count(query, filter: filter, db: db)
                    }
                    #expect(traced.count == 2, "\(name)「\(query)」：检索一条语句，计数一条语句")
                    // A page and its total: one statement, one MATCH.
                    let paged = try statements(on: db, containing: "MATCH") {
                        _ = try Self.index.page(query, filter: filter, limit: 20, offset: 0, db: db)
                    }
                    #expect(paged.count == 1, "\(name)「\(query)」：一页及总数只用一条语句")
                    for statement in traced + paged {
                        let scans = statement.ftsConstraints(fts)
                        #expect(scans.count == 1, "\(name)「\(query)」：FTS5 表只扫描一次\n\(statement.plan.joined(separator: "\n"))")
                        for constraints in scans {
                            #expect(constraints.contains("M"), "FTS5 得到 MATCH：\(constraints)")
                            #expect(!constraints.contains(where: { "=<>".contains($0) }),
                                    "\(name)「\(query)」：FTS5 不应得到 rowid 条件（\(constraints)），否则按每个可见条目重算一次 MATCH\n\(statement.plan.joined(separator: "\n"))")
                        }
                    }
                }
            }
        }
    }

    @Test("过滤后的每一页正是可见命中按相关度排序后的那一段，分数与摘要不变")
    func filteredPagesAreTheVisibleHitsInOrder() throws {
        let corpus = try Self.corpusWithItems()
        try corpus.db.read { db in
            for (name, filter, visible) in Self.filters {
                for query in ["委员之家", "委员", "政协 工作", "会"] {
                    let everything = try Self.index.search(query, limit: 1000, db: db)
                    #expect(try Self.index.page(query, limit: 5, offset: 3, db: db)
                            == FullTextPage(hits: Array(everything.dropFirst(3).prefix(5)), total: everything.count))
                    let expected = everything.filter { visible($0.id) }
                    #expect(!expected.isEmpty && expected.count < everything.count, "\(name)「\(query)」：条件应去掉一部分命中")
                    #expect(try Self.index.count(query, filter: filter, db: db) == expected.count)
                    for (limit, offset) in [(1, 0), (3, 0), (3, 3), (7, 5), (20, 0), (1000, 0), (5, max(0, expected.count - 2)),
                                            (5, expected.count), (5, expected.count + 10), (0, 0)] {
                        let page = try Self.index.search(query, filter: filter, limit: limit, offset: offset, db: db)
                        let want = Array(expected.dropFirst(offset).prefix(limit))
                        #expect(page == want, "\(name)「\(query)」 limit \(limit) offset \(offset)")
                        let withTotal = try Self.index.page(query, filter: filter, limit: limit, offset: offset, db: db)
                        #expect(withTotal == FullTextPage(hits: want, total: expected.count), "\(name)「\(query)」 page limit \(limit) offset \(offset)")
                    }
                }
            }
        }
    }
}
