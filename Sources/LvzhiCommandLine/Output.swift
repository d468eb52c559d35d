import Foundation
import LvzhiCore

/// Printing results: tables for people, JSON arrays for scripts, messages on stderr.
public enum Output {
    /// Prints `items` (an array of records, or one object) as JSON with snake_case keys.
    public static func json<T: Encodable>(_ items: T) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(items), as: UTF8.self))
    }

    /// Prints a table, or a line saying there is nothing to show.
    public static func table(_ headers: [String], _ rows: [[String]], rightAligned: Set<Int> = [], empty: String) {
        if rows.isEmpty { print(empty); return }
        print(TextTable(headers: headers, rows: rows, rightAligned: rightAligned).render())
    }

    /// Writes a line to standard error (progress, warnings).
    public static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
