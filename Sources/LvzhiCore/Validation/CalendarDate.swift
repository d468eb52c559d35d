import Foundation

/// A calendar date as written in Chinese rosters, normalised to `YYYY-MM-DD`.
///
/// Accepts 1968-03-12, 1968/3/12, 1968.3.12, 19680312 and 1968年3月12日; refuses
/// impossible dates (1968-02-30) and years outside 1900–2100.
public enum CalendarDate {
    /// Parses and validates a date; `field` names the column in the error message.
    /// - Throws: ``LvzhiError`` naming the field and value.
    public static func parse(_ text: String, field: String = "日期") throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        var parts: [Int] = []
        if t.count == 8, t.allSatisfy(\.isASCII), let n = Int(t) {
            parts = [n / 10000, (n / 100) % 100, n % 100]
        } else {
            let normalised = t.replacingOccurrences(of: "日", with: "")
            let fields = normalised.split(whereSeparator: { "-/.年月".contains($0) })
            parts = fields.compactMap { Int($0) }
            if parts.count != 3 || fields.count != 3 { parts = [] }
        }
        guard parts.count == 3 else {
            throw LvzhiError.invalid(field, text, "无法识别的日期格式", hint: "请写成 1968-03-12、1968/3/12 或 1968年3月12日")
        }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        guard (1900...2100).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else {
            throw LvzhiError.invalid(field, text, "不存在的日期")
        }
        return format(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` for the given parts (assumed valid).
    public static func format(year: Int, month: Int, day: Int) -> String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(mm)-\(dd)"
    }

    /// `date` (`YYYY-MM-DD`) moved by `months`, the day clamped to the month's length
    /// (2026-05-31 − 3 months = 2026-02-28).
    public static func adding(months: Int, to date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        let total = parts[0] * 12 + (parts[1] - 1) + months
        let year = total / 12, month = total % 12 + 1
        return format(year: year, month: month, day: min(parts[2], daysIn(month: month, year: year)))
    }

    /// `date` (`YYYY-MM-DD`) moved by `days`.
    public static func adding(days: Int, to date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        var (y, m, d) = (parts[0], parts[1], parts[2] + days)
        while d > daysIn(month: m, year: y) { d -= daysIn(month: m, year: y); m += 1; if m > 12 { m = 1; y += 1 } }
        while d < 1 { m -= 1; if m < 1 { m = 12; y -= 1 }; d += daysIn(month: m, year: y) }
        return format(year: y, month: m, day: d)
    }

    /// Days from `start` to `end` (both `YYYY-MM-DD`); negative when `end` is earlier.
    public static func days(from start: String, to end: String) -> Int {
        dayNumber(end) - dayNumber(start)
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (for differences only).
    static func dayNumber(_ date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let m = parts[1] <= 2 ? parts[1] + 9 : parts[1] - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + parts[2] - 1
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
