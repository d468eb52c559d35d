import Foundation

/// A calendar date as written in Chinese rosters, normalised to `YYYY-MM-DD`.
///
/// Accepts 1968-03-12, 1968/3/12, 1968.3.12, 19680312 and 1968年3月12日 (the year first, in
/// four digits); refuses other forms (03/12/2026) with the expected form, impossible dates
/// (1968-02-30), and years outside the range the field allows (0001–9999 for a general date,
/// ``birthYears`` for a birth date).
public enum CalendarDate {
    /// The years a general date may fall in (what `YYYY-MM-DD` can write).
    public static let allYears = 1...9999
    /// The years a birth date may fall in: a plausible range for a living member.
    public static let birthYears = 1900...2100
    /// The forms a date may be written in, for messages.
    public static let formsHint = "请写成 年-月-日（年份四位数字），如 2026-03-12，也可写 2026/3/12、2026.3.12、20260312 或 2026年3月12日"

    /// Parses and validates a date; `field` names the column in the error message, `years`
    /// the years it may fall in.
    /// - Throws: ``LvzhiError`` naming the field and value: an unrecognised form (saying which
    ///   form is expected), a year outside `years` (saying the range), or a day that does not exist.
    public static func parse(_ text: String, field: String = "日期", years: ClosedRange<Int> = allYears) throws -> String {
        guard let parts = numbers(in: text.trimmed) else {
            throw LvzhiError.invalid(field, text, "无法识别的日期格式", hint: formsHint)
        }
        let (y, m, d) = parts
        guard years.contains(y) else {
            throw LvzhiError.invalid(field, text, "年份应在 \(format(year: years.lowerBound)) 至 \(format(year: years.upperBound)) 之间")
        }
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else {
            throw LvzhiError.invalid(field, text, "不存在的日期（\(y) 年没有 \(m) 月 \(d) 日）")
        }
        return format(year: y, month: m, day: d)
    }

    /// A year as dates write it: four digits (0001).
    static func format(year: Int) -> String {
        String(format(year: year, month: 1, day: 1).prefix(4))
    }

    /// The year, month and day written in `t` (`19680312`, `1968-03-12`, `1968/3/12`, `1968.3.12`,
    /// `1968年3月12日`), read in one pass over its scalars; nil for anything else, including a
    /// year not written in four digits (03/12/2026 is month first, not a year 3).
    static func numbers(in t: String) -> (Int, Int, Int)? {
        var numbers: [Int] = []
        var current = 0, digits = 0, closed = false, yearDigits = 0
        for scalar in t.unicodeScalars {
            guard !closed else { return nil }
            switch scalar {
            case "0"..."9":
                guard digits < 8 else { return nil }
                current = current * 10 + Int(scalar.value - 48)
                digits += 1
            case "-", "/", ".", "年", "月", "日":
                guard digits > 0, numbers.count < 3 else { return nil }
                if numbers.isEmpty { yearDigits = digits }
                numbers.append(current)
                (current, digits) = (0, 0)
                closed = scalar == "日"
            default: return nil
            }
        }
        if digits > 0 { numbers.append(current) }
        if numbers.count == 1, digits == 8, let n = numbers.first { return (n / 10000, (n / 100) % 100, n % 100) }
        guard numbers.count == 3, yearDigits == 4, !(digits == 0 && !closed) else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// `YYYY-MM-DD` for the given parts (assumed valid).
    public static func format(year: Int, month: Int, day: Int) -> String {
        let yyyy = year >= 1000 ? "\(year)" : String(repeating: "0", count: year < 10 ? 3 : year < 100 ? 2 : 1) + "\(year)"
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(yyyy)-\(mm)-\(dd)"
    }

    /// The first and last day date arithmetic may reach (0001-01-01 … 9999-12-31), as days from 1970-01-01.
    static let earliestDay = epochDay(year: 1, month: 1, day: 1)
    static let latestDay = epochDay(year: 9999, month: 12, day: 31)

    /// `date` (`YYYY-MM-DD`) moved by `months`, the day clamped to the month's length
    /// (2026-05-31 − 3 months = 2026-02-28); the result stays within 0001-01-01 … 9999-12-31,
    /// however large `months` is (callers refuse unreasonable input before they get here).
    public static func adding(months: Int, to date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        let (first, last) = (1 * 12, 9999 * 12 + 11)
        let start = parts[0] * 12 + (parts[1] - 1)
        let (sum, overflow) = start.addingReportingOverflow(months)
        let total = overflow ? (months > 0 ? last : first) : min(max(sum, first), last)
        let year = total / 12, month = total % 12 + 1
        return format(year: year, month: month, day: min(parts[2], daysIn(month: month, year: year)))
    }

    /// `date` (`YYYY-MM-DD`) moved by `days`, in constant time; the result stays within
    /// 0001-01-01 … 9999-12-31, however large `days` is.
    public static func adding(days: Int, to date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        let (sum, overflow) = epochDay(year: parts[0], month: parts[1], day: parts[2]).addingReportingOverflow(Int64(days))
        let day = overflow ? (days > 0 ? latestDay : earliestDay) : min(max(sum, earliestDay), latestDay)
        let (y, m, d) = civil(epochDay: day)
        return format(year: y, month: m, day: d)
    }

    /// Days from `start` to `end` (both `YYYY-MM-DD`); negative when `end` is earlier.
    public static func days(from start: String, to end: String) -> Int {
        Int(epochDay(end) - epochDay(start))
    }

    /// Days from 1970-01-01 to `date` (`YYYY-MM-DD`) in the proleptic Gregorian calendar; 0 for text that is not a date.
    static func epochDay(_ date: String) -> Int64 {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        return epochDay(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Days from 1970-01-01 to the given day (Howard Hinnant's days-from-civil).
    public static func epochDay(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month), d = Int64(day)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The year, month and day `days` after 1970-01-01 (civil-from-days).
    public static func civil(epochDay days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    /// The number of days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
