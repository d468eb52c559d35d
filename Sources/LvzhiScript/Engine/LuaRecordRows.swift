import CLua
import CLuaShim
import Foundation
import GRDB
import GRDBSQLite
import LvzhiCore

/// Records streamed from the database straight into Lua tables: the columns of each row are
/// pushed from SQLite's own buffers (`sqlite3_column_text` → `lua_pushlstring`), without
/// decoding a Swift record, making Swift strings or encoding them again.
///
/// What a row becomes is learnt, never assumed: the first rows are decoded as the record
/// (`R(row:)`) and pushed with ``LuaRecordEncoder`` — exactly what `--json` shows — and the plan
/// records, for each column and each SQLite storage class met, which field it fills and how
/// (string, integer, boolean or number), after checking that the pushed value *is* the column's
/// value. A row with a storage class not learnt yet for some column goes the record's way again
/// (and teaches the plan). A record whose table is not its columns — a field that is no column
/// (computed, a JSON column read as an array), a column that is no field, a value changed on the
/// way, a blob — makes the plan unusable, and every row goes the record's way.
///
/// Only for rows of a plain statement (no row adapter) and without `adjust`: what the caller
/// changes in a record (a viewer's redactions) is only possible on the record itself.
final class LuaRowPlan {
    /// How the value of one storage class of a column becomes a field.
    enum Kind: UInt8 { case unknown, string, integer, boolean, number }

    struct Column {
        /// The registry reference of the field's key string (the column's record key, converted as `--json` does).
        var key: Int32
        var text = Kind.unknown
        var integer = Kind.unknown
        var real = Kind.unknown
    }

    let statement: OpaquePointer
    private(set) var columns: [Column]
    /// False once a row showed that the record's table is not its columns.
    private(set) var usable: Bool

    init(statement: Statement, keys: LuaRecordKeys, _ L: OpaquePointer) {
        self.statement = statement.sqliteStatement
        var seen = Set<String>()
        var unique = true
        columns = statement.columnNames.map { name in
            let property = LvzhiColumnKey.propertyName(name)
            unique = seen.insert(property.lowercased()).inserted && unique
            return Column(key: keys.reference(property, L))
        }
        // Two columns for one key: GRDB takes the first; not worth learning.
        usable = unique
    }

    /// Pushes the current row as a table if every value's storage class has been learnt;
    /// otherwise pushes nothing and returns false.
    func push(_ L: OpaquePointer) -> Bool {
        guard usable else { return false }
        let top = lua_gettop(L)
        lua_createtable(L, 0, Int32(columns.count))
        return columns.withUnsafeBufferPointer { columns in
            for index in columns.indices {
                let i = Int32(index)
                let column = columns[index]
                switch sqlite3_column_type(statement, i) {
                case SQLITE_NULL:
                    continue
                case SQLITE_TEXT:
                    guard column.text == .string else { lua_settop(L, top); return false }
                    lua_rawgeti(L, lvzRegistryIndex, Int64(column.key))
                    let text = UnsafeRawPointer(sqlite3_column_text(statement, i))  // before _bytes, as SQLite asks
                    _ = lua_pushlstring(L, text?.assumingMemoryBound(to: CChar.self), Int(sqlite3_column_bytes(statement, i)))
                case SQLITE_INTEGER:
                    let value = sqlite3_column_int64(statement, i)
                    switch column.integer {
                    case .integer: lua_rawgeti(L, lvzRegistryIndex, Int64(column.key)); lua_pushinteger(L, value)
                    case .boolean: lua_rawgeti(L, lvzRegistryIndex, Int64(column.key)); lua_pushboolean(L, value != 0 ? 1 : 0)
                    case .number: lua_rawgeti(L, lvzRegistryIndex, Int64(column.key)); LuaRecordEncoder.pushNumber(Double(value), L)
                    default: lua_settop(L, top); return false
                    }
                case SQLITE_FLOAT:
                    guard column.real == .number else { lua_settop(L, top); return false }
                    lua_rawgeti(L, lvzRegistryIndex, Int64(column.key))
                    LuaRecordEncoder.pushNumber(sqlite3_column_double(statement, i), L)
                default:
                    lua_settop(L, top)
                    return false
                }
                lua_rawset(L, top + 1)
            }
            return true
        }
    }

