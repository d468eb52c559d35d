import Foundation
import Testing

/// `lvzhi console` at a real terminal (a pseudo-terminal, see ``TerminalSession``), where
/// administrators use it: typed Chinese arrives whole, and Ctrl-C never loses the session.
@Suite("控制台：在真实终端中")
struct ConsoleTerminalTests {
    @Test("终端中输入的中文完整到达；Ctrl-C 在空提示符、行中、续行处清除输入，也停止运行中的输入；变量保留；Ctrl-D 退出")
    func chineseInputAndControlC() throws {
        let cli = try CommandLineRunner.withOrganisation()
        // No locale in the environment at all: the console must still read UTF-8 keystrokes.
        // Generous limits: a loaded CI machine may be slow, and only Ctrl-C may end the endless loop below.
        let terminal = try TerminalSession(["console", "--office", "ordos", "--timeout", "300"], cli: cli,
                                           environment: ["LANG": nil, "LC_ALL": nil, "LC_CTYPE": nil])
        var at = try terminal.waitFor("Ctrl-D 退出")
        at = try terminal.waitForPrompt(after: at)

        terminal.type("print(\"你好\", #\"你好\")\r")
        at = try terminal.waitFor("你好\t6", after: at)
        at = try terminal.waitForPrompt(after: at)
        terminal.type("x = 42\r")
        at = try terminal.waitForPrompt(after: at)
        terminal.type("lvzhi.members.count{ name = \"张伟\" }\r")
        at = try terminal.waitFor("\n1\n", after: at)
        at = try terminal.waitForPrompt(after: at)

        at = try terminal.interrupt(until: "> ", after: at)   // at an empty prompt
        try terminal.waitForLineEditor()
        terminal.type("print(\"半行")
        at = try terminal.waitFor("半行", after: at)
        at = try terminal.interrupt(until: "> ", after: at)   // in the middle of a line
        try terminal.waitForLineEditor()
        terminal.type("for i = 1, 2 do\r")
        at = try terminal.waitForPrompt(">> ", after: at)
        at = try terminal.interrupt(until: "已放弃未写完的输入", after: at)   // at a continuation line
        at = try terminal.waitForPrompt(after: at)
        terminal.type("print(\"开\" .. \"始\") while true do end\r")
        at = try terminal.waitFor("\n开始", after: at)          // printed by the run itself: it is running
        terminal.type("\u{3}")                               // while an input runs
        at = try terminal.waitFor("脚本已被中断", after: at)
        at = try terminal.waitForPrompt(after: at)

        terminal.type("print(x * 2)\r")
        at = try terminal.waitFor("84", after: at)
        try terminal.waitForPrompt(after: at)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }
}
