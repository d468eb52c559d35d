import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import LvzhiCore
import LvzhiStorage

// The benchmark of the Chinese full-text index (LvzhiStorage/Search) against a plain FTS5
// trigram table holding the same documents, and of the archive's search as users run it
// (access filter, as an archivist and as a member) against the bare FTS5 MATCH, in the same
// run. Run with `scripts/bench-search` (release build). Not a test: nothing here asserts a time.
//
//   lvzhi-search-bench [--documents N] [--seeds FOLDER] [--no-before] [--keep]
//
// --keep leaves the databases in the temporary folder (printed at the end) for `sqlite3`.
// --no-before skips timing the archive's statements from before the plan fix (issue 10), which
// evaluate the MATCH once per visible unit and take seconds per query at 50,000 documents.
//
// The documents are generated deterministically by recombining the sentences of the seed
// documents (Sources/LvzhiDemo/Seeds), with dates and document numbers in
// the style of those documents mixed in, so that the same N gives the same corpus.

// MARK: - Options

var documentCount = 50_000
var seedsFolder: String?
var measureBefore = true
var keepDatabases = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--documents": documentCount = Int(arguments.popFirst() ?? "") ?? documentCount
    case "--seeds": seedsFolder = arguments.popFirst()
    case "--no-before": measureBefore = false
    case "--keep": keepDatabases = true
    default:
        FileHandle.standardError.write("用法：lvzhi-search-bench [--documents N] [--seeds 目录] [--no-before] [--keep]\n".data(using: .utf8)!)
        exit(2)
    }
}

@MainActor func findSeeds() -> URL {
    var candidates: [URL] = []
    if let seedsFolder { candidates.append(URL(fileURLWithPath: seedsFolder)) }
    candidates.append(URL(fileURLWithPath: "Sources/LvzhiDemo/Seeds"))
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LvzhiDemo/Seeds"))
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    FileHandle.standardError.write("找不到种子文档目录 Sources/LvzhiDemo/Seeds；请在仓库根目录运行，或用 --seeds 指定\n".data(using: .utf8)!)
    exit(1)
}

// MARK: - The corpus

/// SplitMix64: a small deterministic generator, so every run indexes the same documents.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

struct Document {
    let id: Int64
    let title: String
    let summary: String
    let body: String
}

func makeCorpus(seeds: URL, count: Int) throws -> (documents: [Document], sentences: Int) {
    let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
    var sentences: [String] = []
    for file in files {
        let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
        var current = ""
        for character in text {
            if character.isNewline {
                if !current.isEmpty && !current.hasSuffix("，") { current.append("\n") }
                continue
            }
            current.append(character)
            if "。！？；".contains(character) {
                let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if sentence.count >= 6 { sentences.append(sentence) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if rest.count >= 6 { sentences.append(rest) }
    }
    var random = SplitMix64(state: 20_261_122)
    func date() -> String { "20\(15 + random.below(11))年\(1 + random.below(12))月\(1 + random.below(28))日" }
    func sentence() -> String {
        var text = random.pick(sentences)
        switch random.below(12) {
        case 0: text = date() + "，" + text
        case 1: text = "鄂政协发〔20\(15 + random.below(11))〕\(1 + random.below(30))号。" + text
        default: break
        }
        return text
    }
    var documents: [Document] = []
    documents.reserveCapacity(count)
    for index in 0..<count {
        let first = random.pick(sentences)
        let title = String(first.split(whereSeparator: { "，。；：、".contains($0) }).first ?? Substring(first)).prefix(30)
        let summary = (0..<(1 + random.below(2))).map { _ in sentence() }.joined()
        let body = (0..<(4 + random.below(9))).map { _ in sentence() }.joined()
        documents.append(Document(id: Int64(index + 1), title: String(title), summary: summary, body: body))
    }
    return (documents, sentences.count)
}

// MARK: - Measuring

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p * Double(sorted.count - 1)).rounded())
    return sorted[rank]
}

