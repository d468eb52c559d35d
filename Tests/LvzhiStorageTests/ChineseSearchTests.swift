import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage
import Testing

/// The Chinese full-text index (LvzhiStorage/Search) on a real SQLite file, with the
/// Ordos CPPCC documents (Sources/LvzhiDemo/Seeds, copied from shared/seeds) as material.
@Suite("中文全文检索")
struct ChineseSearchTests {
    /// The index most tests use: title weighs 10, summary 4, body 1.
    static let index = FullTextIndex(name: "archive_search", fields: [
        FullTextField("title", weight: 10), FullTextField("summary", weight: 4), FullTextField("body"),
    ])

    // MARK: - Tokenizer

    @Test("分词：汉字串成重叠二元组并以末字收尾，字母数字成词，偏移指向原文")
    func tokens() {
        #expect(BigramTokenizer.tokens(in: "文史资料").map(\.text) == ["文史", "史资", "资料", "料"])
        #expect(BigramTokenizer.tokens(in: "史").map(\.text) == ["史"])
        #expect(BigramTokenizer.tokens(in: "2021年政协").map(\.text) == ["2021", "年政", "政协", "协"])
        #expect(BigramTokenizer.indexText("文史、资料，Swift 5G") == "文史 史 资料 料 swift 5g")
        // Full-width forms are normalised, offsets still point at the original characters.
        let original = "（ＡＢＣ协会）"
        let tokens = BigramTokenizer.tokens(in: original)
        #expect(tokens.map(\.text) == ["abc", "协会", "会"])
        #expect(substring(original, tokens[0].range) == "ＡＢＣ")
        #expect(substring(original, tokens[1].range) == "协会")
        // Whitespace between Han characters (line breaks of extracted text) does not break a run.
        #expect(BigramTokenizer.indexText("专门委员会 工作") == BigramTokenizer.indexText("专门委员会工作"))
        #expect(BigramTokenizer.indexText("专门委员会\n\n工作").contains("会工"))
        // Characters outside the BMP take two UTF-16 units.
        let rare = BigramTokenizer.tokens(in: "a𠀀b文")
        #expect(rare.map(\.text) == ["a", "𠀀", "b", "文"])
        #expect(rare[1].range == 1..<3)
        #expect(rare[2].range == 3..<4)
        // Mongolian script (the seeds open with it) is a word, not punctuation.
        #expect(BigramTokenizer.tokens(in: "ᠮᠤᠩᠭᠡᠯ 政协").map(\.kind) == [.word, .bigram, .unigram])
    }

    @Test("检索式：空格为“且”，汉字串为短语，单字为前缀，全角与标点的处理")
    func queries() throws {
        #expect(try SearchQuery("文史").matchExpression == "\"文史\"")
        #expect(try SearchQuery("史").matchExpression == "\"史\"*")
        #expect(try SearchQuery("文史资料").matchExpression == "\"文史 史资 资料\"")
        #expect(try SearchQuery("2021年政协").matchExpression == "\"2021 年政 政协\"")
        #expect(try SearchQuery("２０２１年").matchExpression == "\"2021 年\"*")
        #expect(try SearchQuery("文史、资料").matchExpression == "\"文史 史 资料\"")
        #expect(try SearchQuery("文史　资料 文史").matchExpression == "\"文史\" AND \"资料\"")
        let empty = #expect(throws: LvzhiError.self) { try SearchQuery(" 、，…") }
        #expect(empty?.code == .invalidInput)
        #expect(empty?.message.contains("检索词") == true)
        #expect(throws: LvzhiError.self) { try SearchQuery(String(repeating: "政协", count: 200)) }
    }

    // MARK: - Searching the seed documents

    @Test("两字检索词在句中命中（普通 unicode61 做不到），结果与逐条查找一致")
    func twoCharactersInsideASentence() throws {
        let corpus = try SeedCorpus()
        try corpus.db.read { db in
            let hits = try Self.index.search("文史", limit: 1000, db: db)
            #expect(!hits.isEmpty)
            #expect(Set(hits.map(\.id)) == corpus.expected("文史"))
            // The default tokenizer treats a whole Han run as one token and finds nothing.
            let plain = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plain_unicode61 WHERE plain_unicode61 MATCH '文史'")
            #expect(plain == 0)
        }
    }

