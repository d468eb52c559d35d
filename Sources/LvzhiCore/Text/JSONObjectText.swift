import Foundation

/// Compact JSON text written field by field, byte for byte as ``LvzhiJSON/encoder`` writes a
/// record (sorted keys, absent optionals left out, Chinese and `/` unescaped), for records
/// written by the thousand, where the generic encoder's cost shows (``Member``'s audit entries
/// in a roster import). A record that uses it keeps a test that compares both forms.
public struct JSONObjectText {
    private var text = "{"
    private var isEmpty = true

    /// An empty object; add its members in sorted key order.
    public init() {}

    /// Adds `"key":"value"`, or nothing when `value` is nil.
    public mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        begin(key)
        JSONObjectText.appendString(value, to: &text)
    }

    /// Adds `"key":value`, or nothing when `value` is nil.
    public mutating func add(_ key: String, _ value: Int64?) {
        guard let value else { return }
        begin(key)
        text += String(value)
    }

    /// Adds `"key":["a","b"]`.
    public mutating func add(_ key: String, _ values: [String]) {
        begin(key)
        text += JSONObjectText.array(values)
    }

    /// The finished object.
    public var json: String { text + "}" }

    /// `["a","b"]`: an array of strings as compact JSON text.
    public static func array(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            appendString(value, to: &out)
        }
        return out + "]"
    }

    private mutating func begin(_ key: String) {
        if !isEmpty { text += "," }
        isEmpty = false
        JSONObjectText.appendString(key, to: &text)
        text += ":"
    }

    /// `value` as a JSON string: quotes, backslashes and control characters escaped, nothing else.
    static func appendString(_ value: String, to out: inout String) {
        out += "\""
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONObjectText {
    /// The strings of a JSON array of strings (`["常委","召集人"]`), as ``array(_:)`` writes it, read
    /// without a decoder; text with escapes or anything else is left to `JSONDecoder`. Nil when
    /// the text is not an array of strings.
    public static func strings(in text: String) -> [String]? {
        if text == "[]" { return [] }
        let bytes = text.utf8
        guard !bytes.contains(0x5C) else { return decoded(text) }   // a backslash: let the decoder unescape
        var result: [String] = []
        var index = bytes.startIndex
        func skipSpaces() { while index < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index = bytes.index(after: index) } }
        func take(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard index < bytes.endIndex, bytes[index] == byte else { return false }
            index = bytes.index(after: index)
            return true
        }
        guard take(0x5B) else { return nil }                         // [
        if take(0x5D) { skipSpaces(); return index == bytes.endIndex ? [] : nil }
        repeat {
            guard take(0x22) else { return nil }                     // "
            guard let end = bytes[index...].firstIndex(of: 0x22) else { return nil }
            result.append(String(text[index..<end]))
            index = bytes.index(after: end)
        } while take(0x2C)                                           // ,
        guard take(0x5D) else { return nil }                         // ]
        skipSpaces()
        return index == bytes.endIndex ? result : nil
    }

    private static func decoded(_ text: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