func fileSize(_ path: String) -> Double {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return Double((attributes?[.size] as? NSNumber)?.int64Value ?? 0) / 1e6
}

/// Bytes per table (dbstat), shadow tables folded into their FTS5 table, in MB.
func tableSizes(_ queue: DatabaseQueue) -> [(String, Double)] {
    (try? queue.read { db in
        try Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").map { row -> (String, Double) in
            (row[0], Double(row[1] as Int64) / 1e6)
        }
    }) ?? []
}

let queries: [(kind: String, texts: [String])] = [
    ("两字", ["文史", "提案", "委员", "协商", "党建", "调研", "履职", "资料", "界别", "监督"]),
    ("单字", ["史", "党", "会", "议", "的"]),
    ("三字以上", ["文史资料", "委员之家", "专门委员会", "功能型党小组", "社情民意信息", "政协委员", "协商议政", "凝聚共识"]),
    ("字母数字混合", ["2021年", "2019年3月", "2021年5月14日", "1次理论学习", "鄂政协发〔2021〕", "P4"]),
    ("没有命中（issue 10 的短语）", ["白日依山尽"]),
]
let repeats = 15

// MARK: - Run

let seeds = findSeeds()
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-search-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer {
    if keepDatabases { print("数据库保留在 \(folder.path)") } else { try? FileManager.default.removeItem(at: folder) }
}

let (documents, sentenceCount) = try makeCorpus(seeds: seeds, count: documentCount)
let characters = documents.reduce(0) { $0 + $1.title.count + $1.summary.count + $1.body.count }
print("中文全文检索基准：\(documents.count) 篇文档（由 \(sentenceCount) 个种子句子重组），共 \(characters / 10_000) 万字")
let sqliteVersion = try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") } ?? "?"
print("对照：同一批文档放进普通 FTS5 trigram 表（SQLite \(sqliteVersion)），同一次运行中测量")
print("")

let fields = [FullTextField("title", weight: 10), FullTextField("summary", weight: 4), FullTextField("body")]
let batch = 500

/// One way of indexing the corpus, measured beside the others: batches and queries are
/// interleaved (batch k into each, then batch k + 1; each repeat of a query on each), so a
/// change in the machine's load during the run weighs on every contender alike.
@MainActor final class Contender {
    let title: String
    let path: String
    let queue: DatabaseQueue
    let insert: (Database, ArraySlice<Document>) throws -> Void
    let search: ((Database, String) throws -> Void)?
    let count: ((Database, String) throws -> Int)?
    var loadSeconds = 0.0
    var counts: [String: Int] = [:]
    var times: [String: [Double]] = [:]

    init(_ title: String, file: String, setUp: (Database) throws -> Void,
         insert: @escaping (Database, ArraySlice<Document>) throws -> Void,
         search: ((Database, String) throws -> Void)? = nil, count: ((Database, String) throws -> Int)? = nil) throws {
        self.title = title
        path = folder.appendingPathComponent(file).path
        queue = try DatabaseQueue(path: path)
        try queue.write(setUp)
        self.insert = insert
        self.search = search
        self.count = count
    }

    var rate: Double { Double(documents.count) / loadSeconds }
    var size: Double { fileSize(path) }
}

@MainActor func ourContender(_ title: String, file: String, oneCharacterIndex: Bool) throws -> Contender {
    let index = FullTextIndex(name: "bench", fields: fields, oneCharacterIndex: oneCharacterIndex)
    return try Contender(title, file: file, setUp: { db in try index.create(db: db) }, insert: { db, slice in
        try index.index(slice.map { FullTextDocument(id: $0.id, fields: ["title": $0.title, "summary": $0.summary, "body": $0.body]) }, db: db)
    }, search: { db, text in _ = try index.search(text, limit: 20, db: db) }, count: { db, text in try index.count(text, db: db) })
}