    @Test("单字检索词找到该字的每一处出现，包括词尾的字")
    func oneCharacter() throws {
        let corpus = try SeedCorpus()
        try corpus.db.read { db in
            for query in ["史", "料", "协", "会", "的"] {
                #expect(Set(try Self.index.search(query, limit: 1000, db: db).map(\.id)) == corpus.expected(query), "「\(query)」")
            }
            // 协 ends many runs (政协。), so it is often only the second character of a bigram.
            let hits = try Self.index.search("协", limit: 5, db: db)
            #expect(hits.allSatisfy { $0.snippet.contains("【协】") })
        }
        // The same answers without the prefix index, only slower.
        let small = FullTextIndex(name: "no_prefix", fields: Self.index.fields, oneCharacterIndex: false)
        try corpus.db.write { db in
            try small.create(db: db)
            try small.index(corpus.documents.map { FullTextDocument(id: $0.id, fields: ["body": $0.body]) }, db: db)
            #expect(Set(try small.search("史", limit: 1000, db: db).map(\.id)) == corpus.expected("史"))
        }
    }

    @Test("汉字与字母、数字相邻：2021年、1次理论学习、P4、l次")
    func hanNextToLatinAndDigits() throws {
        let corpus = try SeedCorpus()
        try corpus.db.read { db in
            for query in ["2021年", "2021年5月", "〔2021〕2号", "1次理论学习", "P4", "l次", "4. 强化文史资料工作"] {
                let found = Set(try Self.index.search(query, limit: 1000, db: db).map(\.id))
                #expect(!found.isEmpty, "「\(query)」应有结果")
                #expect(found == corpus.expected(query), "「\(query)」")
            }
            // Whole words: 202 is not a word of the text, 2021 is.
            #expect(try Self.index.search("202", db: db).isEmpty)
        }
    }

