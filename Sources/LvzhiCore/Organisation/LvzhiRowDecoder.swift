import Foundation
import GRDB

/// Decodes a ``LvzhiRecord`` from a database row, with the same result as GRDB's `Decodable`
/// decoding under ``LvzhiColumnKey/decodingStrategy``, but without its per-row cost.
///
/// GRDB's decoder, given a custom column strategy, builds a dictionary of every column for every
/// row (calling ``LvzhiColumnKey/propertyName(_:)`` and the record's `CodingKeys.init(stringValue:)`,
/// a string comparison per key, for each column) and lowercases each column name again for every
/// field: about 150 µs per proposal, more than everything else `lvzhi.proposals.each` does. Here
/// the column of each key is worked out once per record type and column layout (cached, checked
/// against the row's column names), and the keys are remembered in the order the record asks for
/// them, so that each field costs one string comparison and one read of the statement's column.
///
/// Values are read the way GRDB reads them: `DatabaseValueConvertible` types (with the fast path of
/// `StatementColumnConvertible`), other types from the column as a single value (enums), and
/// arrays or nested values from JSON text with the record's `databaseJSONDecoder(for:)`.
/// Anything else — a key that is not a column (associations, prefetched rows), `Data` and `Date`
/// (per-column strategies), nested or super decoders — and any error are handed to GRDB's own
/// decoder, which decodes the row again (and reports its own error), so the result never differs.
enum LvzhiRowDecoder {
    /// `R` decoded from `row`.
    static func decode<R: LvzhiRecord>(_ type: R.Type, from row: Row) throws -> R {
        let layout = LvzhiRowLayout.layout(for: R.self, row: row)
        if let layout {
            let decoder = FastDecoder<R>(row: row, layout: layout)
            if let record = try? R(from: decoder), !decoder.state.fellBack {
                if decoder.state.learnt { layout.publish(decoder.state.order) }
                return record
            }
        }
        return try FetchableRecordDecoder().decode(R.self, from: row)
    }
}

/// The columns of one row layout for one record type: the column index of each key, and the keys
/// in the order the record decodes them.
final class LvzhiRowLayout: @unchecked Sendable {
    let columns: [String]
    /// The column index of each Swift key (as GRDB finds it: the key's column by
    /// ``LvzhiColumnKey/propertyName(_:)``, then its first case-insensitive match).
    let indexByKey: [String: Int]
    private let lock = NSLock()
    private var published: LvzhiKeyOrder?

    init(columns: [String]) {
        self.columns = columns
        var map: [String: Int] = [:]
        let lowercased = columns.map { $0.lowercased() }
        for column in columns {
            map[LvzhiColumnKey.propertyName(column)] = lowercased.firstIndex(of: column.lowercased())
        }
        indexByKey = map
    }

    /// The key order learnt so far (empty at first).
    var order: LvzhiKeyOrder {
        lock.lock(); defer { lock.unlock() }
        return published ?? LvzhiKeyOrder()
    }

    /// Keeps the order a successful decoding learnt.
    func publish(_ order: LvzhiKeyOrder) {
        lock.lock(); defer { lock.unlock() }
        if (published?.names.count ?? 0) < order.names.count { published = order }
    }

    /// The row object this layout was last used for. A cursor reuses one `Row` for all the rows of its
    /// statement, so the same object means the same columns. The object is compared by identity and
    /// pinned by an unowned reference, which keeps its memory (not the row, nor its statement) from
    /// being reused by another object; a weak reference would give the row a side table and slow
    /// every retain and release of it.
    private var lastRow: ObjectIdentifier?
    private unowned(safe) var pin: Row?

    private static let lock = NSLock()
    nonisolated(unsafe) private static var layouts: [ObjectIdentifier: LvzhiRowLayout] = [:]