func trigramExpression(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

/// Whether `haystack` holds the bytes of `needle` (memchr for the first byte, then memcmp).
func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
    guard let base = haystack.baseAddress, let pattern = needle.baseAddress, needle.count > 0 else { return needle.isEmpty }
    let first = Int32(needle[0])
    var offset = 0
    while haystack.count - offset >= needle.count {
        guard let found = memchr(base + offset, first, haystack.count - offset - needle.count + 1) else { return false }
        if memcmp(found, pattern, needle.count) == 0 { return true }
        offset = base.distance(to: UnsafeRawPointer(found)) + 1
    }
    return false
}

/// The truth: documents whose normalised text holds the query literally (memmem over UTF-8),
/// all of them and those that `visible` keeps.
@MainActor func truthCounts(visible: (Document) -> Bool) -> (all: [String: Int], visible: [String: Int]) {
    let texts = documents.map { Array(SearchText.normalize($0.title + "\n" + $0.summary + "\n" + $0.body).utf8) }
    let kept = documents.map(visible)
    var all: [String: Int] = [:], seen: [String: Int] = [:]
    for (_, list) in queries {
        for query in list {
            let needle = Array(SearchText.normalize(query).utf8)
            for (index, text) in texts.enumerated() {
                let found = text.withUnsafeBytes { haystack in needle.withUnsafeBytes { pattern in contains(haystack, pattern) } }
                if found {
                    all[query, default: 0] += 1
                    if kept[index] { seen[query, default: 0] += 1 }
                }
            }
        }
    }
    return (all, seen)
}

// The tokenizer alone: how much of the indexing time is Swift's.
let tokenizeStart = now()
var tokenBytes = 0
for document in documents {
    tokenBytes += BigramTokenizer.indexText(document.title).utf8.count + BigramTokenizer.indexText(document.summary).utf8.count
        + BigramTokenizer.indexText(document.body).utf8.count
}
let tokenizeSeconds = Double(now() - tokenizeStart) / 1e9
print(String(format: "分词（BigramTokenizer.indexText，不写数据库）：%.2f 秒，%.0f 篇/秒，%.1f 百万字/秒；词元文本 %.1f MB",
             tokenizeSeconds, Double(documents.count) / tokenizeSeconds, Double(characters) / tokenizeSeconds / 1e6, Double(tokenBytes) / 1e6))
print("")

let ours = try ourContender("本索引（二元组 + 单字前缀索引，默认）", file: "bigram.sqlite", oneCharacterIndex: true)
let noPrefix = try ourContender("本索引（不带单字前缀索引）", file: "bigram-no-prefix.sqlite", oneCharacterIndex: false)
let trigram = try Contender("普通 FTS5 trigram", file: "trigram.sqlite", setUp: { db in
    try db.execute(sql: "CREATE VIRTUAL TABLE tri USING fts5(title, summary, body, tokenize='trigram')")
    // The same weights; `ORDER BY rank` lets FTS5 sort, so snippet() runs only for the 20 rows returned.
    try db.execute(sql: "INSERT INTO tri(tri, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')")
}, insert: { db, slice in
    let statement = try db.cachedStatement(sql: "INSERT INTO tri (rowid, title, summary, body) VALUES (?, ?, ?, ?)")
    for document in slice { try statement.execute(arguments: [document.id, document.title, document.summary, document.body]) }
}, search: { db, text in
    _ = try Row.fetchAll(db, sql: """
        SELECT rowid, rank, snippet(tri, -1, '【', '】', '…', 24) FROM tri WHERE tri MATCH ? ORDER BY rank LIMIT 20
        """, arguments: [trigramExpression(text)])
}, count: { db, text in
    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tri WHERE tri MATCH ?", arguments: [trigramExpression(text)]) ?? 0
})
// The design not taken, for its size: the same tokens in an FTS5 table that also keeps them
// as content (so that removals need no re-tokenising), beside the original texts.
let withContent = try Contender("对照：词元文本也存进 FTS5（非 contentless）", file: "bigram-with-content.sqlite", setUp: { db in
    try db.execute(sql: """
        CREATE VIRTUAL TABLE t USING fts5(title, summary, body, tokenize='ascii', prefix='1');
        CREATE TABLE docs (doc_id INTEGER PRIMARY KEY, title TEXT, summary TEXT, body TEXT);
        """)
}, insert: { db, slice in
    let tokens = try db.cachedStatement(sql: "INSERT INTO t (rowid, title, summary, body) VALUES (?, ?, ?, ?)")
    let texts = try db.cachedStatement(sql: "INSERT INTO docs VALUES (?, ?, ?, ?)")
    for document in slice {
        try tokens.execute(arguments: [document.id, BigramTokenizer.indexText(document.title),
                                       BigramTokenizer.indexText(document.summary), BigramTokenizer.indexText(document.body)])
        try texts.execute(arguments: [document.id, document.title, document.summary, document.body])
    }
})
let contenders = [ours, noPrefix, trigram, withContent]
let searchers = contenders.filter { $0.search != nil }

