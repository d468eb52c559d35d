import CLua
import CLuaShim
import Foundation
import LvzhiCore

/// An `Encoder` that writes a record straight onto the Lua stack as plain tables, with the
/// fields `--json` shows: keys in snake_case exactly as `LvzhiJSON.encoder` writes them, nil
/// fields absent, arrays as sequences (1…n, in the table's array part), string-keyed
/// dictionaries with their keys as they are, enums as their raw values, `Data` in base64, `URL`
/// as its text, `Decimal` and integral `Double`s as numbers the way JSON reads them back.
///
/// No JSON, no intermediate value: each field is pushed with `lua_pushinteger`,
/// `lua_pushlstring`, … and stored with `lua_rawset` / `lua_rawseti` (no metamethods). Key
/// strings are converted once per state and kept in the registry (``LuaRecordKeys``); a
/// record's table is created with room for as many fields as the last record of its type had.
///
/// Only API functions that never raise are used (pushes may allocate; inside a host call the
/// allocator lets them past the cap, see docs/architecture.md §12.3); the stack is grown with
/// `lua_checkstack` before every nested value, and a record nested deeper than ``maxDepth`` (or
/// than the stack allows) is a Swift error, which the trampoline raises once the Swift frames are gone.
final class LuaRecordEncoder: Encoder {
    /// The state or coroutine being pushed onto (set for each push).
    var L: OpaquePointer
    let keys: LuaRecordKeys
    /// The stack index where the value being encoded goes, and whether it has been pushed.
    private(set) var slot: Int32 = 0
    private(set) var filled = false
    /// Set while a push is under way: a second, nested use gets its own encoder.
    var busy = false
    /// How many values are being encoded inside one another now.
    private var depth = 0
    /// The deepest nesting pushed (far beyond any record; it bounds the Swift recursion, and the
    /// Lua stack grows by a few slots per level).
    static let maxDepth = 200

    /// Where a value written through a `superEncoder` belongs: a field or an item of the table at `table`.
    private var link: (table: Int32, place: LuaPlace)?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(L: OpaquePointer, keys: LuaRecordKeys) {
        self.L = L; self.keys = keys
    }

    /// Pushes `value` as exactly one Lua value on top of the stack.
    func push<T: Encodable>(_ value: T) throws {
        keys.note(T.self)
        guard depth < Self.maxDepth, lua_checkstack(L, 4) != 0 else { throw Self.tooDeep }
        let saved = (slot, filled, link)
        slot = lua_gettop(L) + 1
        filled = false
        link = nil
        depth += 1
        defer { (slot, filled, link) = saved; depth -= 1 }
        try fill(value)
        if !filled { lua_createtable(L, 0, 0) }  // encoded nothing: an empty object, as in JSON
        lua_settop(L, slot)  // drop nested containers left above it (they are stored in their parents)
    }

