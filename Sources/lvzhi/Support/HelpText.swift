import Foundation

/// Argument-parser's help page (`--help`, `lvzhi help …`) with its English headings and
/// built-in lines in Chinese: 概要, 用法, 参数, 选项, 子命令, 显示帮助信息, 显示版本. The command's
/// own texts are Chinese already; only the parser's fixed words are rewritten.
enum HelpText {
    /// The help page `text` in Chinese.
    static func chinese(_ text: String) -> String {
        // A `(default: …)` the parser wrapped onto the next line is put back on one line first.
        let unwrapped = text.replacing(wrappedParenthesis) { match in "(" + (match.output[1].substring ?? "") + " " }
        var lines = unwrapped.components(separatedBy: "\n").map(line)
        // The abstract's wrapped lines and the usage's hanging indent stay as the parser laid them out.
        if lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line of the help page in Chinese.
    static func line(_ line: String) -> String {
        if line.hasPrefix("OVERVIEW: ") { return "概要：" + line.dropFirst("OVERVIEW: ".count) }
        if line.hasPrefix("USAGE: ") { return "用法：" + line.dropFirst("USAGE: ".count).replacingOccurrences(of: "<subcommand>", with: "<子命令>").replacingOccurrences(of: "[<options>]", with: "[<选项>]") }
        if let heading = headings[line] { return heading }
        if line.hasSuffix(" SUBCOMMANDS:") { return String(line.dropLast(" SUBCOMMANDS:".count)) + "：" }
        var out = line
        for (english, chinese) in phrases { out = out.replacingOccurrences(of: english, with: chinese) }
        return out.replacing(valuesAndDefault) { match in
            var parts: [String] = []
            if let values = match.output[1].substring { parts.append("可选值：\(values)") }
            if let value = match.output[3].substring {
                parts.append((match.output[2].substring == nil ? "默认：" : "作为开关时默认：") + value.trimmingCharacters(in: .whitespaces))
            }
            return parts.isEmpty ? String(match.output[0].substring ?? "") : "（\(parts.joined(separator: "；"))）"
        }
    }

    /// `(values: a, b; default: c)`, `(values: a, b)`, `(default: c)`, `(default as flag: c)`.
    nonisolated(unsafe) static let valuesAndDefault = try! Regex(#"\((?:values: ([^;)]*))?(?:;? ?default( as flag)?: ([^)]*))?\)"#)

    /// `(default:` or `(values:` at the end of a line, its value on the next line after the indent.
    nonisolated(unsafe) static let wrappedParenthesis = try! Regex(#"\((default:|values:|default as flag:)[ ]*\n[ ]+"#)

    /// The headings of the page's sections.
    static let headings = ["ARGUMENTS:": "参数：", "OPTIONS:": "选项：", "SUBCOMMANDS:": "子命令："]

    /// The parser's built-in lines.
    static let phrases: [(String, String)] = [
        ("Show subcommand help information.", "显示子命令的帮助信息"),
        ("Show help information.", "显示帮助信息"),
        ("Show the version.", "显示版本"),
        ("See '", "用 '"), ("<subcommand>' for detailed help.", "<子命令>' 查看详细帮助"),
        (" (default)", "（默认）"),
    ]
}
