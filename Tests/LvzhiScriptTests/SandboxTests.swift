import Foundation
import Testing
import LvzhiCore
@testable import LvzhiScript

/// Runs `code` in `engine` with a small test API: `lvzhi.fail(msg)` throws from Swift,
/// `lvzhi.echo(s)` returns its argument.
func run(_ code: String, in engine: ScriptEngine) throws -> [LuaValue] {
    try engine.run(source: code, chunkName: "test.lua") { call in
        call.newTable(array: 0, fields: 2)
        call.set("fail") {
            engine.state.pushFunction { call in
                throw LvzhiError(.ruleViolation, call.string(1) ?? "失败")
            }
        }
        call.set("echo") {
            engine.state.pushFunction { call in
                call.push(call.string(1) ?? "")
                return 1
            }
        }
    }
}

/// A fresh engine with short limits, so that a missing limit shows as a failure, not a hang.
func engine(timeout: Double = 2, memoryMB: Int = 64, instructions: Int? = nil) throws -> ScriptEngine {
    try ScriptEngine(limits: ScriptLimits(timeout: timeout, maxMemory: memoryMB << 20, maxInstructions: instructions), output: { _ in })
}

@Suite("Lua 沙箱")
struct SandboxTests {
    @Test("普通脚本正常运行并返回结果；print 被宿主接收")
    func basics() throws {
        var lines: [String] = []
        let engine = try ScriptEngine(limits: ScriptLimits(timeout: 2), output: { lines.append($0) })
        let values = try run("print('你好', 1, nil, true) return 1 + 1, '文史', {1, 2}", in: engine)
        #expect(values == [.integer(2), .string("文史"), .table([.init(key: .integer(1), value: .integer(1)), .init(key: .integer(2), value: .integer(2))])])
        #expect(lines == ["你好\t1\tnil\ttrue"])
    }

    @Test("危险的库和函数都不存在", arguments: [
        "io", "debug", "package", "dofile", "loadfile", "string.dump", "os.exit", "os.getenv", "os.execute",
        "os.remove", "os.rename", "os.tmpname", "os.setlocale",
    ])
    func dangerousNamesAbsent(name: String) throws {
        #expect(try run("return \(name) == nil", in: engine()) == [.boolean(true)])
    }

    @Test("安全的库可用：string、table、math、utf8、coroutine、os.time/date/clock/difftime")
    func safeLibraries() throws {
        let values = try run("""
            return string.format('%d', 3), table.concat({'a','b'}, ','), math.max(1, 5), utf8.len('政协'),
                   type(coroutine.create), type(os.time()), type(os.date('%Y')), type(os.clock()), os.difftime(2, 1)
            """, in: engine())
        #expect(values == [.string("3"), .string("a,b"), .integer(5), .integer(2), .string("function"), .string("number"),
                           .string("string"), .string("number"), .number(1)])
    }

    @Test("require 只能加载本政协保存的模块：文件和 C 库都不行")
    func requireRefused() throws {
        let error = #expect(throws: LvzhiError.self) { try run("require('os')", in: engine()) }
        #expect(error?.code == .scriptError)
        #expect(error?.message.contains("test.lua:1:") == true)
    }

    @Test("load 只接受文本代码：二进制块一律拒绝，无论 mode 如何")
    func binaryChunksRefused() throws {
        let values = try run(#"""
            local f, e = load("\27LuaT\0\25\147\r\n\26\n", "x", "b")
            return f == nil, e
            """#, in: engine())
        #expect(values.first == .boolean(true))
        if case .string(let message) = values.last { #expect(message.contains("binary")) } else { Issue.record("应返回错误信息") }
    }

    @Test("不带环境参数的 load 拿不到真正的全局表")
    func loadNeverHandsOutRealGlobals() throws {
        let values = try run("""
            local g = load("return _G")()
            load("marker = 42")()
            local h = load("return _ENV", "x", "t", { only = true })()
            return rawequal(g, _ENV), marker, h.only, g.lvzhi ~= nil
            """, in: engine())
        #expect(values == [.boolean(true), .integer(42), .boolean(true), .boolean(true)])
    }

    @Test("一次运行留下的东西不会带进下一次：全局变量、字符串元表、库表")
    func runsAreIsolated() throws {
        let engine = try engine()
        _ = try run("""
            leaked = 'yes'
            string.upper = function() return 'HACKED' end
            table.insert = nil
            local ok = pcall(function() getmetatable('').__index = { upper = function() return 'HACKED' end } end)
            """, in: engine)
        let values = try run("return leaked, ('a'):upper(), string.upper('b'), type(table.insert), getmetatable('')", in: engine)
        #expect(values == [.nil, .string("A"), .string("B"), .string("function"), .boolean(false)])
    }

    @Test("不允许 __gc 终结器（终结器运行时钩子关闭，任何限制都管不住）")
    func finalisersRefused() throws {
        let error = #expect(throws: LvzhiError.self) { try run("setmetatable({}, { __gc = function() while true do end end })", in: engine()) }
        #expect(error?.message.contains("__gc") == true)
    }

    @Test("collectgarbage 只允许 count、collect、step")
    func collectGarbageRestricted() throws {
        #expect(try run("return type(collectgarbage('count'))", in: engine()) == [.string("number")])
        #expect(throws: LvzhiError.self) { try run("collectgarbage('incremental', 1, 1)", in: engine()) }
    }
}

@Suite("宿主函数与错误")
struct HostFunctionTests {
    @Test("Swift 回调抛出的错误带着信息到达脚本的 pcall")
    func swiftErrorsReachPcall() throws {
        let values = try run("""
            local results = {}
            for i = 1, 1000 do
              local ok, message = pcall(lvzhi.fail, '第' .. i .. '次')
              results[#results + 1] = ok
              last = message
            end
            return results[1], #results, last
            """, in: engine())
        #expect(values == [.boolean(false), .integer(1000), .string("第1000次")])
    }

    @Test("未捕获的错误给出 文件:行号: 信息 与调用栈")
    func uncaughtErrorsShowFileAndLine() throws {
        let error = #expect(throws: LvzhiError.self) { try run("local x = 1\nlocal function f() lvzhi.fail('坏了') end\nf()", in: engine()) }
        #expect(error?.code == .scriptError)
        #expect(error?.message == "坏了" || error?.message.contains("坏了") == true)
        #expect(error?.details.contains { $0.contains("test.lua:2") } == true)
        let syntax = #expect(throws: LvzhiError.self) { try run("local = 1", in: engine()) }
        #expect(syntax?.message.contains("test.lua:1:") == true)
    }

    @Test("__tostring 会死循环的错误对象不会卡住宿主")
    func errorObjectsAreNotConvertedByScriptCode() throws {
        let error = #expect(throws: LvzhiError.self) {
            try run("error(setmetatable({}, { __tostring = function() while true do end end }))", in: engine(timeout: 30))
        }
        #expect(error?.message.contains("table") == true)
    }

    @Test("字符串可以含 NUL，参数类型不对时给出中文说明")
    func stringsAndArguments() throws {
        #expect(try run(#"return lvzhi.echo("a\0b")"#, in: engine()) == [.string("a\u{0}b")])
    }
}
