import CLua
import CLuaShim
import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// The arguments and results of one host-function call, read and written only with Lua
/// API functions that never raise: a raise here would `longjmp` over Swift frames.
///
/// Pushes may allocate; while a host call runs the allocator lets them past the memory cap
/// (the cap is enforced once the call returns), so they do not raise either.
public struct LuaCall: ScriptCall {
    public let L: OpaquePointer
    /// The parameters of the API function being called (``ScriptAPIBinder`` sets them).
    public var parameters: [ScriptParameter] = []

    public init(L: OpaquePointer) { self.L = L }

    /// How many arguments were passed.
    public var argumentCount: Int32 { lua_gettop(L) }

    /// The Lua type of argument `index` (`LUA_TNIL`, `LUA_TSTRING`, …).
    public func type(_ index: Int32) -> Int32 { lua_type(L, index) }

    /// Argument `index` as a string, if it is one (numbers are not converted).
    public func string(_ index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    /// Argument `index` as an integer, if it is an integer or an integral float.
    public func integer(_ index: Int32) -> Int64? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        var ok: Int32 = 0
        let value = lua_tointegerx(L, index, &ok)
        return ok != 0 ? value : nil
    }

    /// Argument `index` as a number.
    public func number(_ index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// Argument `index` as a boolean (Lua truthiness).
    public func boolean(_ index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

    /// The Lua type name of argument `index`.
    public func typeName(_ index: Int32) -> String { String(cString: lua_typename(L, lua_type(L, index))) }

    // MARK: - Results

    /// Pushes a string (NUL-safe).
    public func push(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = lua_pushlstring(L, buffer.baseAddress, buffer.count) }
    }

    /// Pushes an integer.
    public func push(_ value: Int64) { lua_pushinteger(L, value) }
    /// Pushes an integer.
    public func push(_ value: Int) { lua_pushinteger(L, Int64(value)) }
    /// Pushes a number.
    public func push(_ value: Double) { lua_pushnumber(L, value) }
    /// Pushes a boolean.
    public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    /// Pushes nil.
    public func pushNil() { lua_pushnil(L) }
    /// Pushes an optional string (nil when absent).
    public func push(_ value: String?) { if let value { push(value) } else { pushNil() } }

    /// Pushes a new table with room for `array` items and `fields` fields.
    public func newTable(array: Int32, fields: Int32) { lua_createtable(L, array, fields) }

    /// Sets field `key` of the table on top of the stack to the value pushed by `value` (raw).
    public func set(_ key: String, pushing value: () throws -> Void) rethrows {
        push(key)
        do { try value() } catch { lvz_pop(L, 1); throw error }
        lua_rawset(L, -3)
    }

    /// Sets field `key` to a string, or leaves it absent when nil.
    public func set(_ key: String, _ value: String?) {
        guard let value else { return }
        set(key, pushing: { push(value) })
    }

    /// Sets field `key` to an integer.
    public func set(_ key: String, _ value: Int64) { set(key, pushing: { push(value) }) }

    /// Sets field `key` to a boolean.
    public func set(_ key: String, _ value: Bool) { set(key, pushing: { push(value) }) }

    /// Appends the value pushed by `value` to the array table on top of the stack, at `position` (1-based).
    public func append(at position: Int64, pushing value: () throws -> Void) rethrows {
        try value()
        lua_rawseti(L, -2, position)
    }

    /// Pushes a ``ScriptValue`` (tables recursively).
    public func push(value: ScriptValue) {
        switch value {
        case .nil, .other: pushNil()
        case .boolean(let b): push(b)
        case .integer(let i): push(i)
        case .number(let d): push(d)
        case .string(let s): push(s)
        case .table(let entries):
            guard lua_checkstack(L, 3) != 0 else { pushNil(); return }
            newTable(array: 0, fields: Int32(entries.count))
            for entry in entries {
                push(value: entry.key)
                push(value: entry.value)
                if lua_type(L, -2) == LUA_TNIL { lvz_pop(L, 2) } else { lua_rawset(L, -3) }
            }
        }
    }

    /// Pushes `value` as Lua tables with the fields `--json` shows, without JSON (``LuaRecordEncoder``).
    public func push<T: Encodable>(encoding value: T) throws {
        try state.push(encoding: value, on: L)
    }

    /// Argument `index` copied as a ``ScriptValue``.
    public func value(_ index: Int32) -> ScriptValue { ScriptValue.read(L, index) }

    /// Argument `index` copied as a ``ScriptValue``, with up to `limit` entries a table.
    public func value(_ index: Int32, limit: Int) -> ScriptValue { ScriptValue.read(L, index, limit: limit) }

    /// Whether argument `index` is a table.
    public func isTable(_ index: Int32) -> Bool { lua_type(L, index) == LUA_TTABLE }

    /// The state this call runs in (through the allocator's user data).
    var state: LuaState {
        var ud: UnsafeMutableRawPointer?
        _ = lua_getallocf(L, &ud)
        let runtime = ud!.assumingMemoryBound(to: lvz_runtime.self)
        return Unmanaged<LuaState>.fromOpaque(runtime.pointee.context!).takeUnretainedValue()
    }

    /// Pushes an iterator: a host function that calls `next` each time.
    public func pushIterator(_ next: @escaping (any ScriptCall) throws -> Int32) {
        // The cursor `next` holds is released when the run ends, even if the script kept the iterator.
        let holder = IteratorHolder(next)
        state.pushFunction(onExpire: { holder.next = nil }, on: L) { call in try holder.next?(call) ?? 0 }
    }
}


extension LuaCall {
    /// Pushes an iterator over the records of `request` (see ``LuaRecordStream``).
    public func pushIterator<R: LvzhiRecord>(records request: QueryInterfaceRequest<R>, db: Database, adjust: ((R) -> R)?) throws {
        // The cursor is released when the run ends, even if the script kept the iterator.
        let holder = StreamHolder(try LuaRecordStream(request, db: db, adjust: adjust, state: state, L))
        state.pushFunction(onExpire: { holder.stream = nil }, on: L) { call in try holder.stream?.pushNext(call) == true ? 1 : 0 }
    }

    /// Pushes the records of `request` as an array (see ``LuaRecordStream``).
    public func push<R: LvzhiRecord>(records request: QueryInterfaceRequest<R>, db: Database, adjust: ((R) -> R)?) throws {
        let stream = try LuaRecordStream(request, db: db, adjust: adjust, state: state, L)
        try pushArray { try stream.pushNext(self) }
    }

    /// Pushes an array of the values `next` pushes, one per call, until it returns false.
    func pushArray(of next: () throws -> Bool) rethrows {
        lua_createtable(L, 0, 0)
        let array = lua_gettop(L)
        var position: Int64 = 0
        while try next() {
            position += 1
            lua_rawseti(L, array, position)
        }
    }
}

/// Holds an iterator's step so that it (and its database cursor) can be released at the end of the run.
final class IteratorHolder {
    var next: ((any ScriptCall) throws -> Int32)?
    init(_ next: @escaping (any ScriptCall) throws -> Int32) { self.next = next }
}

/// Holds a record stream (and its database cursor) so that it can be released at the end of the run.
final class StreamHolder<R: LvzhiRecord> {
    var stream: LuaRecordStream<R>?
    init(_ stream: LuaRecordStream<R>) { self.stream = stream }
}
