/// Lua's stack traceback (`stack traceback:` / `eval:3: in local 'f'` / `[C]: in function 'error'`)
/// in Chinese, line by line, keeping every location and name as Lua wrote it.
enum LuaTraceback {
    /// The lines of a traceback (without the error message line) in Chinese.
    static func translated(_ lines: [String]) -> [String] { lines.map(translated) }

    /// One line: `stack traceback:` → 调用栈：, `eval:1: in local 'f'` → `eval:1: 局部函数 'f' 中`.
    static func translated(_ line: String) -> String {
        if line.trimmingCharacters(in: .whitespaces) == "stack traceback:" { return line.replacingOccurrences(of: "stack traceback:", with: "调用栈：") }
        var text = line
            .replacingOccurrences(of: "(...tail calls...)", with: "（……尾调用……）")
            .replacingOccurrences(of: "in main chunk", with: "主程序块中")
            .replacingOccurrences(of: "in ?", with: "某个函数中")
        for (english, chinese) in kinds where text.contains(english) {
            text = text.replacingOccurrences(of: english, with: chinese) + " 中"
            break
        }
        return text
    }

    /// How Lua 5.4 names the function of a level (ldebug.c, funcnamefromcall and luaL_traceback).
    private static let kinds = [
        ("in function ", "函数 "), ("in local ", "局部函数 "), ("in method ", "方法 "), ("in field ", "字段 "),
        ("in upvalue ", "上值 "), ("in metamethod ", "元方法 "), ("in for iterator ", "for 迭代器 "), ("in hook ", "钩子 "),
    ]
}
