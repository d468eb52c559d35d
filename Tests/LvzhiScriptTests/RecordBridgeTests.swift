import CLua
import CLuaShim
import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import LvzhiScript

/// Records cross into Lua through ``LuaRecordEncoder``: the fields `--json` shows, without JSON.
@Suite("记录进入 Lua：编码器")
struct RecordBridgeTests {
    // MARK: Every rule of JSONEncoder

    enum Colour: String, Codable { case deepRed = "deep_red", blue }
    enum Level: Int, Codable { case low = 1, high = 3 }

    struct Inner: Codable, Equatable {
        var officeID: Int64
        var shortName: String?
        var tags: [String]
    }

    /// A custom `encode(to:)`: an explicit nil, a nested container, a nested unkeyed container, a super encoder.
    struct Custom: Encodable {
        enum Key: String, CodingKey { case explicitNil, nestedPart, listPart, superValue, plainValue }
        enum Part: String, CodingKey { case innerValue, otherValue }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeNil(forKey: .explicitNil)
            var nested = c.nestedContainer(keyedBy: Part.self, forKey: .nestedPart)
            var list = c.nestedUnkeyedContainer(forKey: .listPart)
            try c.encode(7, forKey: .plainValue)          // written to the parent while the nested ones are open
            try nested.encode("甲", forKey: .innerValue)
            try list.encode(1)
            try list.encodeNil()
            try list.encode("三")
            var deeper = list.nestedContainer(keyedBy: Part.self)
            try deeper.encode(true, forKey: .otherValue)
            try nested.encode(2.5, forKey: .otherValue)
            var superValue = c.superEncoder(forKey: .superValue).singleValueContainer()
            try superValue.encode("上")
        }
    }

    struct Empty: Encodable { func encode(to encoder: any Encoder) throws {} }

    struct Sample: Encodable {
        var id: Int64 = 42
        var termID: Int64 = 5
        var myURLProperty = "u"
        var URL = "大写"
        var dutyRecord2Count = 2
        var title = "关于\t“营商环境”的建议\n第二行\\"
        var nothing: String? = nil
        var something: String? = "有"
        var isKey = true
        var isPublic = false
        var whole = 3.0
        var fraction = 66.7
        var small: Float = 1.1
        var negative: Int8 = -8
        var big: UInt64 = UInt64.max
        var unsigned: UInt32 = 7
        var colour = Colour.deepRed
        var level = Level.high
        var maybeColour: Colour? = nil
        var inner = Inner(officeID: 1, shortName: nil, tags: ["甲", "乙"])
        var inners = [Inner(officeID: 2, shortName: "二", tags: []), Inner(officeID: 3, shortName: nil, tags: ["丙"])]
        var grid: [[Int]] = [[1, 2], [], [3]]
        var holes: [String?] = ["a", nil, "c"]
        var counts: [String: Int] = ["underReview": 1, "已立案": 2, "HTTPServer": 3]
        var byNumber: [Int: String] = [1: "一", 20: "二十"]
        var nestedCounts: [String: [String: Int]] = ["aB": ["cD": 1]]
        var when = Date(timeIntervalSinceReferenceDate: 86_400.5)
        var blob = Data([0, 1, 2, 250])
        var link = Foundation.URL(string: "https://example.cn/a?b=1")!
        var amount = Decimal(string: "12.25")!
        var custom = Custom()
        var empty = Empty()
        var emptyList: [Int] = []
        var emptyMap: [String: Int] = [:]
    }

    /// A fresh state with nothing in it but the standard libraries.
    func state() throws -> LuaState { try LuaState() }

    /// Pushes `value` with the encoder, inside a host call as the trampoline would, and reads it back.
    func pushed(_ value: some Encodable, in state: LuaState) throws -> ScriptValue {
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        let top = lua_gettop(state.L)
        try LuaCall(L: state.L).push(encoding: value)
        #expect(lua_gettop(state.L) == top + 1, "恰好压入一个值")
        defer { lua_settop(state.L, top) }
        return ScriptValue.read(state.L, -1)
    }

    @Test("字段与 LvzhiJSON.encoder（--json）写出的完全相同：snake_case 键、nil 不出现、数组、字典原样的键、枚举、日期、Data、URL、Decimal、整数值的 Double")
    func sameAsJSON() throws {
        let state = try state()
        let sample = Sample()
        let got = try pushed(sample, in: state)
        let expected = try JSONReference.value(of: sample)
        #expect(got.sortedKeys == expected.sortedKeys, "\(got.sortedKeys)\n—\n\(expected.sortedKeys)")
        // A few of the rules, spelled out.
        #expect(got["term_id"] == .integer(5))
        #expect(got["my_url_property"] == .string("u"))
        #expect(got["u_rl"] == .string("大写"))
        #expect(got["nothing"] == nil)
        #expect(got["whole"] == .integer(3))
        #expect(got["fraction"] == .number(66.7))
        #expect(got["small"] == .number(1.1))
        #expect(got["colour"] == .string("deep_red"))
        #expect(got["level"] == .integer(3))
        #expect(got["counts"]?["underReview"] == .integer(1), "字典的键原样保留，与 JSONEncoder 相同")
        #expect(got["blob"] == .string("AAEC+g=="))
        #expect(got["link"] == .string("https://example.cn/a?b=1"))
        #expect(got["custom"]?["super_value"] == .string("上"))
        #expect(got["empty"] == .table([]))
    }

    @Test("同一类型的多条记录：键在每个状态只转换、压入一次（注册表中），顺序变化的记录也正确")
    func keysOnce() throws {
        let state = try state()
        let records = (0..<300).map { Inner(officeID: Int64($0), shortName: $0 % 2 == 0 ? "名\($0)" : nil, tags: ["t\($0)"]) }
        let first = try pushed(records[0], in: state)
        let keys = state.recordKeys.count
        let registry = lua_rawlen(state.L, lvzRegistryIndex)
        let all = try pushed(records, in: state)
        #expect(state.recordKeys.count == keys)
        #expect(lua_rawlen(state.L, lvzRegistryIndex) == registry)
        #expect(first.sortedKeys == (try JSONReference.value(of: records[0])).sortedKeys)
        #expect(all.sortedKeys == (try JSONReference.value(of: records)).sortedKeys)
        // A custom encoder that writes its keys in a different order, and leaves some out, each time.
        struct Shuffled: Encodable {
            let n: Int
            enum Key: String, CodingKey { case alphaOne, betaTwo, gammaThree }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Key.self)
                let keys: [Key] = n % 3 == 0 ? [.alphaOne, .betaTwo, .gammaThree] : (n % 3 == 1 ? [.gammaThree, .alphaOne] : [.betaTwo])
                for key in keys { try c.encode(n, forKey: key) }
            }
        }
        let shuffled = (0..<9).map(Shuffled.init)
        #expect(try pushed(shuffled, in: state).sortedKeys == (try JSONReference.value(of: shuffled)).sortedKeys)
    }

    @Test("数组是真正的序列：1…n 放在表的数组部分（每项 16 字节），不是散列部分")
    func arraysAreSequences() throws {
        let state = try state()
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        let items = (1...1000).map { Int64($0) }
        let before = state.memoryUsed
        try LuaCall(L: state.L).push(encoding: items)
        let bytes = state.memoryUsed - before
        #expect(lua_rawlen(state.L, -1) == 1000)
        // The array part holds 1000 values of 16 bytes; a hash part would need 1024 nodes of 24.
        #expect(bytes < 1000 * 20, "\(bytes) 字节")
        lvz_pop(state.L, 1)
    }

    @Test("嵌套过深的值是 Swift 错误：栈恢复原状，在脚本中是可以 pcall 的 Lua 错误，宿主照常运行")
    func tooDeep() throws {
        final class Chain: Encodable {
            let next: Chain?
            init(depth: Int) { next = depth > 0 ? Chain(depth: depth - 1) : nil }
        }
        let state = try state()
        let top = lua_gettop(state.L)
        #expect(throws: EncodingError.self) { _ = try pushed(Chain(depth: 500), in: state) }
        lua_settop(state.L, top)
        #expect(try pushed(Chain(depth: 50), in: state) != .nil)

        let engine = try ScriptEngine(limits: ScriptLimits(timeout: 5, maxMemory: 16 << 20), output: { _ in })
        let values = try engine.run(source: """
            local ok, message = pcall(lvzhi.deep)
            return ok, message, lvzhi.shallow().next ~= nil
            """, chunkName: "t.lua") { call in
            call.newTable(array: 0, fields: 2)
            call.set("deep") { engine.state.pushFunction { call in try call.push(encoding: Chain(depth: 500)); return 1 } }
            call.set("shallow") { engine.state.pushFunction { call in try call.push(encoding: Chain(depth: 3)); return 1 } }
        }
        #expect(values.count == 3)
        #expect(values[0] == .boolean(false))
        #expect(values[1].plainText.contains("嵌套"), "\(values[1])")
        #expect(values[2] == .boolean(true))
    }

    // MARK: Iterating many records through the real API

    /// An office with `count` members (inserted with SQL), and a run of `source` over it as the
    /// administrator, set up as ScriptRunner does; returns what it returned and the state's peak memory.
    func runOverMembers(_ count: Int, _ source: String) throws -> (values: [LuaValue], peak: Int) {
        let scratch = try ScratchDatabase(plugins: [], label: "records")
        try OfficeStore(host: scratch.host, context: scratch.admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        _ = try TermStore(host: scratch.host, context: scratch.admin).add(officeCode: "ordos", number: 5, startsOn: "2022-01-06")
        try SectorStore(host: scratch.host, context: scratch.admin).add(officeCode: "ordos", name: "经济界")
        try scratch.host.write(as: scratch.admin) { tx in
            try tx.db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO members (office_id, term_id, name, gender, ethnicity, birth_date, sector_id, roles, mobile, address, created_at)
                SELECT o.id, t.id, '委员' || i, CASE i % 2 WHEN 0 THEN '女' ELSE '男' END, '汉族', '1970-01-01', s.id, '["常委"]',
                       '139' || i, '鄂尔多斯市康巴什区北区' || i || '号', '2022-01-06T09:00:00+08:00'
                FROM n, offices o JOIN terms t ON t.office_id = o.id JOIN sectors s ON s.office_id = o.id
                """, arguments: [count])
        }
        let office = try scratch.host.read { db in try Office.find(code: "ordos", db: db) }
        var result: (values: [LuaValue], peak: Int) = ([], 0)
        try scratch.host.transaction(as: scratch.admin.scoped(to: office)) { tx in
            let session = ScriptSession(host: scratch.host, office: office, tx: tx, output: { _ in })
            let engine = try ScriptEngine(limits: ScriptLimits(timeout: 60, maxMemory: 64 << 20), output: { _ in })
            let binder = ScriptAPIBinder(modules: CoreScriptAPI.modules, session: session)
            result.values = try engine.run(source: source, chunkName: "t.lua") { call in try binder.push(call) }
            result.peak = engine.state.memoryPeak
            return false
        }
        return result
    }

    static let countMembers = """
        local n, women, chars = 0, 0, 0
        for m in lvzhi.members.each{} do
          n = n + 1
          if m.gender == "女" then women = women + 1 end
          chars = chars + #m.address + #m.roles
        end
        return n, women, chars > 0
        """

    @Test("遍历 4N 位委员时 Lua 的内存峰值与 N 位相同（引擎分配器的计数，不随记录数增长）")
    func memoryStaysFlat() throws {
        let n = 600
        let few = try runOverMembers(n, Self.countMembers)
        let many = try runOverMembers(4 * n, Self.countMembers)
        #expect(few.values == [.integer(Int64(n)), .integer(Int64(n / 2)), .boolean(true)])
        #expect(many.values == [.integer(Int64(4 * n)), .integer(Int64(2 * n)), .boolean(true)])
        // Keeping every record (a list) grows by ~1 KB per member: 1,800 more would be ~2 MB.
        #expect(many.peak < few.peak + 128 * 1024, "N：\(few.peak) 字节，4N：\(many.peak) 字节")
        let kept = try runOverMembers(4 * n, "local all = {} for m in lvzhi.members.each{} do all[#all + 1] = m end return #all")
        #expect(kept.peak > many.peak + 1024 * 1024, "保留全部记录时峰值应明显增长（\(kept.peak) 字节），说明这个测量看得见增长")
    }

    @Test("在协程中遍历：记录压到协程的栈上，键共用状态的注册表")
    func insideACoroutine() throws {
        let (values, _) = try runOverMembers(5, """
            local next = coroutine.wrap(function()
              for m in lvzhi.members.each{} do coroutine.yield(m.name .. "/" .. m.roles[1]) end
            end)
            return next(), next(), lvzhi.members.list{}[5].name
            """)
        #expect(values == [.string("委员1/常委"), .string("委员2/常委"), .string("委员5")])
    }
}

/// What `--json` shows for a value: `LvzhiJSON.encoder`'s output read back with types kept
/// (booleans, integers, floats; integral numbers as integers, as JSON text writes them; null absent).
enum JSONReference {
    indirect enum JSON: Decodable {
        case null, bool(Bool), int(Int64), double(Double), string(String), array([JSON]), object([String: JSON])
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int64.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSON].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSON].self)) }
        }
        var script: ScriptValue {
            switch self {
            case .null: return .nil
            case .bool(let b): return .boolean(b)
            case .int(let i): return .integer(i)
            case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? .integer(Int64(d)) : .number(d)
            case .string(let s): return .string(s)
            case .array(let items):
                return .table(items.enumerated().compactMap { item in
                    item.element.script == .nil ? nil : .init(key: .integer(Int64(item.offset + 1)), value: item.element.script)
                })
            case .object(let fields):
                return .table(fields.compactMap { $0.value.script == .nil ? nil : .init(key: .string($0.key), value: $0.value.script) })
            }
        }
    }

    static func value(of value: some Encodable) throws -> ScriptValue {
        try JSONDecoder().decode(JSON.self, from: LvzhiJSON.encoder.encode(value)).script
    }
}

extension ScriptValue {
    /// The value with every table's entries in one order (integer keys first), for comparing.
    var sortedKeys: ScriptValue {
        guard case .table(let entries) = self else { return self }
        return .table(entries.map { Entry(key: $0.key, value: $0.value.sortedKeys) }.sorted { a, b in
            switch (a.key, b.key) {
            case let (.integer(x), .integer(y)): return x < y
            case (.integer, _): return true
            case (_, .integer): return false
            default: return a.key.description < b.key.description
            }
        })
    }
}

/// Records streamed from rows straight into Lua tables (``LuaRecordStream``): the same tables as the
/// encoder makes of the decoded records, whatever the rows hold; the record's way whenever the
/// table is not simply the record's columns.
@Suite("记录进入 Lua：行直接成表")
struct RecordRowsTests {
    /// A record of a table of its own: text, optional text, a boolean, integers, and a column
    /// without type affinity that holds integers, reals and NULL in turn.
    struct Sample: LvzhiRecord, Equatable {
        var id: Int64?
        var title: String
        var note: String?
        var isOpen: Bool
        var count: Int?
        var score: Double?
        var officeID: Int64? { nil }
        static let databaseTableName = "bridge_samples"
        static let entityName = "样例"
        enum CodingKeys: String, CodingKey { case id, title, note, isOpen, count, score }
    }

    /// The same columns, but `note` holds JSON: an array in the record, text in the row.
    struct Tagged: LvzhiRecord {
        var id: Int64?
        var title: String
        var note: [String]?
        var officeID: Int64? { nil }
        static let databaseTableName = "bridge_tagged"
        static let entityName = "样例"
        enum CodingKeys: String, CodingKey { case id, title, note }
    }

    /// A record whose table has a field that is no column.
    struct Computed: LvzhiRecord {
        var id: Int64?
        var title: String
        var officeID: Int64? { nil }
        static let databaseTableName = "bridge_samples"
        static let entityName = "样例"
        enum CodingKeys: String, CodingKey { case id, title, length }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Int64.self, forKey: .id); title = try c.decode(String.self, forKey: .title)
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(title.count, forKey: .length)
        }
    }

    let scratch: ScratchDatabase

    init() throws {
        scratch = try ScratchDatabase(plugins: [], label: "rows")
        try scratch.host.write(as: scratch.admin) { tx in
            try tx.db.execute(sql: """
                CREATE TABLE bridge_samples (id INTEGER PRIMARY KEY, title TEXT NOT NULL, note TEXT, is_open BOOLEAN NOT NULL, count INTEGER, score);
                CREATE TABLE bridge_tagged (id INTEGER PRIMARY KEY, title TEXT NOT NULL, note TEXT);
                INSERT INTO bridge_tagged (title, note) VALUES ('甲', '["a","b"]'), ('乙', NULL);
                """)
            // NULLs first, so that the plan meets each storage class of `score` late.
            let rows: [[(any DatabaseValueConvertible)?]] = [
                ["关于\t“营商环境”的建议\n", nil, false, nil, nil],
                ["", "备注", true, 0, 3],
                ["三", nil, true, -7, 2.5],
                ["四", "长" + String(repeating: "文", count: 500), false, Int(Int32.max) * 4, 1e300],
                ["五", "", true, 5, nil],
            ]
            for row in rows + rows {
                try tx.db.execute(sql: "INSERT INTO bridge_samples (title, note, is_open, count, score) VALUES (?, ?, ?, ?, ?)",
                                  arguments: StatementArguments(row.map { $0?.databaseValue ?? .null }))
            }
        }
    }

    /// Every record of `request` through the stream and through the encoder, and how many went straight.
    func compare<R: LvzhiRecord>(_ request: QueryInterfaceRequest<R>) throws -> (direct: Int, decoded: Int) {
        let state = try LuaState()
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        let call = LuaCall(L: state.L)
        return try scratch.host.read { db in
            let records = try request.fetchAll(db)
            let stream = try LuaRecordStream(request, db: db, adjust: nil, state: state, state.L)
            for record in records {
                #expect(try stream.pushNext(call))
                let streamed = ScriptValue.read(state.L, -1)
                try call.push(encoding: record)
                let encoded = ScriptValue.read(state.L, -1)
                lua_settop(state.L, 0)
                #expect(streamed.sortedKeys == encoded.sortedKeys, "\(streamed)\n—\n\(encoded)")
                #expect(streamed.sortedKeys == (try JSONReference.value(of: record)).sortedKeys)
            }
            #expect(try !stream.pushNext(call), "到头")
            return (stream.direct, stream.decoded)
        }
    }

    @Test("直接成表的行与编码器给出的表相同（字符串、空字符串、NULL、布尔、整数、实数、同一列的不同存储类型）")
    func sameTables() throws {
        let counts = try compare(Sample.order(Column("id")))
        #expect(counts.decoded < 6, "只有最初几行和遇到新存储类型的行经记录：\(counts)")
        #expect(counts.direct >= 4, "其余各行直接成表：\(counts)")
        // Another order of the columns, and a filter: a new plan for a new statement.
        let reversed = try compare(Sample.select(sql: "score, count, is_open, note, title, id").filter(sql: "id > 2").order(sql: "id DESC"))
        #expect(reversed.direct > 0)
    }

    @Test("表不只是列的记录（JSON 列、算出来的字段）一律经记录，结果照样相同")
    func notColumns() throws {
        #expect(try compare(Tagged.order(Column("id"))).direct == 0)
        #expect(try compare(Computed.order(Column("id"))).direct == 0)
    }

    @Test("遍历 4N 条记录（直接成表）时 Lua 的内存峰值与 N 条相同")
    func memoryStaysFlat() throws {
        try scratch.host.write(as: scratch.admin) { tx in
            try tx.db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
                INSERT INTO bridge_samples (title, note, is_open, count, score)
                SELECT '标题' || i, '备注' || i || '：' || printf('%.*c', 300, '文'), i % 2, i, i / 7.0 FROM n
                """)
        }
        func peak(_ limit: Int) throws -> Int {
            let engine = try ScriptEngine(limits: ScriptLimits(timeout: 60, maxMemory: 64 << 20), output: { _ in })
            return try scratch.host.read { db in
                let values = try engine.run(source: """
                    local n, open = 0, 0
                    for s in lvzhi.samples() do
                      n = n + 1
                      if s.is_open then open = open + 1 end
                      if n == \(limit) then break end
                    end
                    return n
                    """, chunkName: "t.lua") { call in
                    call.newTable(array: 0, fields: 1)
                    call.set("samples") {
                        engine.state.pushFunction { call in
                            try call.pushIterator(records: Sample.order(Column("id")), db: db, adjust: nil)
                            return 1
                        }
                    }
                }
                #expect(values == [.integer(Int64(limit))])
                return engine.state.memoryPeak
            }
        }
        let few = try peak(1000)
        let many = try peak(4000)
        #expect(many < few + 128 * 1024, "N：\(few) 字节，4N：\(many) 字节")
    }
}
