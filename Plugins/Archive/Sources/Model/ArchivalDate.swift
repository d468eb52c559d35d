import Foundation
import LvzhiCore

/// A date of archival description, as precise as it is known: a year (1950), a month
/// (1950-03) or a day (1950-03-12), possibly approximate (约1950年).
public enum ArchivalDate {
    /// Parses `1950`, `1950年`, `1950-3`, `1950年3月`, `1950-03-12`, `1950年3月12日`, each
    /// optionally preceded by 约 or followed by 前后 / 左右 (approximate); returns the stored
    /// form (YYYY, YYYY-MM or YYYY-MM-DD) and whether it is approximate.
    public static func parse(_ text: String, field: String) throws -> (value: String, approximate: Bool) {
        var t = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCompatibilityMapping
        var approximate = false
        for marker in ["约", "大约", "大概"] where t.hasPrefix(marker) { t.removeFirst(marker.count); approximate = true }
        for marker in ["前后", "左右", "许"] where t.hasSuffix(marker) { t.removeLast(marker.count); approximate = true }
        if t.hasSuffix("年代") { t.removeLast(2); approximate = true }
        let parts = t.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
            .split(separator: "-").map(String.init)
        let invalid = LvzhiError.invalid(field, text, "不是可识别的日期", hint: "写 1950、1950-03、1950-03-12 或 1950年3月12日；大约的加“约”，如 约1950年")
        guard (1...3).contains(parts.count), let year = Int(parts[0]), (1000...2200).contains(year) else { throw invalid }
        if parts.count == 1 { return (String(format: "%04d", year), approximate) }
        guard let month = Int(parts[1]), (1...12).contains(month) else { throw invalid }
        if parts.count == 2 { return (String(format: "%04d-%02d", year, month), approximate) }
        guard let day = Int(parts[2]), (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { throw invalid }
        return (CalendarDate.format(year: year, month: month, day: day), approximate)
    }

    /// The stored form for people: 1950年3月（约）.
    public static func display(_ value: String?, approximate: Bool) -> String {
        guard let value else { return "" }
        let parts = value.split(separator: "-").compactMap { Int($0) }
        var text = "\(parts[0])年"
        if parts.count > 1 { text += "\(parts[1])月" }
        if parts.count > 2 { text += "\(parts[2])日" }
        return approximate ? "约" + text : text
    }
}
