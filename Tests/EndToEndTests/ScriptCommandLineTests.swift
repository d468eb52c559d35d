import Foundation
import Testing

/// `lvzhi run` and `lvzhi eval` as real processes.
@Suite("命令行：Lua 脚本")
struct ScriptCommandLineTests {
    func organisation() throws -> CommandLineRunner { try CommandLineRunner.withOrganisation() }

    @Test("eval 先按表达式求值；run 读文件，参数在 arg 中，print 写到标准输出")
    func evalAndRun() throws {
        let cli = try organisation()
        let count = try cli.run(["eval", "lvzhi.members.count{}", "--office", "ordos"])
        #expect(count.status == 0, "\(count.stderr)")
        #expect(count.stdout == "1\n")
        #expect(try cli.run(["eval", "x = 1 print(x + 1)"]).stdout == "2\n")
        let script = try cli.file("报表.lua", Data("print('参数：' .. arg[1] .. '，' .. #arg)\nreturn 0\n".utf8))
        let result = try cli.run(["run", script, "--office", "ordos", "--", "2026", "全部"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "参数：2026，2\n")
    }

    @Test("脚本错误：标准错误上是 文件:行号: 信息 与调用栈，退出码 1，修改全部撤销")
    func scriptErrors() throws {
        let cli = try organisation()
        let script = try cli.file("坏脚本.lua", Data("lvzhi.members.add{ name = '李四', gender = '男', sector = '经济界' }\n\nerror('出错了')\n".utf8))
        let result = try cli.run(["run", script])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("坏脚本.lua:3: 出错了"))
        #expect(result.stderr.contains("调用栈"))
        #expect(result.stderr.contains("[C]: 函数 'error' 中") && result.stderr.contains("坏脚本.lua:3: 主程序块中"), "\(result.stderr)")
        let nested = try cli.run(["eval", "local function f() error('坏') end f()"])
        #expect(nested.stderr.contains("eval:1: 局部函数 'f' 中"), "\(nested.stderr)")
        for english in ["in function", "in local", "in main chunk", "stack traceback"] { #expect(!nested.stderr.contains(english)) }
        #expect(try cli.run(["eval", "lvzhi.members.count{}"]).stdout == "1\n")
        #expect(try cli.run(["run", "没有这个文件.lua"]).status == 1)
        #expect(try cli.run(["run", script, "--timeout", "-1"]).status == 2)
    }

    @Test("Lua 自己的错误信息是中文（位置、名称照原样）；沙箱没有的库说明原因；调用栈中没有沙箱内部的行", arguments: [
        ("nosuch.x", "eval:1: 不能对空值（nil）取字段（全局变量 'nosuch'）"),
        ("local t = {} return t + 1", "eval:1: 不能对表做算术运算（局部变量 't'）"),
        ("return 'a' .. nil", "eval:1: 不能连接空值（nil）"),
        ("for i = 1, 2 do", "eval:1: 此处应有 'end'，在末尾"),
        ("print((1)", "eval:1: 此处应有 ')'，在末尾"),
        ("io.open('x')", "eval:1: 不能对空值（nil）取字段（全局变量 'io'）（沙箱中没有 io"),
        ("os.exit(1)", "eval:1: 不能调用空值（nil）（字段 'exit'）（沙箱中的 os 只有时间和日期函数）"),
        ("return 1 < 'x'", "eval:1: 不能比较数字与文字"),
        ("return string.rep()", "eval:1: 函数 'rep' 的第 1 个参数应为文字，实际是没有值"),
    ])
    func luaMessagesInChinese(code: String, expected: String) throws {
        let cli = try organisation()
        let result = try cli.run(["eval", code])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        for english in ["attempt to", "expected near", "bad argument", "沙箱:"] { #expect(!result.stderr.contains(english), "\(result.stderr)") }
    }

    @Test("console 从管道读入：多行语句、表达式的值、错误不终止会话，但退出码为 1")
    func consoleFromAPipe() throws {
        let cli = try organisation()
        let input = "x = 20\nx + 1\nfor i = 1, 2 do\n  print('第' .. i)\nend\nerror('坏')\nlvzhi.members.count{}\n"
        let result = try cli.run(["console", "--office", "ordos"], input: input)
        #expect(result.status == 1, "有一次输入出错：退出码 1；\(result.stderr)")
        #expect(result.stdout == "21\n第1\n第2\n1\n")
        #expect(result.stderr.contains("console:1: 坏"))
        #expect(try cli.run(["console", "--office", "ordos"], input: "x = 1\nprint(x)\n").status == 0)
    }

    @Test("script add/list/show/run/remove；事件处理失败时提示并记录，用户的操作照常完成")
    func storedScripts() throws {
        let cli = try organisation()
        let module = try cli.file("m.lua", Data("return { hello = function() return '你好' end }\n".utf8))
        let rule = try cli.file("r.lua", Data("print(require('问候').hello() .. '，' .. arg[1])\n".utf8))
        let handler = try cli.file("h.lua", Data("lvzhi.on('member.added', function(e) error('处理失败 ' .. e.id) end)\n".utf8))
        let broken = try cli.file("b.lua", Data("local = 1\n".utf8))
        #expect(try cli.run(["script", "add", "问候", module, "--office", "ordos", "--kind", "module"]).status == 0)
        #expect(try cli.run(["script", "add", "规则", rule, "--office", "ordos"]).status == 0)
        #expect(try cli.run(["script", "add", "处理", handler, "--office", "ordos", "--kind", "handler", "--event", "member.added"]).status == 0)
        let syntax = try cli.run(["script", "add", "坏", broken, "--office", "ordos"])
        #expect(syntax.status == 1)
        #expect(syntax.stderr.contains("语法错误"))
        #expect(try cli.run(["script", "list", "--office", "ordos"]).stdout.contains("问候"))
        #expect(try cli.run(["script", "show", "问候", "--office", "ordos"]).stdout.contains("hello"))
        let ran = try cli.run(["script", "run", "规则", "--office", "ordos", "--", "委员"])
        #expect(ran.stdout == "你好，委员\n", "\(ran.stderr)")
        let added = try cli.run(["member", "add", "--office", "ordos", "--name", "王五", "--gender", "男", "--sector", "经济界"])
        #expect(added.status == 0)
        #expect(added.stderr.contains("自动化脚本「处理」"))
        #expect(try cli.run(["eval", "lvzhi.members.count{}"]).stdout == "2\n")
        #expect(try cli.run(["script", "failures", "--office", "ordos"]).stdout.contains("处理失败"))
        #expect(try cli.run(["script", "remove", "处理", "--office", "ordos"]).status == 0)
        #expect(!(try cli.run(["script", "list", "--office", "ordos"]).stdout.contains("处理 ")))
    }

    @Test("--dry-run 总是撤销")
    func dryRun() throws {
        let cli = try organisation()
        let result = try cli.run(["eval", "lvzhi.members.add{ name = '王五', gender = '男', sector = '经济界' }", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("试运行"))
        #expect(try cli.run(["eval", "lvzhi.members.count{}"]).stdout == "1\n")
    }

    @Test("卡在一次长时间 C 库调用（回溯的 string.find）中：超时后进程被结束，修改撤销，命令行本身正常退出")
    func stuckInsideCIsStopped() throws {
        let cli = try organisation()
        let code = "lvzhi.members.add{ name = '赵六', gender = '男', sector = '经济界' } return (('a'):rep(400)):find('.-.-.-.-.-b')"
        let started = Date()
        let result = try cli.run(["eval", code, "--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("时间限制"))
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(try cli.run(["eval", "lvzhi.members.count{}"]).stdout == "1\n")
    }

    @Test("死循环：按时间限制停止，信息点明限制")
    func runawayLoop() throws {
        let cli = try organisation()
        let result = try cli.run(["eval", "while true do end", "--timeout", "0.5"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("时间限制（0.5 秒）"))
        let memory = try cli.run(["eval", "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end", "--max-memory", "16"])
        #expect(memory.status == 1)
        #expect(memory.stderr.contains("内存"))
    }
}

/// The Lua API reference is generated from the code's registry and must match it.
@Suite("Lua 接口文档")
struct LuaAPIDocsTests {
    @Test("docs/lua-api.md 与 lvzhi lua-api 的输出一致（每个导出的函数都有说明）")
    func docsMatchTheRegistry() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let documented = try String(contentsOf: root.appendingPathComponent("docs/lua-api.md"), encoding: .utf8)
        let generated = try CommandLineRunner().run(["lua-api"])
        #expect(generated.status == 0)
        #expect(documented == generated.stdout, "docs/lua-api.md 已过期：请执行 lvzhi lua-api > docs/lua-api.md")
        for function in ["lvzhi.members.each", "lvzhi.members.add", "lvzhi.notices.publish", "lvzhi.db.query"] {
            #expect(documented.contains(function))
        }
    }
}
