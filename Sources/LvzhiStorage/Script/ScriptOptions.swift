import LvzhiCore

/// A script's option table (`{sector = "经济界", year = 2026}`) checked against the keys its
/// function declares (``ScriptParameter``): only named keys, each one declared, each of its kind.
/// Read with the accessor of the key's kind; a key not given reads as nil.
public struct ScriptOptions {
    /// The values given, by key.
    public private(set) var values: [String: ScriptValue]
    let keys: [String: ScriptParameter]

    /// Checks `value` (nil: no options) against `keys`.
    /// - Throws: ``LvzhiError`` for a value that is not a table, a key without a name, an unknown key or a value of the wrong kind.
    public init(_ value: ScriptValue, keys declared: [ScriptParameter], as label: String) throws {
        keys = Dictionary(declared.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        values = [:]
        let names = declared.map(\.name)
        switch value {
        case .nil: return
        case .table(let entries):
            for entry in entries {
                guard case .string(let name) = entry.key else {
                    throw LvzhiError(.invalidInput, "\(label)中的「\(entry.value.description.quotedForMessage)」没有名字：选项应写成 名字 = 值",
                                     hint: "可用：\(names.joined(separator: "、"))")
                }
                guard let parameter = keys[name] else { throw ScriptCallError.unknownFilter(key: name, allowed: names) }
                try parameter.kind.check(entry.value, as: name)
                if entry.value != .nil { values[name] = entry.value }
            }
        default:
            throw value.refused(label, expected: ScriptParameterKind.options(declared).expected, hint: "可用：\(names.joined(separator: "、"))")
        }
    }

    /// The declared key `name`, or an error: the function reads a key its registration does not declare.
    func declared(_ name: String) throws -> ScriptParameter {
        guard let parameter = keys[name] else { throw LvzhiError(.storage, "接口登记中没有选项「\(name)」（程序错误）") }
        return parameter
    }

    /// Option `name` as text (``ScriptParameterKind/text``, or a date's or a text list's declared kind read as text), nil when not given.
    public subscript(name: String) -> String? {
        guard let value = values[name] else { return nil }
        if case .date = keys[name]?.kind { return try? value.date(as: name) }
        return try? value.text(as: name)
    }

    /// Option `name` as a date (``ScriptParameterKind/date``), nil when not given.
    public func date(_ name: String) throws -> String? {
        _ = try declared(name)
        return try values[name].map { try $0.date(as: name) }
    }

    /// Option `name` as a whole number in its declared range, nil when not given.
    public func integer(_ name: String) throws -> Int? {
        guard case .integer(let range) = try declared(name).kind else { throw LvzhiError(.storage, "选项「\(name)」登记的不是整数（程序错误）") }
        return try values[name].map { try $0.integer(in: range, as: name) }
    }

    /// Option `name` as a record id, nil when not given.
    public func id(_ name: String) throws -> Int64? {
        _ = try declared(name)
        return try values[name].map { try $0.id(as: name) }
    }

    /// Option `name` as `true`/`false`, nil when not given.
    public func flag(_ name: String) throws -> Bool? {
        _ = try declared(name)
        return try values[name].map { try $0.boolean(as: name) }
    }

    /// Option `name` as a list of ids, empty when not given.
    public func ids(_ name: String) throws -> [Int64] {
        guard case .ids(let max) = try declared(name).kind else { throw LvzhiError(.storage, "选项「\(name)」登记的不是 ID 列表（程序错误）") }
        return try values[name].map { try $0.ids(max: max, as: name) } ?? []
    }

    /// Option `name` as a list of texts, empty when not given.
    public func texts(_ name: String) throws -> [String] {
        guard case .texts(let max) = try declared(name).kind else { throw LvzhiError(.storage, "选项「\(name)」登记的不是文字列表（程序错误）") }
        return try values[name].map { try $0.texts(max: max, as: name) } ?? []
    }

    /// Takes option `name` out (e.g. `public` before the rest is a proposal query).
    public mutating func remove(_ name: String) -> ScriptValue? { values.removeValue(forKey: name) }
}
