import Foundation
import LvzhiCore
import LvzhiStorage

/// A year replayed on the days things happened: steps are scheduled on a day in any order,
/// then run in the order of their days, each as if it were that day (``Timestamp/pretending(_:hour:_:)``),
/// so stored times, due dates and "today" checks all see a plausible calendar.
///
/// A day later than the real today is run as today instead (the demo never writes a time in
/// the future); the order is kept, so a step still comes after the steps it depends on.
final class DemoTimeline {
    private struct Step {
        let day: String
        /// Within a day: lower ranks first (a bulk publication before the ratings that follow it).
        let rank: Int
        let sequence: Int
        let hour: Int
        let run: () throws -> Void
    }

    private var steps: [Step] = []

    /// Schedules `run` on `day` (`YYYY-MM-DD`); steps of the same day and rank keep the order they were scheduled in.
    func on(_ day: String, rank: Int = 1, _ run: @escaping () throws -> Void) {
        steps.append(Step(day: day, rank: rank, sequence: steps.count, hour: 9 + steps.count % 8, run: run))
    }

    /// How many steps are scheduled.
    var count: Int { steps.count }

    /// Runs every step in calendar order, none later than `today`, then forgets them.
    func run(today: String) throws {
        let ordered = steps.sorted { ($0.day, $0.rank, $0.sequence) < ($1.day, $1.rank, $1.sequence) }
        steps.removeAll()
        // The same as `Timestamp.pretending(day, hour:)` for each step, with each day's midnight
        // worked out once (the day arithmetic costs more than many a step).
        var midnights: [String: Date] = [:]
        for step in ordered {
            let day = min(step.day, today)
            let midnight = midnights[day] ?? Timestamp.pretending(day, hour: 0) { Timestamp.current }
            midnights[day] = midnight
            try Timestamp.$simulatedNow.withValue(midnight.addingTimeInterval(Double(step.hour) * 3600)) { try step.run() }
        }
    }
}

/// Calendar arithmetic for the demo: days, working days (weekends and the main public holidays
/// of 2025–2026 skipped) and random days in a range.
enum DemoDays {
    /// The main public holidays (inclusive ranges) when the office and the units do not work.
    static let holidays: [(String, String)] = [
        ("2025-10-01", "2025-10-08"), ("2026-01-01", "2026-01-03"), ("2026-02-14", "2026-02-23"),
        ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-08"),
    ]

    /// `date` moved by `days`.
    static func add(_ days: Int, to date: String) -> String { CalendarDate.adding(days: days, to: date) }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(_ date: String) -> Int {
        let days = CalendarDate.days(from: "2024-01-01", to: date)  // a Monday
        return ((days % 7) + 7) % 7
    }

    /// Whether offices work on `date`.
    static func isWorkday(_ date: String) -> Bool {
        weekday(date) < 5 && !holidays.contains { date >= $0.0 && date <= $0.1 }
    }

    /// `date` itself if it is a working day, else the next working day.
    static func workday(_ date: String) -> String {
        var day = date
        while !isWorkday(day) { day = add(1, to: day) }
        return day
    }

    /// The working day `n` working days after `date`.
    static func workdays(_ n: Int, after date: String) -> String {
        var day = date
        for _ in 0..<n { day = workday(add(1, to: day)) }
        return day
    }

    /// A random day in `from…to` (inclusive), moved to a working day unless `anyDay`.
    static func between(_ from: String, _ to: String, anyDay: Bool = false, using random: inout DemoRandom) -> String {
        let span = max(0, CalendarDate.days(from: from, to: to))
        let day = add(Int.random(in: 0...span, using: &random), to: from)
        return anyDay ? day : min(workday(day), max(to, from))
    }

    /// `date` written in a reply letter: 2026年4月12日.
    static func chinese(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }
}
