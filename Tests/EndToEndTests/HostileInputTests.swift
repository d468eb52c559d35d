import Foundation
import Testing

/// Hostile numbers (`math.maxinteger`, `2^53`, `-2^63`, NaN, ±inf) at every parameter of every
/// Lua function and at every numeric CLI option: never a crash, a hang or an overflow; a clean
/// refusal in Chinese, naming the allowed range where the parameter is a number.
@Suite("命令行：极端数值不会让程序崩溃或空转")
struct HostileInputTests {
    static let hostile = ["math.maxinteger", "math.mininteger", "2^53", "-2^63", "0/0", "1/0", "-1/0"]

    /// A city with every module enabled, one member, one filed proposal (1), one archive unit (1).
    static func office() throws -> CommandLineRunner {
        let cli = try CommandLineRunner.withOrganisation([
            ["unit", "add", "市发展和改革委员会", "--office", "ordos"],
            ["modules", "enable", "proposals", "--office", "ordos"],
            ["modules", "enable", "archive", "--office", "ordos"],
            ["modules", "enable", "notices", "--office", "ordos"],
        ])
        _ = try cli.ok(["eval", """
            local id = lvzhi.proposals.draft{ title = "关于优化营商环境的建议", category = "经济", member = 1 }
            lvzhi.proposals.submit(id); lvzhi.proposals.file(id)
            lvzhi.archive.describe{ level = "全宗", reference_code = "Q1", title = "政协文史资料全宗" }
            """, "--office", "ordos"])
        return cli
    }

    /// One function of the API as `lvzhi lua-api` documents it: its table, name, positional
    /// parameters, and the keys of its option table (with the argument that table is).
    struct Function {
        var table: String
        var name: String
        var positional: Int
        var keys: [String]
    }