    /// The layout of `row` for `R`: the last one seen for the type when `row` is the same row object
    /// (a cursor's) or has the same column names; nil for rows with scopes or prefetched rows.
    static func layout<R>(for type: R.Type, row: Row) -> LvzhiRowLayout? {
        let id = ObjectIdentifier(type)
        lock.lock()
        let cached = layouts[id]
        let same = cached?.lastRow == ObjectIdentifier(row)
        lock.unlock()
        if same { return cached }
        // Reading column names costs (GRDB makes a value of each column): only for a new row object.
        guard row.scopesTree.names.isEmpty, row.prefetchedRows.isEmpty else { return nil }
        let names = Array(row.columnNames)
        let layout = cached.flatMap { $0.columns == names ? $0 : nil } ?? LvzhiRowLayout(columns: names)
        lock.lock()
        layout.pin = row
        layout.lastRow = ObjectIdentifier(row)
        layouts[id] = layout
        lock.unlock()
        return layout
    }
}

/// Keys in the order a record asks for them, with their column indexes (nil: not a column).
struct LvzhiKeyOrder {
    var names: [String] = []
    var indexes: [Int?] = []
}

/// What one decoding learns and whether it had to give up.
private final class FastDecoderState {
    var order: LvzhiKeyOrder
    var position = 0
    var learnt = false
    var fellBack = false
    init(order: LvzhiKeyOrder) { self.order = order }
}

/// Thrown to hand the row to GRDB's decoder.
private struct FallBack: Error {}

private struct FastDecoder<R: FetchableRecord>: Decoder {
    let row: Row
    let layout: LvzhiRowLayout
    let state: FastDecoderState
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { R.databaseDecodingUserInfo }