print("建立索引（\(contenders.count) 份，交替写入，每个事务 \(batch) 篇）……")
for offset in stride(from: 0, to: documents.count, by: batch) {
    let slice = documents[offset..<min(offset + batch, documents.count)]
    for contender in contenders {
        let start = now()
        try contender.queue.write { db in try contender.insert(db, slice) }
        contender.loadSeconds += Double(now() - start) / 1e9
    }
}
for contender in searchers {
    try contender.queue.read { db in
        for (_, texts) in queries { for text in texts { contender.counts[text] = try contender.count!(db, text) } }
    }
}

print("文史资料库：同一批文档作为档案模块的条目（件），经 DescriptionStore.add 写入（校验、审计记录、检索索引），每个事务 \(batch) 条……")
let archive = try ArchiveUserPath(path: folder.appendingPathComponent("archive.sqlite").path)
try archive.load(documents, batch: batch)
print(String(format: "  用时 %.1f 秒（%.0f 条/秒）；委员看不到其中 %d 条（%.1f%%：涉密、不开放或限制利用）",
             archive.loadSeconds, Double(documents.count) / archive.loadSeconds, archive.hiddenCount,
             100 * Double(archive.hiddenCount) / Double(documents.count)))
var archiveTotals: [String: (archivist: Int, member: Int)] = [:]
for (_, texts) in queries {
    for text in texts { archiveTotals[text] = (try archive.search(text, as: archive.archivist).total, try archive.search(text, as: archive.member).total) }
}
let bare = Probe("裸 FTS5 MATCH") { _ = try archive.bare($0) }
let indexOnly = Probe("本索引（无过滤）") { _ = try archive.indexOnly($0) }
let asArchivist = Probe("文史工作人员") { _ = try archive.search($0, as: archive.archivist) }
let asMember = Probe("委员") { _ = try archive.search($0, as: archive.member) }
let probes = [bare, indexOnly, asArchivist, asMember]

print("检索（每个检索词先各跑一次预热，再交替各跑 \(repeats) 次）……")
for (kind, texts) in queries {
    for text in texts {
        for contender in searchers { try contender.queue.read { db in try contender.search!(db, text) } }
        for probe in probes { try probe.run(text) }
        for _ in 0..<repeats {
            for contender in searchers {
                let start = now()
                try contender.queue.read { db in try contender.search!(db, text) }
                contender.times[kind, default: []].append(Double(now() - start) / 1e6)
            }
            for probe in probes { try probe.time(text) }
        }
    }
}
let truth = truthCounts(visible: ArchiveUserPath.memberSees)
print("")