    @Test("全角输入与全角原文：２０２１年、ＡＢＣ")
    func fullWidth() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            #expect(Set(try Self.index.search("２０２１年", limit: 1000, db: db).map(\.id)) == corpus.expected("2021年"))
            try Self.index.index(id: 9001, fields: ["title": "ＡＢＣ协会２０２３年度工作总结", "body": "全角字母与数字"], db: db)
            for query in ["abc协会", "ＡＢＣ", "ABC", "2023年度", "２０２３"] {
                #expect(try Self.index.search(query, db: db).map(\.id) == [9001], "「\(query)」")
            }
            // The snippet shows the original full-width text.
            #expect(try Self.index.search("abc", db: db).first?.snippet == "【ＡＢＣ】协会２０２３年度工作总结")
        }
    }

    @Test("短语中的标点：各部分须紧邻、中间只隔标点；不隔标点或相隔较远都不算")
    func punctuationInsideAPhrase() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            // 「做好文史资料存稿、整理、复制和出版工作」
            let listed = corpus.expected("存稿、整理")
            #expect(!listed.isEmpty)
            #expect(Set(try Self.index.search("存稿、整理", limit: 1000, db: db).map(\.id)) == listed)
            #expect(Set(try Self.index.search("存稿，整理", limit: 1000, db: db).map(\.id)) == listed)
            #expect(try Self.index.search("存稿整理", db: db).isEmpty, "原文中没有不带标点的「存稿整理」")
            try Self.index.index(id: 9101, fields: ["body": "开展口述，历史征集"], db: db)
            try Self.index.index(id: 9102, fields: ["body": "开展口述历史征集"], db: db)
            try Self.index.index(id: 9103, fields: ["body": "口述材料与地方历史"], db: db)
            #expect(try Self.index.search("口述，历史", db: db).map(\.id) == [9101])
            #expect(try Self.index.search("口述、历史", db: db).map(\.id) == [9101])
            #expect(try Self.index.search("口述历史", db: db).map(\.id) == [9102])
            #expect(Set(try Self.index.search("口述 历史", db: db).map(\.id)) == [9101, 9102, 9103])
        }
    }

    @Test("混合检索词没有误检：每条结果在规范化后确实包含检索词")
    func noFalsePositives() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            let decoys: [(Int64, String)] = [
                (9201, "2021年政协工作报告"),       // the query itself
                (9202, "2021 年政协全体会议"),      // a space at the digit–Han boundary: the same words
                (9203, "12021年政协"),             // another number
                (9204, "2021年的政协"),            // not adjacent
                (9205, "政协2021年"),              // other order
                (9206, "2021年政，协商"),           // punctuation inside the run
                (9207, "２０２１年政协委员"),        // full width
            ]
            for (id, text) in decoys { try Self.index.index(id: id, fields: ["body": text], db: db) }
            #expect(Set(try Self.index.search("2021年政协", db: db).map(\.id)) == [9201, 9202, 9207])

            let texts = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.id, $0.body) } + decoys)
            let queries = ["2021年政协", "2021年", "年政", "1次", "P4", "文史 资料", "委员 2021", "协商", "专委会委员",
                           "委员之家", "社情民意信息", "史", "党小组会", "l次", "四届", "市政协党组"]
            for query in queries {
                let hits = try Self.index.search(query, limit: 1000, db: db)
                // Every hit really holds every term after normalisation (NFKC, lower case,
                // whitespace removed, which the index ignores next to Han characters).
                for hit in hits {
                    let text = try #require(texts[hit.id])
                    let normalised = SeedCorpus.normalise(text).filter { !$0.isWhitespace }
                    for term in query.split(separator: " ") {
                        #expect(normalised.contains(SeedCorpus.normalise(String(term))), "「\(query)」误检：\(text.prefix(40))")
                    }
                }
                // And nothing is missed: the same set as the independent matcher.
                let expected = Set(texts.filter { SeedCorpus.matches($0.value, query) }.keys)
                #expect(Set(hits.map(\.id)) == expected, "「\(query)」")
                #expect(try Self.index.count(query, db: db) == expected.count)
            }
        }
    }

    @Test("排序：标题命中排在只有正文命中之前")
    func ranking() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            // A paragraph that says 文史 nine times, under a title that does not.
            let body = try #require(corpus.documents.first { $0.body.hasPrefix("4. 强化文史资料工作") }).body
            try Self.index.index(id: 9301, fields: ["title": "关于加强和改进专门委员会工作的意见（试行）", "body": body], db: db)
            // A short title that says it once, over a body that does not.
            let other = try #require(corpus.documents.first { $0.body.contains("功能型党小组") && !$0.body.contains("文史") }).body
            try Self.index.index(id: 9302, fields: ["title": "文史资料征集工作规划", "body": other], db: db)
            let hits = try Self.index.search("文史", limit: 1000, db: db)
            let titleHit = try #require(hits.firstIndex { $0.id == 9302 })
            let bodyHit = try #require(hits.firstIndex { $0.id == 9301 })
            #expect(titleHit < bodyHit)
            #expect(hits[titleHit].score > hits[bodyHit].score)
            #expect(hits[titleHit].field == "title")
            #expect(hits[titleHit].matchedFields == ["title"])
            #expect(hits.first?.id == 9302, "标题命中的文档应排第一")
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    @Test("摘要片段取自原文，偏移准确，标记可自定义")
    func snippets() throws {
        let corpus = try SeedCorpus()
        try corpus.db.read { db in
            let hits = try Self.index.search("文史资料", limit: 1000, db: db)
            #expect(!hits.isEmpty)
            for hit in hits {
                #expect(hit.snippet.contains("【文史资料】"))
                // Without its markers and ellipses the snippet is a passage of the original text.
                let plain = hit.snippet.replacingOccurrences(of: "【", with: "").replacingOccurrences(of: "】", with: "")
                    .replacingOccurrences(of: "…", with: "")
                let original = try #require(corpus.documents.first { $0.id == hit.id }).body
                #expect(SeedCorpus.foldWhitespace(original).contains(plain))
                #expect(plain.count <= SnippetStyle().length * 3 / 2)
                #expect(!hit.snippet.contains("【文史资】"), "被截断的词应完整显示")
            }
            let style = SnippetStyle(open: "<b>", close: "</b>", ellipsis: "...", length: 20)
            let one = try #require(try Self.index.search("口述史", style: style, db: db).first)
            #expect(one.snippet.contains("<b>口述史</b>"))
            #expect(one.snippet.hasPrefix("..."))
            // A one-character query marks that character, not the bigram it starts.
            let single = try #require(try Self.index.search("史", style: style, db: db).first)
            #expect(single.snippet.contains("<b>史</b>"))
            #expect(single.snippet.components(separatedBy: "<b>").dropFirst().allSatisfy { $0.hasPrefix("史</b>") })
        }
        try corpus.db.write { db in
            try Self.index.index(id: 9401, fields: ["body": "前言\n\n本辑收录的文史\n资料，来自委员口述。"], db: db)
            #expect(try Self.index.search("文史资料", db: db).first { $0.id == 9401 }?.snippet == "前言 本辑收录的【文史 资料】，来自委员口述。")
        }
    }

    @Test("重新索引与删除：旧词不再命中，索引中不留旧词元")
    func reindexAndRemove() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            try Self.index.index(id: 9501, fields: ["title": "鸿雁传书", "body": "旧稿：乌审旗政协征集的口述材料"], db: db)
            #expect(try Self.index.search("鸿雁", db: db).map(\.id) == [9501])
            try Self.index.index(id: 9501, fields: ["title": "驼道记忆", "body": "新稿：鄂托克旗的驼道记忆"], db: db)
            #expect(try Self.index.search("鸿雁", db: db).isEmpty)
            #expect(try Self.index.search("驼道", db: db).map(\.id) == [9501])
            #expect(try Self.index.search("驼道", db: db).first?.field == "title")
            // Indexing the same text again changes nothing.
            try Self.index.index(id: 9501, fields: ["title": "驼道记忆", "body": "新稿：鄂托克旗的驼道记忆"], db: db)
            #expect(try Self.index.remove(id: 9501, db: db))
            #expect(try !Self.index.remove(id: 9501, db: db))
            #expect(try Self.index.search("驼道", db: db).isEmpty)
            // The contentless FTS5 table holds no token of the removed texts.
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, archive_search_fts, 'row')")
            let stale = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.vocab WHERE term IN ('鸿雁', '驼道', '托克', '乌审')")
            #expect(stale == 0)
            try Self.index.optimize(db: db)
            try db.execute(sql: "INSERT INTO archive_search_fts(archive_search_fts) VALUES ('integrity-check')")
            // Removing every seed document empties the index.
            for document in corpus.documents { try Self.index.remove(id: document.id, db: db) }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.vocab") == 0)
            #expect(try Self.index.search("政协", db: db).isEmpty)
        }
    }

    @Test("调用方的访问条件在分页之前生效：受限条目不出现，也不占名额")
    func accessCondition() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            try db.execute(sql: "CREATE TABLE archive_items (id INTEGER PRIMARY KEY, office TEXT NOT NULL, restricted INTEGER NOT NULL)")
            // The three best hits for 委员之家 (titles) are restricted.
            for id: Int64 in 9601...9603 {
                try db.execute(sql: "INSERT INTO archive_items VALUES (?, 'ordos', 1)", arguments: [id])
                try Self.index.index(id: id, fields: ["title": "委员之家建设（内部）", "body": "委员之家"], db: db)
            }
            for document in corpus.documents {
                try db.execute(sql: "INSERT INTO archive_items VALUES (?, ?, 0)", arguments: [document.id, document.id % 2 == 0 ? "ordos" : "dongsheng"])
            }
            let everything = try Self.index.search("委员之家", limit: 3, db: db)
            #expect(everything.map(\.id) == [9601, 9602, 9603])
            let visible: SQL = "doc_id IN (SELECT id FROM archive_items WHERE restricted = 0)"
            let page = try Self.index.search("委员之家", filter: visible, limit: 3, db: db)
            #expect(page.count == 3)
            #expect(page.allSatisfy { $0.id < 9601 })
            let open = corpus.expected("委员之家")
            #expect(try Self.index.count("委员之家", filter: visible, db: db) == open.count)
            #expect(try Self.index.count("委员之家", db: db) == open.count + 3)
            // Paging through the filtered results yields each visible hit once.
            var seen: [Int64] = []
            for offset in stride(from: 0, to: open.count + 3, by: 3) {
                seen += try Self.index.search("委员之家", filter: visible, limit: 3, offset: offset, db: db).map(\.id)
            }
            #expect(seen.count == open.count)
            #expect(Set(seen) == open)
            // A condition with arguments, as a store would build it from the acting user.
            let office = "ordos"
            let mine: SQL = "EXISTS (SELECT 1 FROM archive_items i WHERE i.id = doc_id AND i.office = \(office) AND NOT i.restricted)"
            let hits = try Self.index.search("委员之家", filter: mine, limit: 1000, db: db)
            #expect(Set(hits.map(\.id)) == open.filter { $0 % 2 == 0 })
        }
    }

    // MARK: - Why the index exists

    @Test("对照：普通 FTS5 trigram 表漏掉两字检索词（三字以上才有效）")
    func trigramMissesTwoCharacters() throws {
        let corpus = try SeedCorpus()
        try corpus.db.read { db in
            for query in ["文史", "提案", "委员", "党建"] {
                let truth = corpus.expected(query).count
                #expect(truth > 0)
                let trigram = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plain_trigram WHERE plain_trigram MATCH ?",
                                               arguments: ["\"\(query)\""]) ?? 0
                #expect(trigram < truth, "trigram 对「\(query)」应少于 \(truth) 条")
                #expect(try Self.index.count(query, db: db) == truth)
            }
            // Three characters and more do work in the trigram table.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plain_trigram WHERE plain_trigram MATCH '\"文史资料\"'")
                    == corpus.expected("文史资料").count)
        }
    }

    // MARK: - Plugin use

    @Test("在插件迁移中建立索引；其他连接（读连接池）无须注册任何分词器")
    func createInAMigration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try DatabasePool(path: folder.appendingPathComponent("test.sqlite").path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("archive.v1.create-search") { db in try Self.index.create(db: db) }
        try migrator.migrate(pool)
        try pool.write { db in
            try Self.index.index(id: 1, fields: ["title": "准格尔旗文史资料第一辑", "body": "收录口述史料十二篇"], db: db)
        }
        let hits = try pool.read { db in try Self.index.search("史料", db: db) }
        #expect(hits.map(\.id) == [1])
        #expect(hits.first?.snippet == "收录口述【史料】十二篇")
        // A second shape under the same name is refused with a clear message.
        let other = FullTextIndex(name: "archive_search", fields: [FullTextField("title")])
        let error = #expect(throws: LvzhiError.self) { try pool.write { db in try other.index(id: 2, fields: ["title": "x"], db: db) } }
        #expect(error?.message.contains("结构与代码不一致") == true)
        let missing = FullTextIndex(name: "never_created", fields: [FullTextField("title")])
        let notCreated = #expect(throws: LvzhiError.self) { try pool.read { db in try missing.search("政协", db: db) } }
        #expect(notCreated?.message.contains("尚未建立") == true)
        let unknown = #expect(throws: LvzhiError.self) { try pool.write { db in try Self.index.index(id: 3, fields: ["author": "x"], db: db) } }
        #expect(unknown?.message.contains("author") == true)
        #expect(throws: LvzhiError.self) { try pool.write { db in try FullTextIndex(name: "Bad-Name", fields: [FullTextField("t")]).create(db: db) } }
        #expect(throws: LvzhiError.self) { try pool.read { db in try Self.index.search("史料", limit: 5000, db: db) } }
        #expect(try pool.read { db in try Self.index.search("史料", limit: 0, db: db) }.isEmpty)
    }

    @Test("分词器版本变化后，下一次写入先按原文重建索引")
    func rebuildsAfterATokenizerChange() throws {
        let corpus = try SeedCorpus()
        try corpus.db.write { db in
            // Pretend the index was built by an older tokenizer that produced other tokens.
            try db.execute(sql: "INSERT INTO archive_search_fts(archive_search_fts) VALUES ('delete-all')")
            try db.execute(sql: "UPDATE archive_search_meta SET value = '0' WHERE key = 'tokenizer'")
            #expect(try Self.index.search("文史", db: db).isEmpty)
            try Self.index.index(id: 9701, fields: ["body": "新编文史"], db: db)
            #expect(try Self.index.count("文史", db: db) == corpus.expected("文史").count + 1)
            #expect(try String.fetchOne(db, sql: "SELECT value FROM archive_search_meta WHERE key = 'tokenizer'") == String(BigramTokenizer.version))
        }
    }

    // MARK: - Helpers

    func substring(_ text: String, _ range: Range<Int>) -> String {
        let utf16 = Array(text.utf16)
        return String(decoding: utf16[range], as: UTF16.self)
    }
}

