import Foundation

extension String {
    /// The text with white space and newlines trimmed from both ends, or nil when nothing is left:
    /// how every store reads an optional text field a user typed.
    public var nonBlank: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}

extension Optional where Wrapped == String {
    /// The text trimmed, or nil when absent or blank (see ``Swift/String/nonBlank``).
    public var nonBlank: String? { self?.nonBlank }
}
