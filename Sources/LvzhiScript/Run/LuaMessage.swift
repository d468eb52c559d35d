import Foundation

/// Lua's own error messages (`attempt to index a nil value (global 'x')`, `')' expected near <eof>`)
/// in Chinese, keeping the position (`eval:1:`) and every name as Lua wrote them. A message Lua
/// did not write (the platform's own, already Chinese) or one not recognised is left as it is.
enum LuaMessage {
    /// `message` with Lua's English phrases put in Chinese.
    static func translated(_ message: String) -> String {
        // The position Lua puts first (`eval:1: `, `[string "x"]:1: `), kept as is.
        var position = "", text = message
        if let match = message.range(of: #"^[^\n]*?:\d+: "#, options: .regularExpression) {
            position = String(message[match])
            text = String(message[match.upperBound...])
        }
        for (pattern, template) in rules {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { continue }
            var result = template
            for group in (1..<match.numberOfRanges).reversed() {
                let value = Range(match.range(at: group), in: text).map { String(text[$0]) } ?? ""
                result = result.replacingOccurrences(of: "$\(group)", with: translateWords(value))
            }
            let rest = Range(match.range, in: text).map { String(text[$0.upperBound...]) } ?? ""
            return position + result.replacingOccurrences(of: "在 末尾 附近", with: "在末尾") + rest + hint(for: text)
        }
        return message
    }

    /// The Chinese of the words Lua puts into its messages: type names, kinds of variable, `<eof>`.
    private static func translateWords(_ text: String) -> String {
        let words: [String: String] = [
            "nil": "空值（nil）", "table": "表", "number": "数字", "string": "文字", "boolean": "布尔值", "function": "函数",
            "userdata": "userdata", "thread": "协程", "global": "全局变量", "local": "局部变量", "field": "字段",
            "upvalue": "上值", "method": "方法", "constant": "常量", "<eof>": "末尾", "no value": "没有值",
        ]
        return words[text] ?? text
    }

    /// Lua 5.4's messages (ldebug.c, lauxlib.c, lparser.c, llex.c) and their Chinese.
    private static let rules: [(String, String)] = [
        (#"^attempt to index a (\w+) value \((\w+) '([^']*)'\)"#, "不能对$1取字段（$2 '$3'）"),
        (#"^attempt to index a (\w+) value"#, "不能对$1取字段"),
        (#"^attempt to call a (\w+) value \((\w+) '([^']*)'\)"#, "不能调用$1（$2 '$3'）"),
        (#"^attempt to call a (\w+) value"#, "不能调用$1"),
        (#"^attempt to perform arithmetic on a (\w+) value \((\w+) '([^']*)'\)"#, "不能对$1做算术运算（$2 '$3'）"),
        (#"^attempt to perform arithmetic on a (\w+) value"#, "不能对$1做算术运算"),
        (#"^attempt to perform bitwise operation on a (\w+) value"#, "不能对$1做位运算"),
        (#"^attempt to concatenate a (\w+) value \((\w+) '([^']*)'\)"#, "不能连接$1（$2 '$3'）"),
        (#"^attempt to concatenate a (\w+) value"#, "不能连接$1"),
        (#"^attempt to get length of a (\w+) value \((\w+) '([^']*)'\)"#, "不能取$1的长度（$2 '$3'）"),
        (#"^attempt to get length of a (\w+) value"#, "不能取$1的长度"),
        (#"^attempt to compare two (\w+) values"#, "不能比较两个$1"),
        (#"^attempt to compare (\w+) with (\w+)"#, "不能比较$1与$2"),
        (#"^bad argument #(\d+) to '([^']*)' \((\w+) expected, got ([\w ]+)\)"#, "函数 '$2' 的第 $1 个参数应为$3，实际是$4"),
        (#"^'([^']+)' expected \(to close '([^']+)' at line (\d+)\) near (\S+)"#, "缺少 '$1'（与第 $3 行的 '$2' 配对），在 $4 附近"),
        (#"^'([^']+)' expected near (\S+)"#, "此处应有 '$1'，在 $2 附近"),
        (#"^unexpected symbol near (\S+)"#, "无法理解的符号，在 $1 附近"),
        (#"^unfinished string near (\S+)"#, "字符串没有结束（缺少引号），在 $1 附近"),
        (#"^malformed number near (\S+)"#, "数字写法有误，在 $1 附近"),
    ]

    /// What to do when the message names a library the sandbox leaves out.
    private static func hint(for text: String) -> String {
        for library in ["io", "os", "debug", "package", "require", "dofile", "loadfile"] where text.contains("global '\(library)'") {
            return "（沙箱中没有 \(library)：脚本不读写本机文件、不运行程序；报表用 lvzhi.report.save）"
        }
        if text.contains("field 'exit'") || text.contains("field 'execute'") || text.contains("field 'remove'") {
            return "（沙箱中的 os 只有时间和日期函数）"
        }
        return ""
    }
}
