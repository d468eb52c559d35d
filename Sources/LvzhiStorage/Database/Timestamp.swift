import Foundation
import LvzhiCore

/// Times as Lvzhi stores them: UTC, ISO 8601 with milliseconds, so they sort as text.
///
/// "Now" is the real clock unless a caller has set ``Timestamp/simulatedNow`` for the work
/// it does (the demo replays a year of proposals on the days they happened; tests step past
/// deadlines). Every stored time and every "today" of the platform comes from here.
///
/// The conversions are arithmetic on the proleptic Gregorian calendar (``CalendarDate``'s
/// epoch days; UTC, and Beijing at a fixed UTC+8 without daylight saving), not `DateFormatter`: every write stamps several
/// times, and building formatters was a fifth of the demo's CPU time.
public enum Timestamp {
    /// The instant that stands for now inside `Timestamp.$simulatedNow.withValue(…) { … }`;
    /// nil (the default): the real clock.
    @TaskLocal public static var simulatedNow: Date?

    /// Runs `body` as if it were `date` (`YYYY-MM-DD`, at `hour` o'clock Beijing time).
    public static func pretending<T>(_ date: String, hour: Int = 10, _ body: () throws -> T) rethrows -> T {
        let midnight = parse(beijingMidnightUTC(date)) ?? Date()
        return try $simulatedNow.withValue(midnight.addingTimeInterval(Double(hour) * 3600), operation: body)
    }

    /// The current instant: the simulated one when set, else the real clock.
    public static var current: Date { simulatedNow ?? Date() }

    /// Now, e.g. `2026-11-22T08:30:00.123Z`.
    public static func now() -> String { format(current) }

    /// `date` in the stored form.
    public static func format(_ date: Date) -> String {
        let (days, rest) = floorDivision(milliseconds(date), 86_400_000)
        let (y, m, d) = CalendarDate.civil(epochDay: days)
        let time = Int(rest)
        return day(y, m, d) + "T" + two(time / 3_600_000) + ":" + two(time / 60_000 % 60) + ":" + two(time / 1000 % 60)
            + "." + three(time % 1000) + "Z"
    }

    /// The instant a stored timestamp names, or `nil` if it is not one.
    public static func parse(_ stored: String) -> Date? {
        let u = Array(stored.utf8)
        guard u.count == 24, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58, u[19] == 46, u[23] == 90,
              let y = number(u, 0, 4), let mo = number(u, 5, 2), let d = number(u, 8, 2), let h = number(u, 11, 2),
              let mi = number(u, 14, 2), let s = number(u, 17, 2), let ms = number(u, 20, 3),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        let total = (CalendarDate.epochDay(year: y, month: mo, day: d) * 86_400 + Int64(h * 3600 + mi * 60 + s)) * 1000 + Int64(ms)
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    /// The UTC instant of midnight in Beijing (UTC+8) at the start of `date` (`YYYY-MM-DD`),
    /// for "since this day" filters over stored timestamps.
    public static func beijingMidnightUTC(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return format(current) }
        let seconds = CalendarDate.epochDay(year: parts[0], month: parts[1], day: parts[2]) * 86_400 - 8 * 3600
        return format(Date(timeIntervalSince1970: Double(seconds)))
    }

    /// A stored timestamp shown in Beijing time: `2026-11-22 16:30:00`.
    public static func display(_ stored: String) -> String {
        guard let date = parse(stored) else { return stored }
        let (days, rest) = floorDivision(seconds(date) + 8 * 3600, 86_400)
        let (y, m, d) = CalendarDate.civil(epochDay: days)
        let time = Int(rest)
        return day(y, m, d) + " " + two(time / 3600) + ":" + two(time / 60 % 60) + ":" + two(time % 60)
    }

    /// The day (Beijing time, `YYYY-MM-DD`) of a stored timestamp.
    public static func beijingDay(_ stored: String) -> String {
        guard let date = parse(stored) else { return String(stored.prefix(10)) }
        return beijingDay(of: date)
    }

    /// Today's date in Beijing, `YYYY-MM-DD`.
    public static func todayInBeijing() -> String { beijingDay(of: current) }

    /// The day in Beijing of an instant.
    static func beijingDay(of date: Date) -> String {
        let (days, _) = floorDivision(seconds(date) + 8 * 3600, 86_400)
        let (y, m, d) = CalendarDate.civil(epochDay: days)
        return day(y, m, d)
    }

    /// The instant in whole milliseconds (rounded to the nearest, as the stored form shows it).
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The whole second the stored form of the instant falls in.
    static func seconds(_ date: Date) -> Int64 { floorDivision(milliseconds(date), 1000).0 }

    static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    static func number(_ u: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var n = 0
        for i in start..<(start + count) {
            guard (48...57).contains(u[i]) else { return nil }
            n = n * 10 + Int(u[i] - 48)
        }
        return n
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> String {
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(m) + "-" + two(d)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
    static func three(_ n: Int) -> String { n < 10 ? "00" + String(n) : (n < 100 ? "0" + String(n) : String(n)) }
}