    /// Every function in `docs/lua-api.md` form, read from the built program.
    static func functions(_ cli: CommandLineRunner) throws -> [Function] {
        let reference = try cli.ok(["lua-api"])
        let row = try Regex(#"^\| `lvzhi\.([a-z_]+)\.([a-z_]+)(.*?)` \|"#)
        let key = try Regex(#"([a-z_]+)="#)
        return reference.split(separator: "\n").compactMap { line -> Function? in
            guard let match = String(line).firstMatch(of: row) else { return nil }
            let signature = String(match.output[3].substring ?? "")
            let keys = signature.matches(of: key).compactMap { $0.output[1].substring.map(String.init) }
            var positional = 0
            if signature.hasPrefix("(") {
                let inside = signature.dropFirst().prefix { $0 != "{" && $0 != ")" }
                positional = inside.split(separator: ",").filter { !$0.trimmingCharacters(in: CharacterSet(charactersIn: " []")).isEmpty }.count
            }
            return Function(table: String(match.output[1].substring!), name: String(match.output[2].substring!), positional: positional, keys: keys)
        }
    }

    @Test("每个 Lua 函数的每个参数遇到极端数值：都是可以 pcall 拦住的中文错误或正常结果，进程不崩溃")
    func everyLuaParameter() throws {
        let cli = try Self.office()
        let functions = try Self.functions(cli)
        #expect(functions.count > 80, "应从 lvzhi lua-api 读到全部函数")
        var calls: [String] = []
        for f in functions {
            let fn = "lvzhi[\"\(f.table)\"][\"\(f.name)\"]"
            for value in Self.hostile {
                for position in 0..<max(f.positional, 0) {
                    let args = (0..<f.positional).map { $0 == position ? value : "1" }
                    calls.append("try(\"\(f.table).\(f.name) 参数\(position + 1)=\(value)\", \(fn), \(args.joined(separator: ", ")))")
                }
                for k in f.keys {
                    let head = f.positional > 0 ? "1, " : ""
                    calls.append("try(\"\(f.table).\(f.name){\(k)=\(value)}\", \(fn), \(head){ [\"\(k)\"] = \(value) })")
                }
            }
        }
        let lines = try cli.unclearCalls(calls, tryFunction: """
            local function try(label, f, ...)
                count = count + 1
                local ok, message = pcall(f, ...)
                if not ok and not tostring(message):find("[\\228-\\233][\\128-\\191][\\128-\\191]") then
                    unclear[#unclear + 1] = label .. "：" .. tostring(message)
                end
            end
            """)
        #expect(lines.isEmpty, "以下调用得到的不是中文错误：\n\(lines.joined(separator: "\n"))")
    }

    /// The numeric parameters, each with `%@` where the value goes.
    static let luaNumbers = [
        "lvzhi.proposals.overdue{ within = %@ }", "lvzhi.proposals.stats{ year = %@ }", "lvzhi.proposals.unit_stats{ year = %@ }",
        "lvzhi.proposals.rules{ year = %@ }", "lvzhi.proposals.list{ year = %@ }", "lvzhi.proposals.list{ term = %@ }",
        "lvzhi.proposals.key(1, { year = %@ })", "lvzhi.duty.list{ year = %@ }", "lvzhi.audit.list{ limit = %@ }",
        "lvzhi.archive.search(\"文史\", { limit = %@ })", "lvzhi.archive.search(\"文史\", { offset = %@ })",
        "lvzhi.archive.restrictions_ending{ within = %@ }", "lvzhi.archive.register{ year = %@ }",
        "lvzhi.archive.contributions{ year = %@ }", "lvzhi.archive.accessions{ year = %@ }", "lvzhi.archive.fixity{ sample = %@ }",
    ]

    /// The numeric CLI options, each followed by the value.
    static let cliNumbers: [[String]] = [
        ["proposal", "overdue", "--office", "ordos", "--within"], ["proposal", "stats", "--office", "ordos", "--year"],
        ["proposal", "units", "--office", "ordos", "--year"], ["proposal", "rules", "--office", "ordos", "--year"],
        ["proposal", "list", "--office", "ordos", "--year"], ["proposal", "list", "--office", "ordos", "--term"],
        ["proposal", "key", "1", "--year"], ["duty", "list", "--office", "ordos", "--year"],
        ["archive", "report", "restrictions", "--office", "ordos", "--within"], ["archive", "report", "register", "--office", "ordos", "--year"],
        ["archive", "fixity", "--office", "ordos", "--sample"], ["archive", "search", "文史", "--office", "ordos", "--limit"],
        ["archive", "search", "文史", "--office", "ordos", "--offset"], ["term", "add", "--office", "ordos", "--start", "2027-01-01"],
        ["eval", "return 1", "--office", "ordos", "--timeout"], ["eval", "return 1", "--office", "ordos", "--max-memory"],
        ["eval", "return 1", "--office", "ordos", "--max-instructions"],
    ]

    @Test("数值参数越界：Lua 与命令行都拒绝，并说明允许的范围，不崩溃、不空转")
    func ranges() throws {
        let cli = try Self.office()
        let checks = Self.luaNumbers.flatMap { call in
            Self.hostile.map { value in
                let code = call.replacingOccurrences(of: "%@", with: value)
                return "do local ok, m = pcall(function() return \(code) end) if ok or not tostring(m):find(\"之间\") then print([[\(code)]], m) end end"
            }
        }
        let lua = try cli.run(["eval", checks.joined(separator: "\n"), "--office", "ordos", "--dry-run"])
        #expect(lua.status == 0 && lua.stdout.isEmpty, "这些调用没有说明范围：\n\(lua.stdout)\(lua.stderr)")
        for arguments in Self.cliNumbers {
            for value in ["9223372036854775807", "-9223372036854775808", "nan", "inf"] {
                let result = try cli.run(arguments + [value])
                let command = "lvzhi \((arguments + [value]).joined(separator: " "))"
                #expect(result.status == 1 || result.status == 2, "\(command)：\(result.status) \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error") && !result.stderr.isEmpty, "\(command)")
                if Int(value) != nil && result.status == 1 { #expect(result.stderr.contains("之间"), "\(command)：\(result.stderr)") }
            }
        }
    }
}
