import Foundation
import Testing
import LvzhiCore
@testable import LvzhiScript

/// Runaway scripts end with a Chinese message naming the limit; the host survives.
@Suite("运行限制")
struct LimitTests {
    func expectStopped(_ code: String, by limit: String, engine: ScriptEngine) {
        let error = #expect(throws: LvzhiError.self) { try run(code, in: engine) }
        #expect(error?.code == .limitExceeded, "应被限制停止：\(code)")
        #expect(error?.message.contains(limit) == true, "信息应点明\(limit)：\(error?.message ?? "")")
    }

    @Test("死循环在时间限制到达时停止", arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "while true do xpcall(function() while true do end end, function(e) return e end) end",
        "local co = coroutine.create(function() while true do end end) coroutine.resume(co)",
        "coroutine.wrap(function() while true do end end)()",
        "local co = coroutine.wrap(function() coroutine.yield() while true do pcall(error) end end) co() co()",
        "xpcall(function() error('x') end, function() while true do end end)",
        "while true do xpcall(function() while true do end end, function(e) while true do end end) end",
        "do local x <close> = setmetatable({}, { __close = function() while true do end end }) end",
        "local function f() return f() end while true do pcall(f) end",
    ])
    func timeoutStopsEveryLoop(code: String) throws {
        expectStopped(code, by: "时间", engine: try engine(timeout: 0.3))
    }

    @Test("指令数上限：pcall 吞不掉")
    func instructionBudget() throws {
        expectStopped("while true do end", by: "指令", engine: try engine(timeout: 10, instructions: 100_000))
        expectStopped("while true do pcall(function() for i = 1, 1e9 do end end) end", by: "指令", engine: try engine(timeout: 10, instructions: 100_000))
        #expect(try run("local s = 0 for i = 1, 1000 do s = s + i end return s", in: engine(instructions: 100_000)) == [.integer(500500)])
    }

    @Test("内存上限：一次大分配、逐步增长、被 pcall 吞掉的内存错误都会停止运行")
    func memoryCap() throws {
        // Generous time limits: the memory cap must be what stops these, even on a slow machine.
        expectStopped("local s = ('x'):rep(200 * 1024 * 1024)", by: "内存", engine: try engine(timeout: 60, memoryMB: 32))
        expectStopped("local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(64) .. i end", by: "内存", engine: try engine(timeout: 60, memoryMB: 32))
        expectStopped("local ok = pcall(function() local s = ('x'):rep(200 * 1024 * 1024) end) while true do end",
                      by: "内存", engine: try engine(timeout: 60, memoryMB: 32))
    }

    @Test("被停止后，同一个引擎还能继续运行新的代码")
    func engineSurvivesAStop() throws {
        let engine = try engine(timeout: 0.2)
        #expect(throws: LvzhiError.self) { try run("while true do end", in: engine) }
        #expect(try run("return 'ok'", in: engine) == [.string("ok")])
    }
}