/// The seed documents, one paragraph (non-empty line) per document, indexed in a fresh SQLite
/// file by ``ChineseSearchTests/index`` (body only), beside two plain FTS5 tables for
/// comparison (`plain_unicode61`, `plain_trigram`).
final class SeedCorpus {
    struct Document { let id: Int64; let body: String }

    let folder: URL
    let db: DatabasePool
    let documents: [Document]

    init() throws {
        var documents: [Document] = []
        for (fileIndex, name) in Self.seedFiles.enumerated() {
            let url = Self.seedFolder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { throw LvzhiError.notFound("测试文件", url.path) }
            let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for (lineIndex, line) in lines.enumerated() {
                documents.append(Document(id: Int64(fileIndex * 1000 + lineIndex + 1), body: line))
            }
        }
        self.documents = documents
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = try DatabasePool(path: folder.appendingPathComponent("test.sqlite").path)
        try db.write { db in
            try ChineseSearchTests.index.create(db: db)
            try ChineseSearchTests.index.index(documents.map { FullTextDocument(id: $0.id, fields: ["body": $0.body]) }, db: db)
            try db.execute(sql: "CREATE VIRTUAL TABLE plain_unicode61 USING fts5(body)")
            try db.execute(sql: "CREATE VIRTUAL TABLE plain_trigram USING fts5(body, tokenize='trigram')")
            for document in documents {
                try db.execute(sql: "INSERT INTO plain_unicode61 (rowid, body) VALUES (?, ?)", arguments: [document.id, document.body])
                try db.execute(sql: "INSERT INTO plain_trigram (rowid, body) VALUES (?, ?)", arguments: [document.id, document.body])
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The one copy of the source documents in the project: the demo's (Sources/LvzhiDemo/Seeds).
    static let seedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LvzhiDemo/Seeds")
    static let seedFiles = ["000_90998f8174104536.txt", "002_17b00ac26e4194dc.txt", "003_fc3f29d13f340bcd.txt", "004_adc6a75232cf0d3a.txt"]

    /// The seed documents that match `query` by the independent matcher.
    func expected(_ query: String) -> Set<Int64> {
        Set(documents.filter { Self.matches($0.body, query) }.map(\.id))
    }

    /// NFKC and lower case, straight from Foundation (not the index's fast path).
    static func normalise(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping.lowercased() }

    /// Runs of whitespace as one space, as snippets show them.
    static func foldWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` matches `query` by the rules of docs/search.md, decided by regular
    /// expressions over the normalised text rather than by tokens: every space-separated term
    /// must occur; inside a term Han characters are adjacent (whitespace between them
    /// ignored), words of letters and digits are whole words, a Han–word boundary may hold
    /// separators or none, and punctuation in the term stands for one or more separators
    /// (at least one that is not whitespace, between two Han runs).
    static func matches(_ text: String, _ query: String) -> Bool {
        let normalised = normalise(text)
        return normalise(query).split(whereSeparator: \.isWhitespace).allSatisfy { term in
            let regex = try! NSRegularExpression(pattern: pattern(String(term)))
            return regex.firstMatch(in: normalised, range: NSRange(normalised.startIndex..., in: normalised)) != nil
        }
    }

    private enum Chunk { case han(String), word(String), separator }

    private static func isHan(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || value == 0x3007 || value == 0x3005
    }

    private static func pattern(_ term: String) -> String {
        var chunks: [Chunk] = []
        for character in term {
            let kind: Chunk = isHan(character) ? .han(String(character))
                : (character.isLetter || character.isNumber) ? .word(String(character)) : .separator
            switch (chunks.last, kind) {
            case (.han(let run)?, .han(let next)): chunks[chunks.count - 1] = .han(run + next)
            case (.word(let run)?, .word(let next)): chunks[chunks.count - 1] = .word(run + next)
            case (.separator?, .separator): break
            default: chunks.append(kind)
            }
        }
        while case .separator? = chunks.first { chunks.removeFirst() }
        while case .separator? = chunks.last { chunks.removeLast() }
        let wordCharacter = "[\\p{L}\\p{N}\\p{M}&&[^\\p{Han}]]"
        var pattern = ""
        var previous: Chunk?
        for chunk in chunks {
            switch chunk {
            case .separator:
                continue
            case .han(let run):
                if case .han? = previous { pattern += "\\s*[^\\p{L}\\p{N}\\s][^\\p{L}\\p{N}]*" }
                else if previous != nil { pattern += "[^\\p{L}\\p{N}]*" }
                pattern += run.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "\\s*")
            case .word(let word):
                if case .word? = previous { pattern += "[^\\p{L}\\p{N}]+" }
                else if previous != nil { pattern += "[^\\p{L}\\p{N}]*" }
                pattern += "(?<!\(wordCharacter))" + NSRegularExpression.escapedPattern(for: word) + "(?!\(wordCharacter))"
            }
            previous = chunk
        }
        return pattern
    }
}
