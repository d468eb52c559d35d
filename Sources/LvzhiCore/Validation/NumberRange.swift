/// The ranges the numbers people give must lie in, and the one check of them.
///
/// Every number that reaches date arithmetic, a loop or a size (a year, a number of days, a
/// limit) is checked against its range where the CLI and scripts meet the domain, so a value
/// such as `math.maxinteger` is a clear refusal naming the range, never an overflow or a hang.
public enum NumberRange {
    /// A year of the CPPCC's records (年度).
    public static let year: ClosedRange<Int> = 1949...2200
    /// How many days ahead a warning looks (about ten years).
    public static let days: ClosedRange<Int> = 0...3660
    /// How many records one page of results may hold.
    public static let limit: ClosedRange<Int> = 1...10_000
    /// How many records a page may skip.
    public static let offset: ClosedRange<Int> = 0...1_000_000
    /// A term (届) or plenary session (次) number, an ordinal such as a version or a position.
    public static let ordinal: ClosedRange<Int> = 1...10_000
    /// How many things to draw or sample, or to aim for (抽查件数, 目标件数).
    public static let count: ClosedRange<Int> = 0...1_000_000

    /// `value`, when it lies in `range`.
    /// - Throws: ``LvzhiError`` `invalidInput` naming the field, the value and the range.
    @discardableResult
    public static func check(_ value: Int, in range: ClosedRange<Int>, field: String, hint: String? = nil) throws -> Int {
        guard range.contains(value) else {
            throw LvzhiError.invalid(field, String(value), "应在 \(range.lowerBound) 到 \(range.upperBound) 之间", hint: hint)
        }
        return value
    }

    /// `value` checked as ``check(_:in:field:hint:)``, or nil when not given.
    @discardableResult
    public static func checkIfGiven(_ value: Int?, in range: ClosedRange<Int>, field: String, hint: String? = nil) throws -> Int? {
        try value.map { try check($0, in: range, field: field, hint: hint) }
    }
}
