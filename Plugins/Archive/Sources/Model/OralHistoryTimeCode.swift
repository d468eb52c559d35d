import Foundation
import LvzhiCore

/// Time codes of recordings: 00:12:30, 12:30, 750 (seconds), 1小时5分, 95分钟, 30秒.
public enum TimeCode {
    /// Seconds from a time code.
    public static func parse(_ text: String, field: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCompatibilityMapping
        let invalid = LvzhiError.invalid(field, text, "不是可识别的时间", hint: "写 时:分:秒（00:12:30）、分:秒（12:30）、秒数（750），或 1小时5分、95分钟")
        if t.contains(":") {
            let parts = t.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { throw invalid }
            let numbers = parts.map { $0! }
            let (h, m, s) = numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : (0, numbers[0], numbers[1])
            guard s < 60, numbers.count == 2 || m < 60 else { throw invalid }
            return h * 3600 + m * 60 + s
        }
        if let seconds = Int(t) {
            guard seconds >= 0 else { throw invalid }
            return seconds
        }
        var total = 0, number = "", sawUnit = false
        var rest = Substring(t)
        while let c = rest.first {
            if c.isASCII, c.isNumber { number.append(c); rest.removeFirst(); continue }
            let units: [(String, Int)] = [("小时", 3600), ("时", 3600), ("分钟", 60), ("分", 60), ("秒钟", 1), ("秒", 1)]
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }), let n = Int(number) else { throw invalid }
            total += n * factor; number = ""; sawUnit = true
            rest.removeFirst(unit.count)
        }
        guard sawUnit, number.isEmpty else { throw invalid }
        return total
    }

    /// 00:12:30.
    public static func format(_ seconds: Int) -> String {
        String(format: "%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }
}
