import Foundation
import Testing

/// The fields scripts see are exactly what `--json` shows: on the demo database, every record
/// that `lvzhi … list --json` prints, field by field and type by type (string, integer, float,
/// boolean), against what `lvzhi run` gets from `each` and `list`, for several viewers.
@Suite("命令行：脚本看到的记录字段与 --json 完全相同")
struct RecordFieldsCommandLineTests {
    /// A Lua script that prints `arg[1]` (an expression) flattened: one line per leaf,
    /// `path<TAB>type<TAB>value`, integer keys as `#n`, empty tables as `{}`.
    static let dump = #"""
        local out = {}
        local function esc(s) return (s:gsub("[\\\n\t\r]", { ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r" })) end
        local function dump(path, v)
          local t = type(v)
          if t == "table" then
            local empty = true
            for k, x in pairs(v) do
              empty = false
              dump(path .. "/" .. (math.type(k) == "integer" and ("#" .. k) or esc(tostring(k))), x)
            end
            if empty then out[#out + 1] = path .. "\t{}" end
          elseif t == "number" then
            if math.type(v) == "integer" then out[#out + 1] = path .. "\tinteger\t" .. v
            else out[#out + 1] = path .. "\tfloat\t" .. string.format("%.17g", v) end
          elseif t == "string" then out[#out + 1] = path .. "\tstring\t" .. esc(v)
          else out[#out + 1] = path .. "\t" .. t .. "\t" .. tostring(v) end
        end
        local function all(iterator) local a = {} for r in iterator do a[#a + 1] = r end return a end
        dump("", assert(load("local all = ...; return " .. arg[1]))(all))
        print(table.concat(out, "\n"))
        """#

    /// JSON as the command printed it, with types kept.
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

        /// The lines the Lua script prints for the same value (nulls absent, as in a Lua table;
        /// integral numbers as integers, as JSON writes them).
        func lines(_ path: String = "", into out: inout [String]) {
            func esc(_ s: String) -> String {
                s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                    .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
            }
            switch self {
            case .null: break
            case .bool(let b): out.append("\(path)\tboolean\t\(b)")
            case .int(let i): out.append("\(path)\tinteger\t\(i)")
            case .double(let d):
                if d == d.rounded() && abs(d) < 1e15 { out.append("\(path)\tinteger\t\(Int64(d))") }
                else { out.append("\(path)\tfloat\t" + String(format: "%.17g", d)) }
            case .string(let s): out.append("\(path)\tstring\t\(esc(s))")
            case .array(let items):
                let present = items.enumerated().filter { if case .null = $0.element { return false }; return true }
                if present.isEmpty { out.append("\(path)\t{}") }
                for (index, item) in present { item.lines("\(path)/#\(index + 1)", into: &out) }
            case .object(let fields):
                let present = fields.filter { if case .null = $0.value { return false }; return true }
                if present.isEmpty { out.append("\(path)\t{}") }
                for (key, value) in present { value.lines("\(path)/\(esc(key))", into: &out) }
            }
        }
    }

    let cli: CommandLineRunner
    let script: String

    init() throws {
        cli = try CommandLineRunner()
        let demo = try cli.run(["demo"])
        guard demo.status == 0 else { throw CommandLineRunner.SetupFailure(command: ["demo"], stderr: demo.stderr) }
        script = try cli.file("字段.lua", Data(Self.dump.utf8))
    }

    /// The sorted lines of `command --json` and of `expression` in Lua, as `user`.
    func both(_ command: [String], _ expression: String, user: String? = nil) throws -> (json: [String], lua: [String]) {
        let printed = try cli.run(command + ["--json"], user: user)
        #expect(printed.status == 0, "\(printed.stderr)")
        var json: [String] = []
        try JSONDecoder().decode(JSON.self, from: Data(printed.stdout.utf8)).lines(into: &json)
        let ran = try cli.run(["run", script, "--office", "ordos", "--", expression], user: user)
        #expect(ran.status == 0, "\(ran.stderr)")
        let lua = ran.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return (json.sorted(), lua.sorted())
    }

    /// `expression` gives in Lua exactly what `command --json` prints.
    func expectSame(_ command: [String], _ expression: String, user: String? = nil, atLeast lines: Int,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (json, lua) = try both(command, expression, user: user)
        let count = json.count
        #expect(count >= lines, "\(command.joined(separator: " "))：只有 \(count) 行", sourceLocation: sourceLocation)
        let same = json == lua  // not inside #expect: the arrays are far too long to print
        #expect(same, "\(expression)（\(user ?? "admin")）：\(Self.difference(json, lua))", sourceLocation: sourceLocation)
    }

    /// The first lines that differ, for the failure message.
    static func difference(_ a: [String], _ b: [String]) -> String {
        let onlyJSON = Set(a).subtracting(b).sorted().prefix(5)
        let onlyLua = Set(b).subtracting(a).sorted().prefix(5)
        return "只在 --json 中：\(Array(onlyJSON))；只在 Lua 中：\(Array(onlyLua))"
    }

    @Test("提案：管理员（行直接成表）与委员（经记录、隐去不公开的理由），each 与 list；年度统计（含字典）")
    func proposals() throws {
        let list = ["proposal", "list", "--office", "ordos"]
        try expectSame(list, "all(lvzhi.proposals.each{})", atLeast: 5000)
        try expectSame(list, "lvzhi.proposals.list{}", atLeast: 5000)
        try expectSame(list + ["--status", "filed"], "lvzhi.proposals.list{ status = 'filed' }", atLeast: 10)
        try expectSame(list, "all(lvzhi.proposals.each{})", user: "weiyuan", atLeast: 1000)
        try expectSame(["proposal", "stats", "--office", "ordos"], "lvzhi.proposals.stats{}", atLeast: 20)
        try expectSame(["proposal", "stats", "--office", "ordos"], "lvzhi.proposals.stats{}", user: "weiyuan", atLeast: 20)
    }

    @Test("委员：each、list（管理员看得到联系方式）")
    func members() throws {
        let list = ["member", "list", "--office", "ordos"]
        try expectSame(list, "all(lvzhi.members.each{})", atLeast: 3000)
        try expectSame(list, "lvzhi.members.list{}", atLeast: 3000)
        try expectSame(list, "all(lvzhi.members.each{})", user: "weiyuan", atLeast: 2000)
    }

    @Test("文史资料：著录条目 units 与 each_unit（管理员、文史工作人员）")
    func archiveUnits() throws {
        let list = ["archive", "unit", "list", "--office", "ordos"]
        try expectSame(list, "lvzhi.archive.units{}", atLeast: 100)
        try expectSame(list, "all(lvzhi.archive.each_unit{})", atLeast: 100)
        try expectSame(list, "lvzhi.archive.units{}", user: "li.wenshi", atLeast: 100)
    }
}
