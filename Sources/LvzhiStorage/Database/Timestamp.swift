import Foundation

/// Times as Lvzhi stores them: UTC, ISO 8601 with milliseconds, so they sort as text.
///
/// "Now" is the real clock unless a caller has set ``Timestamp/simulatedNow`` for the work
/// it does (the demo replays a year of proposals on the days they happened; tests step past
/// deadlines). Every stored time and every "today" of the platform comes from here.
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
    public static func format(_ date: Date) -> String { storedFormatter().string(from: date) }

    /// The instant a stored timestamp names, or `nil` if it is not one.
    public static func parse(_ stored: String) -> Date? { storedFormatter().date(from: stored) }

    /// A formatter for the stored form (formatters are not thread-safe: one per use).
    private static func storedFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return formatter
    }

    /// The UTC instant of midnight in Beijing (UTC+8) at the start of `date` (`YYYY-MM-DD`),
    /// for "since this day" filters over stored timestamps.
    public static func beijingMidnightUTC(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.year = parts[0]; components.month = parts[1]; components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let instant = calendar.date(from: components) ?? Date()
        return format(instant)
    }

    /// A stored timestamp shown in Beijing time: `2026-11-22 16:30:00`.
    public static func display(_ stored: String) -> String {
        guard let date = parse(stored) else { return stored }
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// The day (Beijing time, `YYYY-MM-DD`) of a stored timestamp.
    public static func beijingDay(_ stored: String) -> String {
        guard let date = parse(stored) else { return String(stored.prefix(10)) }
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// Today's date in Beijing, `YYYY-MM-DD`.
    public static func todayInBeijing() -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: current)
    }
}
