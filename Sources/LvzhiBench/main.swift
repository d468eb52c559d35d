import CLua
import CLuaShim
import Foundation
import LvzhiScript

// The benchmark of the Lua bridge and of the run limits. Every figure is a ratio against a
// baseline measured in the same process, so it does not depend on the machine's speed.
// Run with `scripts/bench` (release build). Not a test: nothing here asserts a time.

/// The best of `repeats` timings of `body`, in seconds.
func best(_ repeats: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.min()!
}

/// Runs `code` in a fresh engine with `limits`; `bench.swift_noop`, `bench.swift_add`,
/// `bench.c_noop`, `bench.c_add` are available.
func time(_ code: String, limits: ScriptLimits) throws -> Double {
    let engine = try ScriptEngine(limits: limits, output: { _ in })
    return try best {
        _ = try engine.run(source: code, chunkName: "bench") { call in
            call.newTable(array: 0, fields: 4)
            call.set("swift_noop") { engine.state.pushFunction { _ in 0 } }
            call.set("swift_add") {
                engine.state.pushFunction { call in
                    call.push((call.integer(1) ?? 0) &+ (call.integer(2) ?? 0))
                    return 1
                }
            }
            call.set("c_noop") { lua_pushcclosure(call.L, lvz_bench_c_noop, 0) }
            call.set("c_add") { lua_pushcclosure(call.L, lvz_bench_c_add, 0) }
        }
    }
}

/// The same code in a plain Lua state (the standard allocator, no sandbox, no hooks): the
/// baseline for the cost of our allocator bookkeeping and limits together.
func timePlainLua(_ code: String) -> Double {
    let L = luaL_newstate()!
    defer { lua_close(L) }
    luaL_openlibs(L)
    return best {
        _ = luaL_loadstring(L, code)
        _ = lua_pcallk(L, 0, 0, 0, 0, nil)
    }
}

let none = ScriptLimits(timeout: nil, maxMemory: nil, maxInstructions: nil)
let defaults = ScriptLimits()
var budget = ScriptLimits()
budget.maxInstructions = 1 << 50
let calls = 10_000_000

// `lvzhi-bench records`: only part 3.
let onlyRecords = CommandLine.arguments.dropFirst().first == "records"

print("Lua ↔ Swift 桥与运行限制的基准（比值，越接近 1 越好）")
print("")

if !onlyRecords {
    // 1. One API call: Swift through the C trampoline vs a plain C function in the same state.
    let empty = try time("local f = lvzhi.c_noop for i = 1, \(calls) do end", limits: none)
    let cNoop = try time("local f = lvzhi.c_noop for i = 1, \(calls) do f() end", limits: none)
    let swiftNoop = try time("local f = lvzhi.swift_noop for i = 1, \(calls) do f() end", limits: none)
    let cAdd = try time("local f = lvzhi.c_add for i = 1, \(calls) do f(i, 1) end", limits: none)
    let swiftAdd = try time("local f = lvzhi.swift_add for i = 1, \(calls) do f(i, 1) end", limits: none)
    func perCall(_ t: Double) -> Double { (t - empty) / Double(calls) * 1e9 }
    print("一次调用（\(calls) 次，扣除空循环）：")
    print(String(format: "  无操作：Swift %.1f ns，C %.1f ns，比值 %.2f（目标 ≤ 1.5）", perCall(swiftNoop), perCall(cNoop), perCall(swiftNoop) / perCall(cNoop)))
    print(String(format: "  加法：  Swift %.1f ns，C %.1f ns，比值 %.2f（目标 ≤ 1.5）", perCall(swiftAdd), perCall(cAdd), perCall(swiftAdd) / perCall(cAdd)))
    print("")

    // 2. The default limits (memory cap + wall-clock watchdog) and an instruction budget.
    let loops: [(String, String)] = [
        ("算术循环", "local s = 0 for i = 1, 30000000 do s = s + i % 7 end"),
        ("表操作循环", "local t = {} for i = 1, 1000000 do t[i] = { i, tostring(i) } end for i = 1, #t do t[i] = nil end"),
        ("字符串库循环", "local n = 0 for i = 1, 300000 do local s = string.format('%d-%s', i, ('x'):rep(8)) n = n + #s:upper():gsub('x', 'y') end"),
    ]
    print("默认限制（内存上限 + 时间限制）与指令上限的耗时比值：")
    print("  （“无限制”= 同一引擎关闭各项限制；“原生”= 标准分配器、无沙箱的 Lua 状态）")
    for (name, code) in loops {
        let plain = timePlainLua(code)
        let free = try time(code, limits: none)
        let limited = try time(code, limits: defaults)
        let counted = try time(code, limits: budget)
        print(String(format: "  %@：默认限制/无限制 %.3f，默认限制/原生 %.3f（目标 ≤ 1.05）；加 --max-instructions/无限制 %.3f",
                     name, limited / free, limited / plain, counted / free))
    }
    print("")
}

// 3. Records into Lua: a report over every proposal (and every member) through `each`, as an
// administrator through ScriptRunner (access rules included), against the same GROUP BY through
// `lvzhi.db.query` in the same run. The data is inserted with SQL in one transaction.
let proposalCount = 100_000
let memberCount = 10_000
let records = try RecordBench(proposals: proposalCount, members: memberCount)
print("记录进入 Lua（管理员经 ScriptRunner 运行，含访问规则；与同一次运行中 lvzhi.db.query 的 GROUP BY 相比）：")
let proposalRuns = try records.time(RecordBench.proposalSQL, RecordBench.proposalEach)
let (proposalSQL, proposalSQLResult) = proposalRuns[0]
let (proposalEach, proposalEachResult) = proposalRuns[1]
precondition(proposalSQLResult == proposalEachResult, "两种统计的结果不同：\n\(proposalSQLResult)\n—\n\(proposalEachResult)")
print(String(format: "  %d 件提案：each %.3f s，GROUP BY %.3f s，比值 %.1f（目标 ≤ 5）", proposalCount, proposalEach, proposalSQL, proposalEach / proposalSQL))
let (recordPath, recordPathResult) = try records.timeRecordPath()
precondition(recordPathResult == proposalEachResult, "记录路径的结果不同")
let decode = try records.decodeOnly()
print(String(format: "    参考：同一报表经记录路径（GRDB 解码为 Proposal，再经编码器；看不到全部提案的用户走这条路）%.3f s，比值 %.1f；其中只解码 %.3f s",
             recordPath, recordPath / proposalSQL, decode))
let memberRuns = try records.time(RecordBench.memberSQL, RecordBench.memberEach)
let (memberSQL, memberSQLResult) = memberRuns[0]
let (memberEach, memberEachResult) = memberRuns[1]
precondition(memberSQLResult == memberEachResult, "两种统计的结果不同：\n\(memberSQLResult)\n—\n\(memberEachResult)")
print(String(format: "  %d 位委员：each %.3f s，GROUP BY %.3f s，比值 %.1f（目标 ≤ 5）", memberCount, memberEach, memberSQL, memberEach / memberSQL))
let quarter = try records.luaPeak(RecordBench.proposalEach, limit: proposalCount / 4)
let whole = try records.luaPeak(RecordBench.proposalEach, limit: proposalCount)
print(String(format: "  Lua 内存峰值（分配器计数）：遍历 %d 件 %.0f KB，%d 件 %.0f KB，比值 %.2f（应不随件数增长）",
             proposalCount / 4, Double(quarter) / 1024, proposalCount, Double(whole) / 1024, Double(whole) / Double(quarter)))