    /// Encodes `value` into the current slot: the types `JSONEncoder` treats specially, then
    /// everything else through its own `encode(to:)`.
    private func fill<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return store { pushString(value as! String) } }
        if T.self == Int64.self { return store { lua_pushinteger(L, value as! Int64) } }
        if T.self == Int.self { return store { lua_pushinteger(L, Int64(value as! Int)) } }
        if T.self == Bool.self { return store { lua_pushboolean(L, (value as! Bool) ? 1 : 0) } }
        if T.self == Double.self { return store { pushNumber(value as! Double) } }
        if T.self == Data.self { return store { pushString((value as! Data).base64EncodedString()) } }
        if T.self == URL.self { return store { pushString((value as! URL).absoluteString) } }
        if T.self == Decimal.self { return store { pushNumber(NSDecimalNumber(decimal: value as! Decimal).doubleValue) } }
        if let contents = value as? any LuaSequenceEncodable {
            return try contents.pushContents(self)
        }
        try value.encode(to: self)
    }

    /// Runs `push`, which pushes one value, as the current slot's value.
    @inline(__always)
    func store(_ push: () throws -> Void) rethrows {
        if filled { lua_settop(L, slot - 1) }  // replaces what a container made of the same value
        try push()
        filled = true
        if let link { link.place.store(copyOf: slot, in: link.table, L) }
    }

    /// Makes the current slot a table (once) and returns its index.
    func table(array: Int32, fields: Int32) -> Int32 {
        if !filled || lua_type(L, slot) != LUA_TTABLE {
            store { lua_createtable(L, array, fields) }
        }
        return slot
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let order = keys.order(for: Key.self)
        let table = table(array: 0, fields: Int32(order.count))
        return KeyedEncodingContainer(LuaKeyedContainer<Key>(encoder: self, table: table, order: order))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        LuaUnkeyedContainer(encoder: self, table: table(array: 0, fields: 0))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { LuaSingleValueContainer(encoder: self) }

    /// An encoder (for `superEncoder`) whose value becomes `place` of the table at `table`:
    /// an empty table there until it writes something else.
    func referencing(table: Int32, place: LuaPlace) -> LuaRecordEncoder {
        _ = lua_checkstack(L, 4)
        let encoder = LuaRecordEncoder(L: L, keys: keys)
        lua_createtable(L, 0, 0)
        encoder.slot = lua_gettop(L)
        encoder.filled = true
        encoder.link = (table, place)
        place.store(copyOf: encoder.slot, in: table, L)
        return encoder
    }

    // MARK: Scalars

    /// Pushes a string (NUL-safe, no copy for native strings).
    @inline(__always)
    func pushString(_ text: String) {
        var text = text
        text.withUTF8 { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
    }

    /// Pushes a number as JSON reads it back: an integral value as an integer.
    @inline(__always)
    func pushNumber(_ value: Double) { Self.pushNumber(value, L) }

    /// Pushes `value` onto `L` as JSON reads it back (`3.0` is written `3`: an integer); the row plan pushes numbers so too.
    @inline(__always)
    static func pushNumber(_ value: Double, _ L: OpaquePointer) {
        if value == value.rounded() && abs(value) < 1e15 { lua_pushinteger(L, Int64(value)) } else { lua_pushnumber(L, value) }
    }

    /// Pushes an unsigned integer (as a float beyond the integers Lua holds).
    @inline(__always)
    func pushUnsigned(_ value: UInt64) {
        if value <= UInt64(Int64.max) { lua_pushinteger(L, Int64(value)) } else { lua_pushnumber(L, Double(value)) }
    }

    /// A `Float` as `JSONEncoder` writes it (its shortest text, `1.1`, not `1.100000023841858`).
    @inline(__always)
    func pushFloat(_ value: Float) { pushNumber(Double(value.description) ?? Double(value)) }

    static let tooDeep = EncodingError.invalidValue((), EncodingError.Context(codingPath: [], debugDescription: "记录嵌套超过 \(maxDepth) 层，无法交给脚本"))
}

/// A field (its key's registry reference) or an item (its position) of a table.
enum LuaPlace {
    case field(Int32)
    case item(Int64)

    /// Stores a copy of the value at `index` here, in the table at `table`.
    func store(copyOf index: Int32, in table: Int32, _ L: OpaquePointer) {
        switch self {
        case .field(let key):
            lua_rawgeti(L, lvzRegistryIndex, Int64(key))
            lua_pushvalue(L, index)
            lua_rawset(L, table)
        case .item(let position):
            lua_pushvalue(L, index)
            lua_rawseti(L, table, position)
        }
    }
}

/// The registry index (`LUA_REGISTRYINDEX`, a macro Swift cannot import).
let lvzRegistryIndex = lvz_registryindex()

/// The key strings of records, per state: each Swift key (`termID`) is converted once to the
/// key `LvzhiJSON.encoder` writes (`term_id`), pushed once, and kept in the registry; pushing it
/// again is one `lua_rawgeti`. Per container type, the keys are also remembered in the order a
/// record encodes them, so that finding the next key is one comparison of two identical
/// strings (a synthesized `CodingKeys` returns the same literal every time), not a hash.
final class LuaRecordKeys {
    private var refs: [String: Int32] = [:]
    private var orders: [ObjectIdentifier: LuaKeyOrder] = [:]
    private let convert: (String) -> String

    init(convert: @escaping (String) -> String = LuaRecordKeys.snakeCase) { self.convert = convert }

    /// The remembered key order of container key type `Key`.
    @inline(__always)
    func order<Key: CodingKey>(for type: Key.Type) -> LuaKeyOrder {
        let id = ObjectIdentifier(type)
        if let order = orders[id] { return order }
        let order = LuaKeyOrder()
        orders[id] = order
        return order
    }

    /// The registry reference of the Lua string for Swift key `name`, converting and pushing it the first time.
    func reference(_ name: String, _ L: OpaquePointer) -> Int32 {
        if let ref = refs[name] { return ref }
        var key = convert(name)
        key.withUTF8 { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        let ref = luaL_ref(L, lvzRegistryIndex)
        refs[name] = ref
        return ref
    }

    /// The fields of each record type encoded so far in this state, in the order the type declares
    /// them, as scripts see them (snake_case): what a report of records shows when no columns are given.
    var fieldOrders: [[String]] { orders.values.map { $0.names.map(convert) }.filter { !$0.isEmpty } }

    /// The report columns of the ``ReportRecord`` types encoded so far, keys as scripts see them.
    private var declared: [ObjectIdentifier: RecordColumns?] = [:]

    /// Notes `type`'s report columns if it declares them (once per type).
    @inline(__always)
    func note<T>(_ type: T.Type) {
        let id = ObjectIdentifier(type)
        guard declared[id] == nil else { return }
        declared[id] = (type as? any ReportRecord.Type).map { record in
            RecordColumns(fields: record.reportColumns.map { convert($0.field) },
                          headers: Dictionary(record.reportColumns.map { (convert($0.field), $0.header) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// What a report of records can show: the declared columns of ``ReportRecord`` types first,
    /// then the declared field order of every other record type (without headers).
    var recordColumns: [RecordColumns] {
        declared.values.compactMap { $0 } + fieldOrders.map { RecordColumns(fields: $0, headers: [:]) }
    }

    /// How many distinct keys have been pushed into the registry (for tests).
    var count: Int { refs.count }

    /// The key `LvzhiJSON.encoder` writes for `name`, found by asking that encoder (so the two
    /// can never differ); done once per key and state.
    static func snakeCase(_ name: String) -> String {
        struct Probe: Encodable {
            let name: String
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: ProbeKey.self)
                try container.encode(0, forKey: ProbeKey(stringValue: name))
            }
        }
        struct ProbeKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        guard let data = try? LvzhiJSON.encoder.encode(Probe(name: name)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let key = object.keys.first else { return name }
        return key
    }
}

/// The keys of one container type in the order its records encode them, with their registry references.
final class LuaKeyOrder {
    private(set) var names: [String] = []
    private(set) var refs: [Int32] = []
    var count: Int { names.count }

    /// The reference of `name`, expected at `position` (then moved past it).
    @inline(__always)
    func reference(_ name: String, at position: inout Int, keys: LuaRecordKeys, _ L: OpaquePointer) -> Int32 {
        if position < names.count, names[position] == name {
            position += 1
            return refs[position - 1]
        }
        return slowReference(name, at: &position, keys: keys, L)
    }

    /// A key out of the remembered order: found further on, or learnt at the end, or only looked up.
    private func slowReference(_ name: String, at position: inout Int, keys: LuaRecordKeys, _ L: OpaquePointer) -> Int32 {
        if let index = names.firstIndex(of: name) {
            position = index + 1
            return refs[index]
        }
        let ref = keys.reference(name, L)
        if position == names.count, names.count < 512 {
            names.append(name)
            refs.append(ref)
            position += 1
        }
        return ref
    }
}

/// Arrays and string-keyed dictionaries, which `JSONEncoder` writes in its own way: an array
/// with room for all its items in the array part, a dictionary with its keys as they are.
protocol LuaSequenceEncodable {
    func pushContents(_ encoder: LuaRecordEncoder) throws
}

extension Array: LuaSequenceEncodable where Element: Encodable {
    func pushContents(_ encoder: LuaRecordEncoder) throws {
        let table = encoder.table(array: Int32(clamping: count), fields: 0)
        let L = encoder.L
        var position: Int64 = 0
        for element in self {
            position += 1
            try encoder.push(element)
            lua_rawseti(L, table, position)
        }
    }
}

extension Dictionary: LuaSequenceEncodable where Key == String, Value: Encodable {
    func pushContents(_ encoder: LuaRecordEncoder) throws {
        let table = encoder.table(array: 0, fields: Int32(clamping: count))
        let L = encoder.L
        for (key, value) in self {
            encoder.pushString(key)
            try encoder.push(value)
            lua_rawset(L, table)
        }
    }
}

/// The fields of one table. Keys come from ``LuaKeyOrder``; values are pushed and stored raw.
struct LuaKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: LuaRecordEncoder
    let table: Int32
    let order: LuaKeyOrder
    var position = 0

    init(encoder: LuaRecordEncoder, table: Int32, order: LuaKeyOrder) {
        self.encoder = encoder; self.table = table; self.order = order
    }

    var codingPath: [any CodingKey] { [] }

    @inline(__always)
    private mutating func reference(_ key: Key) -> Int32 {
        order.reference(key.stringValue, at: &position, keys: encoder.keys, encoder.L)
    }

    /// Pushes the key string of `key`; the value pushed next is stored by ``store()``.
    @inline(__always)
    private mutating func pushKey(_ key: Key) {
        lua_rawgeti(encoder.L, lvzRegistryIndex, Int64(reference(key)))
    }

    /// Stores the key and value on top of the stack in this table.
    @inline(__always)
    private func store() { lua_rawset(encoder.L, table) }

    /// A nil field: absent (the key still counts in the order).
    @inline(__always)
    private mutating func skip(_ key: Key) { _ = reference(key) }

    mutating func encodeNil(forKey key: Key) throws { skip(key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { pushKey(key); lua_pushboolean(encoder.L, value ? 1 : 0); store() }
    mutating func encode(_ value: String, forKey key: Key) throws { pushKey(key); encoder.pushString(value); store() }
    mutating func encode(_ value: Double, forKey key: Key) throws { pushKey(key); encoder.pushNumber(value); store() }
    mutating func encode(_ value: Float, forKey key: Key) throws { pushKey(key); encoder.pushFloat(value); store() }
    mutating func encode(_ value: Int, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: Int8, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: Int16, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: Int32, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: Int64, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, value); store() }
    mutating func encode(_ value: UInt, forKey key: Key) throws { pushKey(key); encoder.pushUnsigned(UInt64(value)); store() }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { pushKey(key); lua_pushinteger(encoder.L, Int64(value)); store() }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { pushKey(key); encoder.pushUnsigned(value); store() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { pushKey(key); try encoder.push(value); store() }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } else { skip(key) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { skip(key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let order = encoder.keys.order(for: NestedKey.self)
        let nested = nestedTable(key, fields: Int32(order.count))
        return KeyedEncodingContainer(LuaKeyedContainer<NestedKey>(encoder: encoder, table: nested, order: order))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        LuaUnkeyedContainer(encoder: encoder, table: nestedTable(key, fields: 0))
    }

    /// A new table stored as field `key`, left on the stack (above this table) for its own container.
    private mutating func nestedTable(_ key: Key, fields: Int32) -> Int32 {
        let L = encoder.L
        _ = lua_checkstack(L, 4)  // nested containers need a few slots; LUAI_MAXSTACK is far away
        lua_createtable(L, 0, fields)
        let nested = lua_gettop(L)
        lua_rawgeti(L, lvzRegistryIndex, Int64(reference(key)))
        lua_pushvalue(L, nested)
        lua_rawset(L, table)
        return nested
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.referencing(table: table, place: .field(reference(key)))
    }
}

/// The items of a sequence, stored at 1…n with `lua_rawseti` (a nil item leaves a hole, as JSON's null reads back).
struct LuaUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: LuaRecordEncoder
    let table: Int32
    private(set) var count = 0

    init(encoder: LuaRecordEncoder, table: Int32) { self.encoder = encoder; self.table = table }

    var codingPath: [any CodingKey] { [] }

    /// Stores the value on top of the stack as the next item.
    @inline(__always)
    private mutating func append() {
        count += 1
        lua_rawseti(encoder.L, table, Int64(count))
    }

    mutating func encodeNil() throws { count += 1 }
    mutating func encode(_ value: Bool) throws { lua_pushboolean(encoder.L, value ? 1 : 0); append() }
    mutating func encode(_ value: String) throws { encoder.pushString(value); append() }
    mutating func encode(_ value: Double) throws { encoder.pushNumber(value); append() }
    mutating func encode(_ value: Float) throws { encoder.pushFloat(value); append() }
    mutating func encode(_ value: Int) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: Int8) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: Int16) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: Int32) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: Int64) throws { lua_pushinteger(encoder.L, value); append() }
    mutating func encode(_ value: UInt) throws { encoder.pushUnsigned(UInt64(value)); append() }
    mutating func encode(_ value: UInt8) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: UInt16) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: UInt32) throws { lua_pushinteger(encoder.L, Int64(value)); append() }
    mutating func encode(_ value: UInt64) throws { encoder.pushUnsigned(value); append() }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.push(value); append() }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let order = encoder.keys.order(for: NestedKey.self)
        let nested = nestedTable(fields: Int32(order.count))
        return KeyedEncodingContainer(LuaKeyedContainer<NestedKey>(encoder: encoder, table: nested, order: order))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        LuaUnkeyedContainer(encoder: encoder, table: nestedTable(fields: 0))
    }

    /// A new table appended as the next item, left on the stack for its own container.
    private mutating func nestedTable(fields: Int32) -> Int32 {
        let L = encoder.L
        _ = lua_checkstack(L, 4)
        lua_createtable(L, 0, fields)
        let nested = lua_gettop(L)
        lua_pushvalue(L, nested)
        count += 1
        lua_rawseti(L, table, Int64(count))
        return nested
    }

    mutating func superEncoder() -> any Encoder {
        count += 1
        return encoder.referencing(table: table, place: .item(Int64(count)))
    }
}