    /// Learns from the table at `index`, which the encoder pushed for the current row: each
    /// non-NULL column must be a field holding exactly its value, NULL columns absent, and
    /// nothing else in the table.
    func learn(from index: Int32, _ L: OpaquePointer) {
        guard usable else { return }
        let table = lua_absindex(L, index)
        guard lua_type(L, table) == LUA_TTABLE, lua_checkstack(L, 4) != 0 else { usable = false; return }
        var fields = 0
        for index in columns.indices {
            let i = Int32(index)
            lua_rawgeti(L, lvzRegistryIndex, Int64(columns[index].key))
            lua_rawget(L, table)
            defer { lvz_pop(L, 1) }
            let type = sqlite3_column_type(statement, i)
            let present = lua_type(L, -1) != LUA_TNIL
            if type == SQLITE_NULL {
                if present { usable = false; return }
                continue
            }
            guard present, let kind = kind(of: type, at: i, value: -1, L) else { usable = false; return }
            fields += 1
            switch type {
            case SQLITE_TEXT: columns[index].text = kind
            case SQLITE_INTEGER: columns[index].integer = kind
            default: columns[index].real = kind
            }
        }
        // Nothing in the table that is not a column.
        var entries = 0
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            entries += 1
            lvz_pop(L, 1)
        }
        if entries != fields { usable = false }
    }

    /// How column `i` (of storage class `type`) became the value at `value`, if it is that value.
    private func kind(of type: Int32, at i: Int32, value: Int32, _ L: OpaquePointer) -> Kind? {
        switch (type, lua_type(L, value)) {
        case (SQLITE_TEXT, LUA_TSTRING):
            var length = 0
            guard let pushed = lua_tolstring(L, value, &length) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, i))
            guard let text = sqlite3_column_text(statement, i) else { return count == 0 && length == 0 ? .string : nil }
            return length == count && memcmp(pushed, text, count) == 0 ? .string : nil
        case (SQLITE_INTEGER, LUA_TBOOLEAN):
            return (sqlite3_column_int64(statement, i) != 0) == (lua_toboolean(L, value) != 0) ? .boolean : nil
        case (SQLITE_INTEGER, LUA_TNUMBER):
            if lua_isinteger(L, value) != 0 {
                var ok: Int32 = 0
                return lua_tointegerx(L, value, &ok) == sqlite3_column_int64(statement, i) && ok != 0 ? .integer : nil
            }
            return lua_tonumberx(L, value, nil) == Double(sqlite3_column_int64(statement, i)) ? .number : nil
        case (SQLITE_FLOAT, LUA_TNUMBER):
            let d = sqlite3_column_double(statement, i)
            var ok: Int32 = 0
            if lua_isinteger(L, value) != 0 { return Double(lua_tointegerx(L, value, &ok)) == d && d == d.rounded() ? .number : nil }
            return lua_tonumberx(L, value, nil) == d ? .number : nil
        default:
            return nil
        }
    }
}

/// The rows of one request and how they reach Lua: the plan when it can, the record otherwise.
final class LuaRecordStream<R: LvzhiRecord> {
    private let rows: RowCursor
    private let plan: LuaRowPlan?
    private let adjust: ((R) -> R)?
    /// How many rows went straight into Lua, and how many as records (for tests).
    private(set) var direct = 0, decoded = 0

    init(_ request: QueryInterfaceRequest<R>, db: Database, adjust: ((R) -> R)?, state: LuaState, _ L: OpaquePointer) throws {
        let prepared = try request.makePreparedRequest(db, forSingleResult: false)
        rows = try Row.fetchCursor(prepared.statement, adapter: prepared.adapter)
        plan = prepared.adapter == nil && adjust == nil ? LuaRowPlan(statement: prepared.statement, keys: state.recordKeys, L) : nil
        self.adjust = adjust
    }

    /// Pushes the next record and returns true, or pushes nothing and returns false at the end.
    func pushNext(_ call: LuaCall) throws -> Bool {
        guard let row = try rows.next() else { return false }
        if let plan, plan.push(call.L) { direct += 1; return true }
        decoded += 1
        let record = try R(row: row)
        try call.push(encoding: adjust.map { $0(record) } ?? record)
        plan?.learn(from: -1, call.L)
        return true
    }
}