    init(row: Row, layout: LvzhiRowLayout) {
        self.row = row; self.layout = layout; state = FastDecoderState(order: layout.order)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(FastKeyedContainer<R, Key>(decoder: self))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { state.fellBack = true; throw FallBack() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { state.fellBack = true; throw FallBack() }

    /// The column of `key`: one comparison when keys come in the learnt order.
    @inline(__always)
    func index(of key: String) -> Int? {
        let s = state
        if s.position < s.order.names.count, s.order.names[s.position] == key {
            s.position += 1
            return s.order.indexes[s.position - 1]
        }
        let index = layout.indexByKey[key]
        if s.position == s.order.names.count {
            s.order.names.append(key)
            s.order.indexes.append(index)
            s.position += 1
            s.learnt = true
        }
        return index
    }

    /// The column of `key`, or a fall-back to GRDB (which looks for scopes and prefetched rows).
    @inline(__always)
    func column(_ key: String) throws -> Int {
        guard let index = index(of: key) else { state.fellBack = true; throw FallBack() }
        return index
    }
}

private struct FastKeyedContainer<R: FetchableRecord, Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: FastDecoder<R>
    var row: Row { decoder.row }
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { decoder.state.fellBack = true; return [] }

    // Without scopes or prefetched rows (see ``LvzhiRowLayout/layout(for:row:)``), GRDB too
    // finds only columns: a key that is not one is absent, nil, and optional values of it nil.
    func contains(_ key: Key) -> Bool { decoder.layout.indexByKey[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let index = decoder.index(of: key.stringValue) else { return true }
        return row.hasNull(atIndex: index)
    }

    @inline(__always)
    private func value<V: DatabaseValueConvertible & StatementColumnConvertible>(_ key: Key) throws -> V {
        try row.decode(V.self, atIndex: try decoder.column(key.stringValue))
    }

    @inline(__always)
    private func optional<V: DatabaseValueConvertible & StatementColumnConvertible>(_ key: Key) throws -> V? {
        guard let index = decoder.index(of: key.stringValue), !row.hasNull(atIndex: index) else { return nil }
        return try row.decode(V.self, atIndex: index)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optional(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optional(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(T.self, at: try decoder.column(key.stringValue), key: key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = decoder.index(of: key.stringValue) else { return nil }
        if row.hasNull(atIndex: index) {
            // GRDB lets DatabaseValue decode NULL itself (as .null); every other type is nil.
            guard T.self == DatabaseValue.self else { return nil }
            decoder.state.fellBack = true
            throw FallBack()
        }
        return try decodeValue(T.self, at: index, key: key)
    }

    /// A non-NULL column as GRDB decodes a `T`: through `DatabaseValueConvertible`, else as a single
    /// value, else (arrays, nested values) from JSON.
    private func decodeValue<T: Decodable>(_ type: T.Type, at index: Int, key: Key) throws -> T {
        if T.self == Data.self || T.self == Date.self || T.self is any FetchableRecord.Type {
            decoder.state.fellBack = true
            throw FallBack()
        }
        if let fast = T.self as? any (DatabaseValueConvertible & StatementColumnConvertible).Type {
            return try Self.decodeFast(fast, row, index) as! T
        }
        if let convertible = T.self as? any DatabaseValueConvertible.Type {
            return try Self.decodeConvertible(convertible, row, index) as! T
        }
        do {
            return try T(from: ColumnValueDecoder<R>(row: row, index: index, state: decoder.state))
        } catch is JSONNeeded {
            return try row.withUnsafeData(atIndex: index) { data in
                guard let data else { decoder.state.fellBack = true; throw FallBack() }
                return try R.databaseJSONDecoder(for: key.stringValue).decode(T.self, from: data)
            }
        }
    }

    private static func decodeFast<V: DatabaseValueConvertible & StatementColumnConvertible>(_ type: V.Type, _ row: Row, _ index: Int) throws -> V {
        try row.decode(V.self, atIndex: index)
    }

    private static func decodeConvertible<V: DatabaseValueConvertible>(_ type: V.Type, _ row: Row, _ index: Int) throws -> V {
        try row.decode(V.self, atIndex: index)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        decoder.state.fellBack = true
        throw FallBack()
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { decoder.state.fellBack = true; throw FallBack() }
    func superDecoder() throws -> any Decoder { decoder.state.fellBack = true; throw FallBack() }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.state.fellBack = true; throw FallBack() }
}

/// A keyed or unkeyed value in a column: GRDB decodes it from JSON.
private struct JSONNeeded: Error {}

/// One column as a single value (an enum's raw value), as GRDB's column decoder reads it.
private struct ColumnValueDecoder<R: FetchableRecord>: Decoder, SingleValueDecodingContainer {
    let row: Row
    let index: Int
    let state: FastDecoderState
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { R.databaseDecodingUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw JSONNeeded() }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw JSONNeeded() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { row.hasNull(atIndex: index) }
    func decode(_ type: Bool.Type) throws -> Bool { try row.decode(atIndex: index) }
    func decode(_ type: String.Type) throws -> String { try row.decode(atIndex: index) }
    func decode(_ type: Double.Type) throws -> Double { try row.decode(atIndex: index) }
    func decode(_ type: Float.Type) throws -> Float { try row.decode(atIndex: index) }
    func decode(_ type: Int.Type) throws -> Int { try row.decode(atIndex: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try row.decode(atIndex: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try row.decode(atIndex: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try row.decode(atIndex: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try row.decode(atIndex: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try row.decode(atIndex: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try row.decode(atIndex: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try row.decode(atIndex: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try row.decode(atIndex: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try row.decode(atIndex: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // GRDB's column decoder: Data and Date by strategy, convertible types, else the type's own decoding.
        if T.self == Data.self || T.self == Date.self || T.self is any FetchableRecord.Type {
            state.fellBack = true
            throw FallBack()
        }
        if let convertible = T.self as? any DatabaseValueConvertible.Type {
            return try Self.decodeConvertible(convertible, row, index) as! T
        }
        return try T(from: self)
    }

    private static func decodeConvertible<V: DatabaseValueConvertible>(_ type: V.Type, _ row: Row, _ index: Int) throws -> V {
        try row.decode(V.self, atIndex: index)
    }
}