@MainActor func median(_ engine: Contender, _ kind: String) -> Double { percentile(engine.times[kind] ?? [], 0.5) }
@MainActor func p99(_ engine: Contender, _ kind: String) -> Double { percentile(engine.times[kind] ?? [], 0.99) }
func f(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
func indent(_ table: TextTable) -> String { table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }

let engines = [ours, noPrefix, trigram]

print("建索引速度与磁盘占用：")
print(indent(TextTable(headers: ["", "篇/秒", "MB", "速度比值", "大小比值"], rows: contenders.map { engine in
    [engine.title, f(engine.rate, 0), f(engine.size, 1), f(engine.rate / trigram.rate), f(engine.size / trigram.size)]
}, rightAligned: [1, 2, 3, 4])))
print("  比值 = 该做法 / trigram。")
for engine in [ours, trigram] {
    let parts = tableSizes(engine.queue).filter { $0.1 >= 0.05 }.map { "\($0.0) \(f($0.1, 1))" }
    print("  \(engine.title) 各表（MB）：" + parts.joined(separator: "，"))
}
print("")

print("检索耗时（取前 20 条并生成摘要；每个检索词 \(repeats) 次；毫秒，中位数 / 第 99 百分位）：")
var latencyRows: [[String]] = []
for (kind, texts) in queries {
    latencyRows.append(["\(kind)（\(texts.count) 个）"] + engines.map { "\(f(median($0, kind))) / \(f(p99($0, kind)))" }
                       + [f(median(ours, kind) / median(trigram, kind)), f(p99(ours, kind) / p99(trigram, kind))])
}
let all = { @MainActor (engine: Contender) in engine.times.values.flatMap { $0 } }
latencyRows.append(["全部"] + engines.map { "\(f(percentile(all($0), 0.5))) / \(f(percentile(all($0), 0.99)))" }
                   + [f(percentile(all(ours), 0.5) / percentile(all(trigram), 0.5)), f(percentile(all(ours), 0.99) / percentile(all(trigram), 0.99))])
print(indent(TextTable(headers: ["类别", "本索引", "不带前缀索引", "trigram", "中位数比值", "P99 比值"], rows: latencyRows,
                       rightAligned: [1, 2, 3, 4, 5])))
print("  比值 = 本索引 / trigram。trigram 对两字、单字检索词什么也找不到，所以几乎立即返回，那两行的比值没有意义。")
print("")

print("结果条数（真值 = 规范化后字面包含检索词的文档数，逐篇查找）：")
var wrong = 0, twoCharacter = 0, oursDiffer = 0, trigramWrong = 0
var countRows: [[String]] = []
for (kind, texts) in queries {
    for text in texts {
        let t = truth.all[text] ?? 0, o = ours.counts[text] ?? 0, n = noPrefix.counts[text] ?? 0, g = trigram.counts[text] ?? 0
        if kind == "两字" { twoCharacter += 1; if g < t { wrong += 1 } }
        if g != t { trigramWrong += 1 }
        if o != t || n != t { oursDiffer += 1 }
        countRows.append([text, kind, String(t), String(o), String(n), String(g) + (g < t ? " ✗" : "")])
    }
}
print(indent(TextTable(headers: ["检索词", "类别", "真值", "本索引", "不带前缀索引", "trigram"], rows: countRows, rightAligned: [2, 3, 4, 5])))
print("  trigram 答错（少于真值）的两字检索词：\(wrong) / \(twoCharacter)；全部检索词中答错 \(trigramWrong) / \(countRows.count)")
print("  本索引与真值不同的检索词：\(oursDiffer) / \(countRows.count)")
let archiveDiffer = queries.flatMap(\.texts).filter { text in
    archiveTotals[text]?.archivist != truth.all[text] ?? 0 || archiveTotals[text]?.member != truth.visible[text] ?? 0
}
print("  文史资料检索的总数与真值不同的检索词（文史工作人员 = 全部，委员 = 去掉看不到的条目）：\(archiveDiffer.count) / \(countRows.count)"
      + (archiveDiffer.isEmpty ? "" : "：" + archiveDiffer.joined(separator: "、")))
print("")

try reportUserPath(archive: archive, bare: bare, indexOnly: indexOnly, archivist: asArchivist, member: asMember,
                   queries: queries, measureBefore: measureBefore)
