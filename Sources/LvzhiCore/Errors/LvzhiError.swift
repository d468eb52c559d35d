/// An error the platform reports to a person: a stable code, a message in Chinese that names
/// the offending value, and (where there is one) what to do about it.
///
/// Every refusal in Lvzhi is an `LvzhiError`, whether it comes from the CLI, a Lua script or
/// (later) HTTP, so each interface shows the same words. The code is extensible, like
/// Hummingbird's `HTTPError` or GRDB's `ResultCode`: plugins add their own codes.
public struct LvzhiError: Error, Sendable, CustomStringConvertible {
    /// What kind of refusal this is; stable across releases, suitable for scripts and JSON.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A record the request names does not exist.
        public static let notFound = Code("not_found")
        /// A value given by the user is malformed or out of range.
        public static let invalidInput = Code("invalid_input")
        /// The acting user lacks a permission.
        public static let permissionDenied = Code("permission_denied")
        /// The module is not enabled for the office.
        public static let moduleDisabled = Code("module_disabled")
        /// The request conflicts with existing data (a duplicate code, say).
        public static let conflict = Code("conflict")
        /// The request breaks a rule of the domain (全员入委, the office tree, …).
        public static let ruleViolation = Code("rule_violation")
        /// An import was refused; nothing was written.
        public static let importRejected = Code("import_rejected")
        /// The database could not be opened or used.
        public static let storage = Code("storage")
        /// A Lua script failed (a syntax error, a runtime error).
        public static let scriptError = Code("script_error")
        /// A Lua script was stopped by a limit (time, memory, instructions).
        public static let limitExceeded = Code("limit_exceeded")
    }

    /// The kind of refusal.
    public var code: Code
    /// The message for a person, in Chinese, naming the offending value.
    public var message: String
    /// What to do about it, in Chinese; `nil` when the message says it all.
    public var hint: String?
    /// Further lines, one per problem, when a refusal has many (every bad row of an import).
    public var details: [String]
    /// The underlying error, if any (a database error, a file error).
    public var cause: (any Error)?

    public init(_ code: Code, _ message: String, hint: String? = nil, details: [String] = [], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.details = details
        self.cause = cause
    }

    /// The message, the details (indented) and the hint, as printed on a terminal.
    public var description: String {
        var lines = [message]
        lines += details.map { "  " + $0 }
        if let hint { lines.append("提示：\(hint)") }
        return lines.joined(separator: "\n")
    }
}

extension LvzhiError {
    /// A record that does not exist: `notFound("委员", "ID 42")` reads 「找不到委员：ID 42」.
    public static func notFound(_ entity: String, _ key: String, hint: String? = nil) -> LvzhiError {
        LvzhiError(.notFound, "找不到\(entity)：\(key)", hint: hint)
    }

    /// A malformed value: names the field and the value (cut short and made printable: see ``Swift/String/quotedForMessage``).
    public static func invalid(_ field: String, _ value: String, _ reason: String, hint: String? = nil) -> LvzhiError {
        LvzhiError(.invalidInput, "\(field)「\(value.quotedForMessage)」无效：\(reason)", hint: hint)
    }
}
