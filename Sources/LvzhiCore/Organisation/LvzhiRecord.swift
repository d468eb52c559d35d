import Foundation
import GRDB

/// A row of one of Lvzhi's tables: a Codable value stored through GRDB, with snake_case
/// columns, an auto-incremented `id`, and what the audit trail needs to know about it.
///
/// Writes of records never go straight to the database: they pass through the storage
/// layer's audited transaction, which records each insert, update and delete.
public protocol LvzhiRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The row id; `nil` until inserted.
    var id: Int64? { get set }
    /// The office the record belongs to (for the audit trail and access checks); `nil` for global records.
    var officeID: Int64? { get }
    /// The Chinese name of the kind of record (委员, 界别 …), used in messages and the audit trail.
    static var entityName: String { get }
    /// The record as compact JSON text with snake_case keys, sorted (the audit trail's form).
    /// The default encodes the `Codable` form; a record written by the thousand may write it
    /// field by field (``JSONObjectText``), tested equal to the default.
    func jsonText() -> String
}

extension LvzhiRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { LvzhiColumnKey.decodingStrategy }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { LvzhiColumnKey.encodingStrategy }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The record decoded from `row` as GRDB's `Decodable` decoding would, without its per-row
    /// cost (``LvzhiRowDecoder``).
    public init(row: Row) throws { self = try LvzhiRowDecoder.decode(Self.self, from: row) }

    /// The record as a JSON object with snake_case keys (for the audit trail and `--json`).
    public func jsonObject() -> [String: Any] {
        let data = (try? LvzhiJSON.encoder.encode(self)) ?? Data("{}".utf8)
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// The record as compact JSON text with snake_case keys and sorted keys, through `Codable`.
    public func jsonText() -> String { codableJSONText() }

    /// The record's `Codable` form as compact JSON text with snake_case keys and sorted keys.
    public func codableJSONText() -> String {
        let data = (try? LvzhiJSON.encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The JSON conventions of Lvzhi: snake_case keys, sorted, Chinese left as is.
public enum LvzhiJSON {
    /// An encoder for records: snake_case keys, sorted keys, no escaped slashes.
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .custom { path in LvzhiColumnKey(stringValue: LvzhiColumnKey.columnName(path.last!.stringValue)) }
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

/// The coding key of a snake_case column: `term_id` → `termID`, `is_superuser` → `isSuperuser`.
///
/// GRDB's `.convertFromSnakeCase` turns `term_id` into `termId`, which does not match Swift's
/// `termID` naming; this key follows the Swift convention that `ID` is written in capitals.
public struct LvzhiColumnKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }

    /// The column decoding strategy of every Lvzhi record.
    public static var decodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in LvzhiColumnKey(stringValue: propertyName(column)) }
    }

    /// The column encoding strategy of every Lvzhi record: snake_case, as Foundation's
    /// `convertToSnakeCase` writes it (`termID` → `term_id`), remembered per name.
    public static var encodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in columnName(key.stringValue) }
    }

    /// The Swift property name of a snake_case column name (remembered: records decode the same few names again and again).
    public static func propertyName(_ column: String) -> String {
        names.withLock { cache in
            if let known = cache.properties[column] { return known }
            let parts = column.split(separator: "_")
            guard let first = parts.first else { return column }
            let name = String(first) + parts.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            cache.properties[column] = name
            return name
        }
    }

    /// The snake_case column name of a Swift property (`termID` → `term_id`, `isSuperuser` → `is_superuser`), remembered.
    public static func columnName(_ property: String) -> String {
        names.withLock { cache in
            if let known = cache.columns[property] { return known }
            let name = snakeCase(property)
            cache.columns[property] = name
            return name
        }
    }

    /// Foundation's `convertToSnakeCase` rule, step for step (the tables were made with it): words
    /// start at a capital after the first character, a run of capitals before a lower-case letter
    /// is a word of its own except for its last capital (`termID` → `term_id`), all lower case.
    static func snakeCase(_ name: String) -> String {
        let c = Array(name)
        guard c.count > 1 else { return name.lowercased() }
        func first(from start: Int, _ test: (Character) -> Bool) -> Int? { (start..<c.count).first { test(c[$0]) } }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        while let upper = first(from: searchStart, \.isUppercase) {
            words.append(wordStart..<upper)
            searchStart = upper
            guard let lower = first(from: searchStart, \.isLowercase) else {
                wordStart = searchStart
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<c.count)
        return words.map { String(c[$0]).lowercased() }.joined(separator: "_")
    }

    /// Both ways of naming, shared by every thread.
    private static let names = LockedNames()
}

/// The remembered names of ``LvzhiColumnKey`` behind a lock.
private final class LockedNames: @unchecked Sendable {
    struct Cache { var properties: [String: String] = [:]; var columns: [String: String] = [:] }
    private var cache = Cache()
    private let lock = NSLock()
    func withLock<T>(_ body: (inout Cache) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&cache)
    }
}