/// One value written into the encoder's current slot.
struct LuaSingleValueContainer: SingleValueEncodingContainer {
    let encoder: LuaRecordEncoder
    var codingPath: [any CodingKey] { [] }

    func encodeNil() throws { encoder.store { lua_pushnil(encoder.L) } }
    func encode(_ value: Bool) throws { encoder.store { lua_pushboolean(encoder.L, value ? 1 : 0) } }
    func encode(_ value: String) throws { encoder.store { encoder.pushString(value) } }
    func encode(_ value: Double) throws { encoder.store { encoder.pushNumber(value) } }
    func encode(_ value: Float) throws { encoder.store { encoder.pushFloat(value) } }
    func encode(_ value: Int) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: Int8) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: Int16) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: Int32) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: Int64) throws { encoder.store { lua_pushinteger(encoder.L, value) } }
    func encode(_ value: UInt) throws { encoder.store { encoder.pushUnsigned(UInt64(value)) } }
    func encode(_ value: UInt8) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: UInt16) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: UInt32) throws { encoder.store { lua_pushinteger(encoder.L, Int64(value)) } }
    func encode(_ value: UInt64) throws { encoder.store { encoder.pushUnsigned(value) } }
    func encode<T: Encodable>(_ value: T) throws { try encoder.fillValue(value) }
}

extension LuaRecordEncoder {
    /// Encodes `value` into the current slot (a single-value container's generic `encode`).
    func fillValue<T: Encodable>(_ value: T) throws {
        guard lua_checkstack(L, 4) != 0 else { throw Self.tooDeep }
        try fill(value)
    }
}
