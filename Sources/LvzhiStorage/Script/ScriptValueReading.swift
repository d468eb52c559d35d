import LvzhiCore

/// The one way a script API reads each kind of argument (``ScriptParameterKind``) from the value
/// a script gave: anything else is refused with a Chinese message naming the parameter, the value
/// (cut short) and the kind expected.
extension ScriptValue {
    /// What the value is, in Chinese, with the value itself (cut short): 整数 57、文字「经济界」、没有值.
    public var kindForMessage: String {
        switch self {
        case .nil: return "没有值"
        case .boolean(let b): return "布尔值 \(b)"
        case .integer(let i): return "整数 \(i)"
        case .number(let d):
            if d.isNaN { return "非数（NaN）" }
            if d.isInfinite { return d > 0 ? "无穷大" : "负无穷大" }
            return "小数 \(d)"
        case .string(let s): return "文字「\(s.quotedForMessage)」"
        case .table: return "表 \(description.quotedForMessage)"
        case .other(let name): return Self.typeNames[name] ?? name
        }
    }

    /// Lua's names of the types ``ScriptValue/other(_:)`` holds, in Chinese.
    static let typeNames = ["function": "函数", "thread": "协程", "userdata": "用户数据", "lightuserdata": "用户数据"]

    /// The refusal of this value for `label`: 「label 应为 expected，实际是 …」.
    public func refused(_ label: String, expected: String, hint: String? = nil) -> LvzhiError {
        let gap = { (c: Character?) in c.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false }
        let text = label + (gap(label.last) ? " " : "") + "应为" + (gap(expected.first) ? " " : "") + expected
        return LvzhiError(.invalidInput, "\(text)，实际是\(kindForMessage)", hint: hint)
    }

    /// A whole number (an integer, or a float with no fraction within Int64), if it is one.
    var wholeNumber: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let d) where d.isFinite && d == d.rounded() && d >= -9.2e18 && d <= 9.2e18: return Int64(d)
        default: return nil
        }
    }

    /// The value as text (``ScriptParameterKind/text``).
    public func text(as label: String) throws -> String {
        if case .string(let s) = self { return s }
        if let n = wholeNumber { return String(n) }
        throw refused(label, expected: ScriptParameterKind.text.expected)
    }

    /// The value as a record id (``ScriptParameterKind/id``).
    public func id(as label: String) throws -> Int64 {
        guard let n = wholeNumber, n >= 1 else {
            throw refused(label, expected: ScriptParameterKind.id.expected,
                          hint: { if case .string = self { return "文字可先用 tonumber() 转成数" }; return nil }())
        }
        return n
    }

    /// The value as a whole number within `range` (``ScriptParameterKind/integer(_:)``).
    public func integer(in range: ClosedRange<Int>, as label: String) throws -> Int {
        guard let n = wholeNumber, n >= Int64(range.lowerBound), n <= Int64(range.upperBound) else {
            throw refused(label, expected: ScriptParameterKind.integer(range).expected,
                          hint: { if case .string = self { return "文字可先用 tonumber() 转成数" }; return nil }())
        }
        return Int(n)
    }

    /// The value as `true` or `false` (``ScriptParameterKind/boolean``).
    public func boolean(as label: String) throws -> Bool {
        guard case .boolean(let b) = self else { throw refused(label, expected: ScriptParameterKind.boolean.expected) }
        return b
    }

    /// The value as a date `YYYY-MM-DD` (``ScriptParameterKind/date``).
    public func date(as label: String) throws -> String {
        guard case .string(let s) = self else { throw refused(label, expected: ScriptParameterKind.date.expected) }
        return try CalendarDate.parse(s, field: label)
    }

    /// The items of a list argument: a sequence 1…n of at most `max` items, nothing else in the table.
    func listItems(max: Int, kind: ScriptParameterKind, as label: String) throws -> [ScriptValue] {
        guard case .table(let entries) = self else { throw refused(label, expected: kind.expected) }
        guard entries.count <= max else {
            throw LvzhiError(.invalidInput, "\(label) 最多 \(max) 项，实际超过 \(max) 项", hint: "请分批处理")
        }
        guard let items = arrayItems else { throw refused(label, expected: kind.expected, hint: "列表是 1…n 的序列，不能有其他键") }
        return items
    }

    /// The value as a list of ids (``ScriptParameterKind/ids(max:)``).
    public func ids(max: Int, as label: String) throws -> [Int64] {
        try listItems(max: max, kind: .ids(max: max), as: label).enumerated().map { try $0.element.id(as: "\(label) 第 \($0.offset + 1) 项") }
    }

    /// The value as a list of texts (``ScriptParameterKind/texts(max:)``).
    public func texts(max: Int, as label: String) throws -> [String] {
        try listItems(max: max, kind: .texts(max: max), as: label).enumerated().map { try $0.element.text(as: "\(label) 第 \($0.offset + 1) 项") }
    }
}

extension ScriptParameterKind {
    /// Refuses `value` unless it is of this kind (nil passes: whether a value is required is the parameter's).
    public func check(_ value: ScriptValue, as label: String) throws {
        if case .nil = value { return }
        switch self {
        case .text: _ = try value.text(as: label)
        case .id: _ = try value.id(as: label)
        case .integer(let range): _ = try value.integer(in: range, as: label)
        case .boolean: _ = try value.boolean(as: label)
        case .date: _ = try value.date(as: label)
        case .ids(let max): _ = try value.ids(max: max, as: label)
        case .texts(let max): _ = try value.texts(max: max, as: label)
        case .options(let keys): _ = try ScriptOptions(value, keys: keys, as: label)
        case .textOrOptions(let keys):
            if case .string = value { return }
            guard case .table = value else { throw value.refused(label, expected: expected) }
            _ = try ScriptOptions(value, keys: keys, as: label)
        case .values:
            switch value {
            case .string, .integer, .number: return
            default: throw value.refused(label, expected: expected)
            }
        case .table:
            guard case .table = value else { throw value.refused(label, expected: expected) }
        }
    }
}
