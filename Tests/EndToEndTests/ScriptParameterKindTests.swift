import Foundation
import Testing

/// Every parameter and option key of every Lua function (read from `lvzhi lua-api`, the same
/// registry the engine binds) refuses every wrong type with a clean Chinese error naming it; no
/// name is a Lua reserved word.
@Suite("脚本接口：错误类型的参数一律拒绝，不被悄悄忽略")
struct ScriptParameterKindTests {
    /// Lua 5.4's reserved words: a function or key named so cannot be written `lvzhi.t.name` or `{name = …}`.
    static let reserved: Set<String> = ["and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
                                        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"]

    /// One parameter as the reference documents it: its name, what it takes, and whether it is a key of an option table.
    struct Parameter {
        var name: String
        var kind: String
        var position: Int
        var isKey: Bool
    }

    /// One function of the reference, with its parameters.
    struct Function {
        var table: String
        var name: String
        var arity: Int
        var parameters: [Parameter]
        /// What goes at each position when another parameter is being tried.
        var placeholders: [String]
    }

    /// Every function of `lvzhi lua-api`, with the kind of each parameter and key.
    static func functions(_ cli: CommandLineRunner) throws -> [Function] {
        let reference = try cli.ok(["lua-api"])
        let row = try Regex(#"^\| `lvzhi\.([a-z_]+)\.([a-z_]+)(.*?)` \| .*? \| (.*?) \| (是)? \|$"#)
        return try reference.split(separator: "\n").compactMap { line -> Function? in
            guard let match = String(line).firstMatch(of: row) else { return nil }
            let signature = String(match.output[3].substring!)
            var entries = String(match.output[4].substring!).split(separator: "；").map { entry -> (String, String) in
                let parts = entry.split(separator: "：", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }[...]
            if entries.first?.0.isEmpty == true { entries = [] }
            // The positions of the signature: `{…}` (options), `name 或 {…}` (text or options), `name`, `name…`.
            var segments: [String] = []
            if signature.hasPrefix("{") { segments = [signature] } else if signature.count > 2 {
                var depth = 0, current = ""
                for c in signature.dropFirst().dropLast() {
                    if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
                    if c == ",", depth == 0 { segments.append(current); current = "" } else { current.append(c) }
                }
                segments.append(current)
            }
            var parameters: [Parameter] = []
            var placeholders: [String] = []
            for (index, raw) in segments.enumerated() {
                let segment = raw.trimmingCharacters(in: CharacterSet(charactersIn: " []"))
                let keyCount = segment.filter { $0 == "=" }.count
                if segment.contains(" 或 {") { entries.removeFirst() }  // the text alternative: a text at that position
                if segment.contains("{") {
                    for _ in 0..<keyCount {
                        let (name, kind) = entries.removeFirst()
                        parameters.append(Parameter(name: name, kind: kind, position: index + 1, isKey: true))
                    }
                    placeholders.append("nil")
                    parameters.append(Parameter(name: "选项", kind: segment.contains(" 或 {") ? "文字或选项表" : "选项表", position: index + 1, isKey: false))
                } else {
                    let (name, kind) = entries.removeFirst()
                    parameters.append(Parameter(name: name, kind: kind, position: index + 1, isKey: false))
                    placeholders.append(try placeholder(kind))
                }
            }
            #expect(entries.isEmpty, "\(line)：参数说明与用法不符")
            return Function(table: String(match.output[1].substring!), name: String(match.output[2].substring!), arity: segments.count,
                            parameters: parameters, placeholders: placeholders)
        }
    }

    /// A value of the kind, for the positions not being tried.
    static func placeholder(_ kind: String) throws -> String {
        if kind.hasPrefix("ID") && !kind.contains("列表") { return "1" }
        if kind.hasPrefix("文字、数") { return "nil" }
        if kind.hasPrefix("文字") && !kind.contains("列表") { return "\"x\"" }
        if kind.hasPrefix("表") { return "{}" }
        if let match = kind.firstMatch(of: try Regex(#"^(-?\d+) 到"#)) { return String(match.output[1].substring!) }
        return "nil"
    }

    /// The wrong values of each kind, as Lua expressions.
    static func wrongValues(_ kind: String) -> [String] {
        let common = ["print", "coroutine.create(print)"]
        if kind.hasPrefix("ID 列表") { return common + ["57", "\"57\"", "true", "{ \"a\" }", "{ 1.5 }", "{ 0 }", "{ [2] = 1 }", "{ x = 1 }", "{ {} }", "big"] }
        if kind.hasPrefix("文字列表") { return common + ["\"甲\"", "57", "true", "{ true }", "{ {} }", "{ x = \"a\" }", "{ [3] = \"a\" }", "{ 0/0 }", "bigTexts"] }
        if kind.hasPrefix("ID") { return common + ["\"12\"", "true", "{}", "1.5", "0", "-1", "0/0", "1/0"] }
        if kind.contains("之间的整数") { return common + ["\"2026\"", "true", "{}", "1.5", "0/0", "1/0", "-1/0", "math.maxinteger"] }
        if kind.hasPrefix("true 或 false") { return common + ["1", "0", "\"yes\"", "\"true\"", "{}", "0/0"] }
        if kind.hasPrefix("日期") { return common + ["20260831", "true", "{}", "\"2026-02-30\"", "\"明天\""] }
        if kind.hasPrefix("文字或选项表") { return common + ["true", "1.5", "0/0"] }
        if kind.hasPrefix("选项表") { return common + ["\"经济界\"", "57", "true", "{ \"经济界\" }", "{ [1] = 2 }"] }
        if kind.hasPrefix("文字、数") { return common + ["true", "{}"] }
        if kind.hasPrefix("表") { return common + ["1", "\"x\"", "true"] }
        return common + ["true", "{}", "0/0", "1/0", "1.5", "{ \"甲\" }"]  // 文字
    }

    @Test("每个函数的每个参数、每个选项遇到每种错误类型：都是点名参数的中文错误，不是被忽略、不是崩溃")
    func everyParameterRefusesWrongTypes() throws {
        let cli = try HostileInputTests.office()
        let functions = try Self.functions(cli)
        #expect(functions.count > 90, "应从 lvzhi lua-api 读到全部函数")
        var calls: [String] = []
        for f in functions {
            for parameter in f.parameters {
                for value in Self.wrongValues(parameter.kind) {
                    var args = f.placeholders
                    if parameter.isKey {
                        args[parameter.position - 1] = "{ \(parameter.name) = \(value) }"
                    } else {
                        args[parameter.position - 1] = value
                    }
                    // Past the last parameter, nothing: one too many is a refusal of its own.
                    let label = "\(f.table).\(f.name) \(parameter.name)=\(value)"
                    calls.append("try([[\(label)]], \(Lua.quote(parameter.name)), lvzhi.\(f.table).\(f.name), \(args.joined(separator: ", ")))")
                }
            }
            // One argument too many.
            let extra = (f.placeholders + ["\"多余\""]).joined(separator: ", ")
            if !f.parameters.contains(where: { $0.kind.hasPrefix("文字、数") }) {
                calls.append("try([[\(f.table).\(f.name) 多一个参数]], \"参数\", lvzhi.\(f.table).\(f.name), \(extra))")
            }
        }
        let lines = try cli.unclearCalls(calls, tryFunction: """
            local function try(label, name, f, ...)
                count = count + 1
                local ok, message = pcall(f, ...)
                message = tostring(message)
                if ok then unclear[#unclear + 1] = label .. "：没有被拒绝"
                elseif not message:find("[\\228-\\233][\\128-\\191][\\128-\\191]") or not message:find(name, 1, true)
                    or message:find("实际是 %a") or message:find("no value") then
                    unclear[#unclear + 1] = label .. "：" .. message
                end
            end
            """, prelude: "local big, bigTexts = {}, {}\nfor i = 1, 1001 do big[i] = i; bigTexts[i] = \"甲\" end")
        #expect(lines.isEmpty, "以下调用没有得到点名参数的中文错误（共 \(lines.count) 条）：\n\(lines.prefix(60).joined(separator: "\n"))")
        // Without pcall: a clean error and exit 1, not exit 0 and not a crash.
        let direct = try cli.run(["eval", "lvzhi.members.count{ sector = { \"经济界\" } }", "--office", "ordos"])
        #expect(direct.status == 1 && direct.stderr.contains("sector 应为文字") && !direct.stderr.contains("Fatal"), "\(direct.stderr)")
    }

    @Test("函数名和选项名都不是 Lua 的保留字，都能直接写成 lvzhi.表.函数、{ 名字 = 值 }")
    func noReservedWords() throws {
        let cli = try HostileInputTests.office()
        let functions = try Self.functions(cli)
        for f in functions {
            #expect(!Self.reserved.contains(f.table) && !Self.reserved.contains(f.name), "lvzhi.\(f.table).\(f.name)")
            for parameter in f.parameters where parameter.isKey {
                #expect(!Self.reserved.contains(parameter.name), "lvzhi.\(f.table).\(f.name) 的选项 \(parameter.name)")
            }
        }
        // Every function and key as a script writes them: the text parses.
        let text = functions.map { f in
            "local _ = function() return lvzhi.\(f.table).\(f.name)(\(f.parameters.filter(\.isKey).isEmpty ? "" : "{ " + f.parameters.filter(\.isKey).map { "\($0.name) = 1" }.joined(separator: ", ") + " }")) end"
        }.joined(separator: "\n")
        let parsed = try cli.run(["eval", text + "\nreturn \"ok\"", "--office", "ordos"])
        #expect(parsed.stdout == "ok\n", "\(parsed.stderr)")
        let names = Set(functions.map { "\($0.table).\($0.name)" })
        #expect(names.contains("proposals.return_for_revision") && !names.contains("proposals.return"))
    }
}

/// Lua text helpers for the tests.
enum Lua {
    /// `text` as a Lua long-bracket-free string literal.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
