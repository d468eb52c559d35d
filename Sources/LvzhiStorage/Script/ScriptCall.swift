import GRDB
import LvzhiCore

/// One call of a script API function, in the host's neutral terms: read arguments, push
/// results. The Lua engine implements it over the Lua stack (with calls that never raise);
/// plugins describe their API against this protocol and never import Lua.
///
/// Arguments are numbered from 1. A function pushes its results and returns their count.
public protocol ScriptCall {
    /// How many arguments were passed.
    var argumentCount: Int32 { get }
    /// Argument `index` as a string, if it is one.
    func string(_ index: Int32) -> String?
    /// Argument `index` as an integer, if it is one.
    func integer(_ index: Int32) -> Int64?
    /// Whether argument `index` is a table.
    func isTable(_ index: Int32) -> Bool
    /// Field `key` of the table argument `index`, as text (numbers written out), if present.
    func field(_ index: Int32, _ key: String) -> String?
    /// The string keys of the table argument `index`.
    func keys(_ index: Int32) -> [String]
    /// Argument `index` copied as a value (nested tables included, to a bounded depth).
    func value(_ index: Int32) -> ScriptValue
    /// The Lua type name of argument `index`, for error messages.
    func typeName(_ index: Int32) -> String

    /// Pushes a string.
    func push(_ text: String)
    /// Pushes an integer.
    func push(_ value: Int64)
    /// Pushes a number.
    func push(_ value: Double)
    /// Pushes a boolean.
    func push(_ value: Bool)
    /// Pushes nil.
    func pushNil()
    /// Pushes a value (tables recursively).
    func push(value: ScriptValue)
    /// Pushes `value` (a record, an array of records, any `Encodable`) as plain tables with the
    /// fields `--json` shows: snake_case keys, nil fields absent, arrays as sequences 1…n.
    func push<T: Encodable>(encoding value: T) throws
    /// Pushes a new, empty table.
    func newTable(array: Int32, fields: Int32)
    /// Sets a field of the table on top of the stack (absent when nil).
    func set(_ key: String, _ value: String?)
    /// Sets an integer field of the table on top of the stack.
    func set(_ key: String, _ value: Int64)
    /// Sets a boolean field of the table on top of the stack.
    func set(_ key: String, _ value: Bool)
    /// Sets field `key` of the table on top of the stack to what `value` pushes.
    func set(_ key: String, pushing value: () throws -> Void) rethrows
    /// Appends what `value` pushes to the array on top of the stack, at `position` (from 1).
    func append(at position: Int64, pushing value: () throws -> Void) rethrows
    /// Pushes an iterator function: each call runs `next`, which pushes the next record
    /// (returning 1) or nothing (returning 0) when done.
    func pushIterator(_ next: @escaping (any ScriptCall) throws -> Int32)
    /// Pushes an iterator over the records `request` fetches (for `each`), each as `--json` shows
    /// it after `adjust` (what the viewer may not see taken out; nil: nothing to change). Streamed
    /// row by row; without `adjust`, rows go straight from SQLite into Lua tables once the engine
    /// has learnt from the first ones how the record shows its columns. The request must not
    /// prefetch associations (`including(all:)`).
    func pushIterator<R: LvzhiRecord>(records request: QueryInterfaceRequest<R>, db: Database, adjust: ((R) -> R)?) throws
    /// Pushes the records `request` fetches as an array (for `list`), as ``pushIterator(records:db:adjust:)`` pushes each.
    func push<R: LvzhiRecord>(records request: QueryInterfaceRequest<R>, db: Database, adjust: ((R) -> R)?) throws
}

extension ScriptCall {
    /// A required string argument, or an error naming the parameter.
    public func requireString(_ index: Int32, _ name: String) throws -> String {
        guard let value = string(index) else { throw ScriptCallError.wrongType(index: index, name: name, expected: "字符串", got: typeName(index)) }
        return value
    }

    /// A required integer argument, or an error naming the parameter.
    public func requireInteger(_ index: Int32, _ name: String) throws -> Int64 {
        guard let value = integer(index) else { throw ScriptCallError.wrongType(index: index, name: name, expected: "整数", got: typeName(index)) }
        return value
    }

    /// The filter table at `index` (absent or nil: no filter), refusing keys not in `allowed`.
    public func filter(_ index: Int32, allowed: [String]) throws -> [String: String] {
        if index > argumentCount || typeName(index) == "nil" { return [:] }
        guard isTable(index) else {
            throw ScriptCallError.wrongType(index: index, name: "条件", expected: "表（如 {sector = \"经济界\"}）", got: typeName(index))
        }
        var result: [String: String] = [:]
        for key in keys(index) {
            guard allowed.contains(key) else { throw ScriptCallError.unknownFilter(key: key, allowed: allowed) }
            result[key] = field(index, key)
        }
        return result
    }
}

/// A script called an API function with arguments it cannot take.
public enum ScriptCallError: Error, CustomStringConvertible {
    case wrongType(index: Int32, name: String, expected: String, got: String)
    case unknownFilter(key: String, allowed: [String])

    public var description: String {
        switch self {
        case let .wrongType(index, name, expected, got):
            return "第 \(index) 个参数（\(name)）应为\(expected)，实际是 \(got)"
        case let .unknownFilter(key, allowed):
            return "不认识的条件「\(key)」（可用：\(allowed.joined(separator: "、"))）"
        }
    }
}

/// A script's option table as ``ScriptCall/filter(_:allowed:)`` returns it (values as text), read as numbers.
/// A value that is not a whole number is an error naming the option, never silently absent.
extension Dictionary where Key == String, Value == String {
    /// The option `key` as a whole number, or nil when not given.
    public func integer(_ key: String) throws -> Int? {
        guard let text = self[key] else { return nil }
        guard let n = Int(text) else { throw LvzhiError.invalid(key, text, "应为整数") }
        return n
    }

    /// The option `key` as a whole number within `range` (``NumberRange``), or nil when not given;
    /// anything else (a fraction, `math.huge`, NaN, a number out of range) is refused naming the range.
    public func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = self[key] else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw LvzhiError.invalid(key, text, "应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数")
        }
        return n
    }

    /// The option `key` as a record id, or nil when not given.
    public func id(_ key: String) throws -> Int64? { try integer(key).map(Int64.init) }
}
