import LvzhiCore

/// ISBN-10 and ISBN-13 with their check digits.
public enum ISBN {
    /// `text` trimmed, once its digits form a valid ISBN-10 or ISBN-13 (hyphens and spaces allowed).
    public static func validate(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCompatibilityMapping
        var t = trimmed.uppercased()
        if t.hasPrefix("ISBN") { t.removeFirst(4) }
        let chars = t.filter { $0 != "-" && $0 != " " && $0 != ":" }
        let invalid = { (reason: String) in LvzhiError.invalid("ISBN", text, reason, hint: "写 13 位（978-7-…）或 10 位的书号，可带连字符") }
        if chars.count == 13, chars.allSatisfy(\.isASCIIDigit) {
            let digits = chars.compactMap(\.wholeNumberValue)
            let sum = digits.prefix(12).enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
            guard (10 - sum % 10) % 10 == digits[12] else { throw invalid("校验位不对") }
            return trimmed
        }
        if chars.count == 10, chars.prefix(9).allSatisfy(\.isASCIIDigit), chars.last!.isASCIIDigit || chars.last == "X" {
            let digits = chars.prefix(9).compactMap(\.wholeNumberValue) + [chars.last == "X" ? 10 : chars.last!.wholeNumberValue!]
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
            guard sum % 11 == 0 else { throw invalid("校验位不对") }
            return trimmed
        }
        throw invalid("应为 10 位或 13 位数字")
    }
}

fileprivate extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
