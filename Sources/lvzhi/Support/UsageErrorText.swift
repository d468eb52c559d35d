import Foundation
import LvzhiCore

/// Argument-parser's English usage errors in Chinese. The parser cannot be told another
/// language, so its messages (whose forms are fixed in its ErrorMessageGenerator) are matched
/// and rewritten; the user's values are shown with ``Swift/String/quotedForMessage``.
enum UsageErrorText {
    /// The options whose values are decimal numbers (all other numeric options take integers).
    static let decimalOptions: Set<String> = ["--timeout"]

    /// `message` in Chinese; a message of an unknown form is returned with the known phrases translated.
    static func chinese(_ message: String) -> String {
        for (pattern, rewrite) in rules {
            if let match = message.wholeMatch(of: pattern) { return rewrite(match.output.map { $0.substring.map(String.init) ?? "" }) }
        }
        return phrases.reduce(message) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// A value as the message shows it, quoted.
    static func quoted(_ value: String) -> String { "'\(value.quotedForMessage)'" }

    /// What a value of `option` must look like, when the parser only said it is invalid.
    static func expected(for option: String) -> String {
        decimalOptions.contains(option) ? "应为数字（阿拉伯数字，可带小数，如 30 或 2.5）" : "应为整数（阿拉伯数字，如 2026）"
    }

    /// `'a', 'b'` (the parser's list of values) as `'a'、'b'`.
    static func list(_ text: String) -> String {
        text.replacingOccurrences(of: "', '", with: "'、'").replacingOccurrences(of: "' and '", with: "'、'")
            .replacingOccurrences(of: "' or '", with: "'、'")
    }

    /// The forms of message, each with its Chinese wording (captures: whole message, then the groups).
    nonisolated(unsafe) static let rules: [(Regex<AnyRegexOutput>, ([String]) -> String)] = [
        (try! Regex(#"(?s)Unknown option '(.+?)'\. Did you mean '(.+?)'\?"#), {
            // The parser suggests its nearest option however far it is (--foo → --db); only a likely typo is worth naming.
            NearestName.nearest(to: $0[1], in: [$0[2]]) == nil ? "未知选项 \(quoted($0[1]))" : "未知选项 '\($0[1])'，是否要用 '\($0[2])'？"
        }),
        (try! Regex(#"(?s)Unknown option '(.+)'"#), { "未知选项 \(quoted($0[1]))" }),
        (try! Regex(#"(?s)Missing value for '(.+)'"#), { "选项 '\($0[1])' 缺少取值" }),
        (try! Regex(#"(?s)Missing expected argument '(.+)'"#), { "缺少参数 '\($0[1])'" }),
        (try! Regex(#"(?s)Missing one of: (.+)"#), { "缺少以下之一：\(list($0[1]))" }),
        (try! Regex(#"(?s)Unexpected argument '(.*)'"#), { "多余的参数 \(quoted($0[1]))" }),
        (try! Regex(#"(?s)(\d+) unexpected arguments: '(.*)'"#), {
            "多余的参数（\($0[1]) 个）：" + $0[2].components(separatedBy: "', '").map(quoted).joined(separator: "、")
        }),
        (try! Regex(#"(?s)The option '(.+?)' does not take any value, but '(.*)' was specified\."#), {
            "选项 '\($0[1])' 不接受取值，却给了 \(quoted($0[2]))"
        }),
        (try! Regex(#"(?s)The value '(.*)' is invalid for '(-[^ ']+)(?: <([^>]*)>)?'\. Please provide one of (.+)\."#), {
            "取值 \(quoted($0[1])) 不适用于 '\($0[2])'：可用的取值为 \(list($0[4]))"
        }),
        (try! Regex(#"(?s)The value '(.*)' is invalid for '(-[^ ']+)(?: <([^>]*)>)?'\. Please provide one of the following:\n(.+)"#), {
            "取值 \(quoted($0[1])) 不适用于 '\($0[2])'：可用的取值为 " + $0[4].split(separator: "\n").map { "'\($0.trimmingCharacters(in: CharacterSet(charactersIn: " -")))'" }.joined(separator: "、")
        }),
        (try! Regex(#"(?s)The value '(.*)' is invalid for '(-[^ ']+)(?: <([^>]*)>)?'"#), {
            "取值 \(quoted($0[1])) 不适用于 '\($0[2])\($0[3].isEmpty ? "" : " <\($0[3])>")'：\(expected(for: $0[2]))"
        }),
        (try! Regex(#"(?s)The value '(.*)' is invalid for '(-[^ ']+)(?: <([^>]*)>)?': (.*)"#), {
            "取值 \(quoted($0[1])) 不适用于 '\($0[2])'：\($0[4])"
        }),
        (try! Regex(#"(?s)The value '(.*)' is invalid for '<([^>]*)>'"#), { "取值 \(quoted($0[1])) 不适用于参数 '<\($0[2])>'：应为整数（阿拉伯数字）" }),
        (try! Regex(#"(?s)The value '(.*)' is invalid for '<([^>]*)>': (.*)"#), { "取值 \(quoted($0[1])) 不适用于参数 '<\($0[2])>'：\($0[3])" }),
        (try! Regex(#"(?s)Value to be set with (.+) had already been set with (.+)"#), {
            "同一项给了两次：\($0[2].replacingOccurrences(of: "flag ", with: "选项 ")) 与 \($0[1].replacingOccurrences(of: "flag ", with: "选项 "))"
        }),
        (try! Regex(#"Missing required subcommand\."#), { _ in "缺少子命令" }),
        (try! Regex(#"(?s)Invalid option: (.+)"#), { "无效的选项：\(quoted($0[1]))" }),
    ]

    /// Phrases translated inside messages of other forms.
    static let phrases: [(String, String)] = [
        ("Missing expected argument", "缺少参数"), ("Missing value for option", "选项缺少取值"), ("Unknown option", "未知选项"),
        ("Unexpected arguments", "多余的参数"), ("Unexpected argument", "多余的参数"), ("Error: ", ""),
        ("The value", "取值"), ("is invalid for", "不适用于"),
    ]
}
