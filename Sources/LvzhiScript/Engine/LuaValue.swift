import CLua
import CLuaShim
import LvzhiStorage

/// Values copied out of a Lua state are ``ScriptValue``s.
public typealias LuaValue = ScriptValue

extension ScriptValue {
    /// Copies the value at `index` of `L` (no metamethods run; tables are read raw). A table's
    /// sequence 1…#t comes first, in order, read by position (not in `next` order, which puts
    /// items of the hash part anywhere); its other keys follow. At most `limit` entries a table.
    static func read(_ L: OpaquePointer, _ index: Int32, limit: Int = 1000, depth: Int = 0, seen: Set<UnsafeRawPointer> = []) -> ScriptValue {
        let index = lua_absindex(L, index)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            var isInteger: Int32 = 0
            let i = lua_tointegerx(L, index, &isInteger)
            return lua_isinteger(L, index) != 0 && isInteger != 0 ? .integer(i) : .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            var length = 0
            let bytes = lua_tolstring(L, index, &length)
            return .string(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
        case LUA_TTABLE:
            guard let pointer = lua_topointer(L, index) else { return .other("table") }
            if seen.contains(pointer) { return .other("<循环引用>") }
            if depth >= 8 || lua_checkstack(L, 3) == 0 { return .other("{…}") }
            var entries: [Entry] = []
            var seen = seen
            seen.insert(pointer)
            let truncated = Entry(key: .other("…"), value: .other("（已截断）"))
            let length = Int64(lua_rawlen(L, index))
            if length > 0 {
                entries.reserveCapacity(Int(min(length, Int64(limit))))
                for position in 1...length {
                    if entries.count >= limit { entries.append(truncated); return .table(entries) }
                    if lua_rawgeti(L, index, position) != LUA_TNIL {  // a hole is absent, as `next` would skip it
                        entries.append(Entry(key: .integer(position), value: read(L, -1, limit: limit, depth: depth + 1, seen: seen)))
                    }
                    lvz_pop(L, 1)
                }
            }
            lua_pushnil(L)
            while lua_next(L, index) != 0 {
                if lua_isinteger(L, -2) != 0 {
                    let key = lua_tointegerx(L, -2, nil)
                    if key >= 1 && key <= length { lvz_pop(L, 1); continue }
                }
                if entries.count >= limit { lvz_pop(L, 2); entries.append(truncated); break }
                let key = read(L, -2, limit: limit, depth: depth + 1, seen: seen)
                let value = read(L, -1, limit: limit, depth: depth + 1, seen: seen)
                entries.append(Entry(key: key, value: value))
                lvz_pop(L, 1)
            }
            return .table(entries)
        default:
            return .other(String(cString: lua_typename(L, lua_type(L, index))))
        }
    }

}
