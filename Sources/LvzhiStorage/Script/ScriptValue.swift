import Foundation

/// A script value copied out of the script engine, in the host's neutral terms: for showing
/// results (`eval`, the console), for API functions that take nested data (report rows),
/// and for tests. Tables are copied to a bounded depth; cycles are cut.
public indirect enum ScriptValue: Equatable, Sendable, CustomStringConvertible {
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
        public var key: ScriptValue
        public var value: ScriptValue
        public init(key: ScriptValue, value: ScriptValue) { self.key = key; self.value = value }
    }

    /// The value written as Lua would read it back (strings quoted, tables in braces).
    public var description: String { format(indent: 0) }

    /// The items of an array-like table (1…n in order); nil for anything else.
    public var arrayItems: [ScriptValue]? {
        guard case .table(let entries) = self else { return nil }
        var items: [ScriptValue] = []
        for (offset, entry) in entries.enumerated() {
            guard entry.key == .integer(Int64(offset + 1)) else { return nil }
            items.append(entry.value)
        }
        return items
    }

    /// Field `key` of a table with string keys.
    public subscript(key: String) -> ScriptValue? {
        guard case .table(let entries) = self else { return nil }
        return entries.first { $0.key == .string(key) }?.value
    }

    /// The value as plain text for a report cell: strings as is, numbers written out, nil empty.
    public var plainText: String {
        switch self {
        case .nil: return ""
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .boolean(let b): return b ? "是" : "否"
        case .table where arrayItems != nil: return arrayItems!.map(\.plainText).joined(separator: "、")  // 常委、召集人
        default: return description
        }
    }

    /// For showing a result: a top-level string unquoted, everything else as ``description``.
    public func description(forDisplay: Bool) -> String {
        if forDisplay, case .string(let s) = self { return s }
        return description
    }

    /// The value as text, nested tables indented by `indent` levels.
    public func format(indent: Int) -> String {
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
