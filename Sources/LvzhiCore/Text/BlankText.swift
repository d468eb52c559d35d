import Foundation

extension String {
    /// The text with white space and newlines trimmed from both ends, or nil when nothing is left:
    /// how every store reads an optional text field a user typed.
    public var nonBlank: String? {
        let t = trimmed
        return t.isEmpty ? nil : t
    }

    /// The text without white space (spaces, tabs, full-width spaces, line breaks) at either end;
    /// pure Swift, so it costs no bridging to `NSString` in loops over many rows.
    public var trimmed: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}

extension Optional where Wrapped == String {
    /// The text trimmed, or nil when absent or blank (see ``Swift/String/nonBlank``).
    public var nonBlank: String? { self?.nonBlank }
}
