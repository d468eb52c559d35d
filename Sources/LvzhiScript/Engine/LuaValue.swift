import CLua
import CLuaShim

/// A Lua value copied out of the state, for showing results (`eval`, the console) and for
/// tests. Tables are copied to a bounded depth; cycles are cut.
public indirect enum LuaValue: Equatable, Sendable, CustomStringConvertible {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    /// Entries in `next` order (arrays: 1…n first).
    case table([Entry])
    /// A function, a coroutine, userdata: only its type name.
    case other(String)

    /// One key–value pair of a table.
    public struct Entry: Equatable, Sendable {
        public var key: LuaValue
        public var value: LuaValue
    }

    /// Copies the value at `index` of `L` (no metamethods run; tables are read raw).
    static func read(_ L: OpaquePointer, _ index: Int32, depth: Int = 0, seen: Set<UnsafeRawPointer> = []) -> LuaValue {
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
            lua_pushnil(L)
            while lua_next(L, index) != 0 {
                if entries.count >= 1000 { lvz_pop(L, 2); entries.append(Entry(key: .other("…"), value: .other("（已截断）"))); break }
                let key = read(L, -2, depth: depth + 1, seen: seen)
                let value = read(L, -1, depth: depth + 1, seen: seen)
                entries.append(Entry(key: key, value: value))
                lvz_pop(L, 1)
            }
            return .table(entries)
        default:
            return .other(String(cString: lua_typename(L, lua_type(L, index))))
        }
    }

    /// The value written as Lua would read it back (strings quoted, tables in braces).
    public var description: String { format(indent: 0) }

    /// For showing a result: a top-level string unquoted, everything else as ``description``.
    public func description(forDisplay: Bool) -> String {
        if forDisplay, case .string(let s) = self { return s }
        return description
    }

    func format(indent: Int) -> String {
        switch self {
        case .nil: return "nil"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d)
        case .string(let s): return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .other(let name): return name
        case .table(let entries):
            if entries.isEmpty { return "{}" }
            let isArray = entries.enumerated().allSatisfy { $0.element.key == .integer(Int64($0.offset + 1)) }
            let items = entries.map { entry -> String in
                let value = entry.value.format(indent: indent + 1)
                if isArray { return value }
                if case .string(let key) = entry.key, key.first.map({ $0.isLetter || $0 == "_" }) == true,
                   key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    return "\(key) = \(value)"
                }
                return "[\(entry.key.format(indent: indent + 1))] = \(value)"
            }
            let oneLine = "{ " + items.joined(separator: ", ") + " }"
            if oneLine.count <= 80 && !oneLine.contains("\n") { return oneLine }
            let pad = String(repeating: "  ", count: indent + 1)
            return "{\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }
}
