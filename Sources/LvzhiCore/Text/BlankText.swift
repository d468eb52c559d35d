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
    /// Looks at Unicode scalars (White_Space, as `Character.isWhitespace` does), and returns the
    /// text itself when there is nothing to trim, the common case in a roster of thousands of cells.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return self }
        if !first.isWhiteSpace, let last = scalars.last, !last.isWhiteSpace { return self }
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        return String(scalars[start...end])
    }
}

extension Optional where Wrapped == String {
    /// The text trimmed, or nil when absent or blank (see ``Swift/String/nonBlank``).
    public var nonBlank: String? { self?.nonBlank }
}

extension Unicode.Scalar {
    /// Whether the scalar has Unicode's White_Space property (spaces, tabs, line breaks, the
    /// full-width space U+3000 …): the fixed list of 25, without a property-table lookup.
    var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
