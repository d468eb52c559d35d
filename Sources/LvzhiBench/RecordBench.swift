import Foundation
import GRDB
import LvzhiCore
import LvzhiScript
import LvzhiStorage
import Proposals

/// The data set of the records benchmark: one office with `proposals` generated proposals and
/// `members` members in a temporary SQLite file, inserted with SQL in one transaction; and
/// the ways of running a report over them.
final class RecordBench {
    let folder: URL
    let host: LvzhiHost
    let admin: AccessContext
    let modules = CoreScriptAPI.modules + [ProposalsScriptAPI.module]
    static let office = "bench"
    /// The limits of a run, with time enough for the slowest way measured.
    let limits = ScriptLimits(timeout: 600)

    init(proposals: Int, members: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        host = try LvzhiHost(path: folder.appendingPathComponent("bench.sqlite").path, plugins: [ProposalsPlugin.manifest], create: true)
        _ = try UserStore.bootstrap(host: host)
        admin = try host.context(for: UserStore.bootstrapUsername)
        try OfficeStore(host: host, context: admin).add(code: Self.office, name: "政协基准市委员会")
        _ = try TermStore(host: host, context: admin).add(officeCode: Self.office, number: 5, startsOn: "2022-01-06")
        for sector in Self.sectors { _ = try SectorStore(host: host, context: admin).add(officeCode: Self.office, name: sector) }
        try ModuleStore(host: host, context: admin).enable("proposals", officeCode: Self.office)
        try host.write(as: admin) { tx in try Self.insert(proposals: proposals, members: members, db: tx.db) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let sectors = ["中共", "民革", "民盟", "民建", "经济界", "农业界", "教育界", "科技界", "医药卫生界", "文化艺术界"]
    static let categories = ["经济", "政治", "文化", "社会", "生态文明", "农业农村", "教育", "医疗卫生"]
    static let statuses: [ProposalStatus] = [.draft, .submitted, .returned, .withdrawn, .filed, .rejected, .converted, .assigned, .handling, .replied, .concluded]
    static let paragraph = "近年来，我市在推进高质量发展方面取得了明显成效，但仍存在一些短板和不足，主要表现在资金投入不足、协调机制不健全、政策落实不到位等方面。"
        + "为此建议：一是加强统筹协调，建立部门联动机制；二是加大财政投入力度，拓宽多元融资渠道；三是强化督促检查，确保各项政策措施落到实处。"

    /// Inserts the members and proposals with plain SQL (a realistic spread of fields, no audit entries).
    static func insert(proposals: Int, members: Int, db: Database) throws {
        let officeID = try Int64.fetchOne(db, sql: "SELECT id FROM offices WHERE code = ?", arguments: [office])!
        let termID = try Int64.fetchOne(db, sql: "SELECT id FROM terms WHERE office_id = ?", arguments: [officeID])!
        let sectorIDs = try Int64.fetchAll(db, sql: "SELECT id FROM sectors WHERE office_id = ? ORDER BY id", arguments: [officeID])
        let member = try db.makeStatement(sql: """
            INSERT INTO members (office_id, term_id, name, gender, ethnicity, birth_date, sector_id, party, roles, mobile, email, address, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2022-01-06T09:00:00+08:00')
            """)
        for i in 0..<members {
            try member.execute(arguments: [officeID, termID, "委员\(i)", i % 3 == 0 ? "女" : "男", i % 5 == 0 ? "蒙古族" : "汉族",
                                           String(format: "19%02d-%02d-%02d", 50 + i % 40, 1 + i % 12, 1 + i % 28), sectorIDs[i % sectorIDs.count],
                                           i % 4 == 0 ? "中国共产党" : nil, i % 10 == 0 ? "[\"常委\"]" : "[]", String(format: "139%08d", i),
                                           i % 2 == 0 ? "member\(i)@example.cn" : nil, i % 2 == 0 ? "鄂尔多斯市康巴什区北区\(i)号" : nil])
        }
        let proposal = try db.makeStatement(sql: """
            INSERT INTO proposals (office_id, term_id, kind, title, body, category, occasion, status, number_scope, number, number_label,
                                   created_by, created_at, submitted_at, submitted_year, filed_at, is_key, key_year, is_public, private_reason, is_excellent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'admin', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for i in 0..<proposals {
            let status = statuses[(i * 7) % statuses.count]
            let submitted = status != .draft
            let numbered = status.isFiled
            let year = 2022 + i % 5
            try proposal.execute(arguments: [
                officeID, termID, i % 4 == 0 ? "joint" : "individual", "关于\(categories[i % categories.count])工作的建议（第\(i)号）",
                String(repeating: paragraph, count: 1 + i % 3), categories[i % categories.count], submitted ? (i % 2 == 0 ? "大会" : "平时") : nil,
                status.rawValue, numbered ? "y\(year)" : nil, numbered ? i + 1 : nil, numbered ? "\(year)年 第\(String(format: "%04d", i + 1))号" : nil,
                "\(year)-01-05T10:00:00+08:00", submitted ? "\(year)-01-06T10:00:00+08:00" : nil, submitted ? year : nil,
                numbered ? "\(year)-01-20T10:00:00+08:00" : nil, i % 50 == 0, i % 50 == 0 ? year : nil, i % 20 != 0,
                i % 20 == 0 ? "涉及未公开信息" : nil, i % 97 == 0,
            ])
        }
    }

    /// The tail shared by the reports: `counts` (a table of "a\tb" → n) as sorted lines.
    static let lines = """
        local keys = {}
        for k in pairs(counts) do keys[#keys + 1] = k end
        table.sort(keys)
        local out = {}
        for i, k in ipairs(keys) do out[i] = k .. "\\t" .. counts[k] end
        return table.concat(out, "\\n")
        """
    static let proposalEach = """
        local limit = tonumber(arg[1])
        local counts, n = {}, 0
        for p in lvzhi.proposals.each{} do
          n = n + 1
          if limit and n > limit then break end
          local k = p.category .. "\\t" .. p.status
          counts[k] = (counts[k] or 0) + 1
        end
        """ + "\n" + lines
    static let proposalSQL = """
        local counts = {}
        for _, r in ipairs(lvzhi.db.query([[SELECT category, status, COUNT(*) AS n FROM proposals
                                           WHERE office_id = (SELECT id FROM offices WHERE code = ?) GROUP BY category, status]], lvzhi.office.code)) do
          counts[r.category .. "\\t" .. r.status] = r.n
        end
        """ + "\n" + lines
    static let memberEach = """
        local counts = {}
        for m in lvzhi.members.each{} do
          local k = m.sector .. "\\t" .. m.gender
          counts[k] = (counts[k] or 0) + 1
        end
        """ + "\n" + lines
    static let memberSQL = """
        local counts = {}
        for _, r in ipairs(lvzhi.db.query([[SELECT s.name AS sector, m.gender, COUNT(*) AS n FROM members m JOIN sectors s ON s.id = m.sector_id
                                           WHERE m.office_id = (SELECT id FROM offices WHERE code = ?) GROUP BY s.name, m.gender]], lvzhi.office.code)) do
          counts[r.sector .. "\\t" .. r.gender] = r.n
        end
        """ + "\n" + lines

    /// The best of five runs of each of `sources` through ScriptRunner as the administrator, taken in
    /// turns (so that a busy moment of the machine weighs on all of them alike), and what each returned.
    func time(_ sources: String...) throws -> [(seconds: Double, result: String)] {
        let runner = ScriptRunner(host: host, context: admin, modules: modules, limits: limits, dryRun: true, output: { _ in })
        var best = [Double](repeating: .infinity, count: sources.count)
        var results = [String](repeating: "", count: sources.count)
        for _ in 0..<5 {
            for (index, source) in sources.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                results[index] = try runner.run(source: source, chunkName: "bench", officeCode: Self.office).values.first?.plainText ?? ""
                best[index] = min(best[index], Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
        }
        return zip(best, results).map { ($0, $1) }
    }

    /// The same report as ``proposalEach`` with each proposal decoded as a record and pushed by the
    /// encoder (the path of viewers whose proposals are redacted), in an engine of its own.
    func timeRecordPath() throws -> (Double, String) {
        var result = ""
        let seconds = try best(3) {
            try host.read { db in
                let engine = try ScriptEngine(limits: limits, output: { _ in })
                let source = Self.proposalEach.replacingOccurrences(of: "lvzhi.proposals.each{}", with: "lvzhi.each()")
                result = try engine.run(source: source, chunkName: "bench") { call in
                    call.newTable(array: 0, fields: 1)
                    call.set("each") {
                        engine.state.pushFunction { call in
                            let cursor = try Proposal.fetchCursor(db)
                            call.pushIterator { call in
                                guard let proposal = try cursor.next() else { return 0 }
                                try call.push(encoding: proposal)
                                return 1
                            }
                            return 1
                        }
                    }
                }.first?.plainText ?? ""
            }
        }
        return (seconds, result)
    }

    /// The best of three times of decoding every proposal with GRDB, without Lua (what `each` cannot avoid).
    func decodeOnly() throws -> Double {
        try best(3) {
            try host.read { db in
                let cursor = try Proposal.fetchCursor(db)
                var count = 0
                while try cursor.next() != nil { count += 1 }
                precondition(count > 0)
            }
        }
    }

    /// The peak memory of the Lua state (the engine's allocator counters) running `source` over
    /// the first `limit` records, set up as ScriptRunner does.
    func luaPeak(_ source: String, limit: Int) throws -> Int {
        let office = try host.read { db in try Office.find(code: Self.office, db: db) }
        let context = admin.scoped(to: office)
        var peak = 0
        try host.transaction(as: context) { tx in
            let session = ScriptSession(host: host, office: office, tx: tx, output: { _ in })
            let engine = try ScriptEngine(limits: limits, output: { _ in })
            let binder = ScriptAPIBinder(modules: modules, session: session)
            _ = try engine.run(source: source, chunkName: "bench", arguments: [String(limit)]) { call in try binder.push(call) }
            peak = engine.state.memoryPeak
            return false
        }
        return peak
    }
}
