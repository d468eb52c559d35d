import LvzhiCore

/// One parameter of a script API function, or one key of its option table: a name and the
/// kind of value it takes. The engine checks every argument against these before the function
/// runs, and `help()`, `docs/lua-api.md` and the signature are written from them.
public struct ScriptParameter: Sendable {
    /// The name (`id`, `cosigners`), as scripts write it and messages name it.
    public let name: String
    public let kind: ScriptParameterKind
    /// A positional parameter that may be left out (options are always optional).
    public let optional: Bool

    public init(_ name: String, _ kind: ScriptParameterKind, optional: Bool = false) {
        self.name = name; self.kind = kind; self.optional = optional
    }

    /// A text (数 written as digits, see ``ScriptParameterKind/text``).
    public static func text(_ name: String, optional: Bool = false) -> ScriptParameter { ScriptParameter(name, .text, optional: optional) }
    /// A record id.
    public static func id(_ name: String, optional: Bool = false) -> ScriptParameter { ScriptParameter(name, .id, optional: optional) }
    /// A whole number within `range` (``NumberRange``).
    public static func integer(_ name: String, in range: ClosedRange<Int>, optional: Bool = false) -> ScriptParameter {
        ScriptParameter(name, .integer(range), optional: optional)
    }
    /// `true` or `false`.
    public static func boolean(_ name: String) -> ScriptParameter { ScriptParameter(name, .boolean) }
    /// A calendar date (`2026-08-31`).
    public static func date(_ name: String) -> ScriptParameter { ScriptParameter(name, .date) }
    /// A list of record ids (`{12, 57}`).
    public static func ids(_ name: String) -> ScriptParameter { ScriptParameter(name, .ids(max: ScriptParameterKind.listMaximum)) }
    /// A list of texts (`{"市委宣传部", "市财政局"}`).
    public static func texts(_ name: String) -> ScriptParameter { ScriptParameter(name, .texts(max: ScriptParameterKind.listMaximum)) }
    /// The option table `{key = …}` with these keys (absent or nil: no options).
    public static func options(_ keys: [ScriptParameter]) -> ScriptParameter { ScriptParameter("选项", .options(keys), optional: true) }
    /// A text `name`, or an option table with these keys (`accept(id, "已接收")` or `accept(id, {note=, unit=})`).
    public static func textOrOptions(_ name: String, _ keys: [ScriptParameter]) -> ScriptParameter {
        ScriptParameter(name, .textOrOptions(keys), optional: true)
    }

    /// Whether it is an option table (or a text or an option table).
    var isTable: Bool {
        switch kind {
        case .options, .textOrOptions: return true
        default: return false
        }
    }

    /// How the signature shows it: `id`, `{note=, reviewers={…}}`, `note 或 {note=, unit=}`.
    var signature: String {
        switch kind {
        case .options(let keys): return "{" + keys.map(\.keySignature).joined(separator: ", ") + "}"
        case .textOrOptions(let keys): return "\(name) 或 {" + keys.map(\.keySignature).joined(separator: ", ") + "}"
        case .values: return "\(name)…"
        default: return name
        }
    }

    /// How an option key shows in a signature: `note=`, or `reviewers={…}` for a list.
    var keySignature: String {
        switch kind {
        case .ids, .texts: return "\(name)={…}"
        default: return "\(name)="
        }
    }

    /// The parameter for the reference: `id：ID`, or each key of an option table.
    public var reference: [String] {
        switch kind {
        case .options(let keys): return keys.flatMap(\.reference)
        case .textOrOptions(let keys): return ["\(name)：文字（或选项表）"] + keys.flatMap(\.reference)
        default: return ["\(name)：\(kind.expected)"]
        }
    }
}

/// The kinds of value a script API parameter takes, each read one way (``check(_:as:)``): any
/// other Lua type is refused with a Chinese message naming the parameter, the value and the kind.
public indirect enum ScriptParameterKind: Sendable {
    /// A string. A whole number is accepted and written as digits (a mobile number, a code typed
    /// without quotes); fractions, NaN, infinity, booleans, tables and functions are refused.
    case text
    /// A record id: a whole number from 1 (`12`, also `12.0`); text is refused.
    case id
    /// A whole number within the range (``NumberRange``); NaN, infinity and fractions are refused naming the range.
    case integer(ClosedRange<Int>)
    /// Only `true` or `false` (not `1`, `0` or `"yes"`).
    case boolean
    /// A date as text (`2026-08-31`; the forms ``CalendarDate/parse(_:field:)`` reads), checked to exist.
    case date
    /// A sequence `{12, 57}` of at most `max` ids (an empty table is an empty list).
    case ids(max: Int)
    /// A sequence `{"甲", "乙"}` of at most `max` texts.
    case texts(max: Int)
    /// A table of named options (string keys only, each with its kind); absent or nil: none.
    case options([ScriptParameter])
    /// A text (the note) or a table of named options.
    case textOrOptions([ScriptParameter])
    /// The rest of the arguments, each a string, a number or nil (`lvzhi.db.query(sql, …)`).
    case values
    /// A table of any shape, read by the function itself (report rows).
    case table

    /// The longest list a parameter takes.
    public static let listMaximum = 1000

    /// What the kind is, in the words of a message: 应为\(expected).
    public var expected: String {
        switch self {
        case .text: return "文字"
        case .id: return "ID（正整数）"
        case .integer(let range): return "\(range.lowerBound) 到 \(range.upperBound) 之间的整数"
        case .boolean: return "true 或 false"
        case .date: return "日期（如 2026-08-31）"
        case .ids(let max): return "ID 列表（如 {12, 57}，最多 \(max) 个）"
        case .texts(let max): return "文字列表（如 {\"甲\", \"乙\"}，最多 \(max) 个）"
        case .options: return "选项表（如 {name = …}）"
        case .textOrOptions: return "文字或选项表"
        case .values: return "文字、数或 nil"
        case .table: return "表"
        }
    }
}
