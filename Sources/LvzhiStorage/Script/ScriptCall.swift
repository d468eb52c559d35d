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
    /// Argument `index` copied as a value (nested tables included, to a bounded depth; at most
    /// 1,000 entries a table).
    func value(_ index: Int32) -> ScriptValue
    /// Argument `index` copied as a value, with up to `limit` entries a table.
    func value(_ index: Int32, limit: Int) -> ScriptValue
    /// The parameters the function being called declares (empty for iterators).
    var parameters: [ScriptParameter] { get }
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
    /// Pushes an iterator over the members of `rows` (for `members.each`), each as `--json` shows
    /// its ``MemberView``, streamed from the rows straight into Lua tables.
    func pushIterator(members rows: MemberRows)
    /// Pushes the members of `rows` as an array (for `members.list`), as ``pushIterator(members:)`` pushes each.
    func push(members rows: MemberRows) throws
}

extension ScriptCall {
    /// The label of argument `index` in messages: 第 2 个参数 cosigners.
    public func label(_ index: Int32) -> String {
        let i = Int(index) - 1
        let name = parameters.indices.contains(i) ? parameters[i].name : "参数"
        return "第 \(index) 个参数（\(name)）"
    }

    /// A required string argument, or an error naming the parameter.
    public func requireString(_ index: Int32, _ name: String) throws -> String {
        try value(index).text(as: "第 \(index) 个参数（\(name)）")
    }

    /// A required whole-number argument, or an error naming the parameter.
    public func requireInteger(_ index: Int32, _ name: String) throws -> Int64 {
        let value = value(index)
        guard let n = value.wholeNumber else { throw value.refused("第 \(index) 个参数（\(name)）", expected: "整数") }
        return n
    }

    /// The option table at argument `index` (absent or nil: none), checked against the keys its
    /// function declares (``ScriptFunction/parameters``).
    public func options(_ index: Int32) throws -> ScriptOptions {
        let i = Int(index) - 1
        guard parameters.indices.contains(i) else { throw LvzhiError(.storage, "接口登记中没有第 \(index) 个参数（程序错误）") }
        switch parameters[i].kind {
        case .options(let keys), .textOrOptions(let keys): return try ScriptOptions(value(index), keys: keys, as: label(index))
        default: throw LvzhiError(.storage, "接口登记中第 \(index) 个参数不是选项表（程序错误）")
        }
    }

    /// Refuses arguments that do not fit `parameters`: a wrong kind, a required one missing,
    /// one too many. Every API function's arguments pass here before it runs.
    public func check(_ parameters: [ScriptParameter]) throws {
        let variadic = parameters.last.map { if case .values = $0.kind { return true } else { return false } } ?? false
        // Trailing nils are no arguments (`f(1, nil)` is `f(1)`); anything else past the last parameter is refused.
        if !variadic, let index = (Int32(parameters.count) + 1...max(argumentCount, Int32(parameters.count) + 1)).first(where: { value($0) != .nil }),
           index <= argumentCount {
            let extra = value(index)
            throw LvzhiError(.invalidInput, parameters.isEmpty ? "这个函数不带参数，却给了\(extra.kindForMessage)"
                                 : "只有 \(parameters.count) 个参数（\(parameters.map(\.signature).joined(separator: ", "))），第 \(index) 个参数却是\(extra.kindForMessage)")
        }
        for (offset, parameter) in parameters.enumerated() {
            let index = Int32(offset + 1)
            if case .values = parameter.kind {
                guard index <= argumentCount else { break }
                for rest in index...argumentCount { try parameter.kind.check(value(rest), as: "第 \(rest) 个参数（\(parameter.name)）") }
                break
            }
            if case .table = parameter.kind, isTable(index) { continue }  // read by the function itself, not copied twice
            let given = value(index)
            if case .nil = given, !parameter.optional {
                throw given.refused(label(index), expected: parameter.kind.expected)
            }
            try parameter.kind.check(given, as: label(index))
        }
    }
}

/// A script called an API function with arguments it cannot take.
public enum ScriptCallError: Error, CustomStringConvertible {
    case unknownFilter(key: String, allowed: [String])

    public var description: String {
        switch self {
        case let .unknownFilter(key, allowed):
            return "选项表中没有「\(key)」这一项（可用：\(allowed.joined(separator: "、"))）"
        }
    }
}
