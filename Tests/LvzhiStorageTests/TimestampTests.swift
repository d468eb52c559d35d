import Foundation
import Testing
@testable import LvzhiStorage

/// The stored and displayed forms of times, checked against Foundation's formatters.
@Suite("时间：存储形式、北京时间")
struct TimestampTests {
    func formatter(_ format: String, offset: Int) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: offset)!
        f.dateFormat = format
        return f
    }

    @Test("与 DateFormatter 一致：UTC 存储形式、北京时间的日期和显示，含闰年、年末和 1970 年以前")
    func matchesFoundation() throws {
        let stored = formatter("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", offset: 0)
        let display = formatter("yyyy-MM-dd HH:mm:ss", offset: 8 * 3600)
        let day = formatter("yyyy-MM-dd", offset: 8 * 3600)
        var seconds = -2_208_988_800.0   // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: seconds + 0.123)
            let text = Timestamp.format(date)
            #expect(text == stored.string(from: date))
            #expect(Timestamp.parse(text).map { abs($0.timeIntervalSince(date)) < 0.001 } == true)
            #expect(Timestamp.display(text) == display.string(from: date))
            #expect(Timestamp.beijingDay(text) == day.string(from: date))
            seconds += 7_777_777.7
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_767_196_799.999)) == "2025-12-31T15:59:59.999Z")
        #expect(Timestamp.beijingDay("2025-12-31T16:00:00.000Z") == "2026-01-01")
        #expect(Timestamp.beijingMidnightUTC("2024-02-29") == "2024-02-28T16:00:00.000Z")
        #expect(Timestamp.parse("2026-13-01T00:00:00.000Z") == nil && Timestamp.parse("2026-11-22") == nil)
    }

    @Test("pretending 改变“今天”，只在闭包之内")
    func pretending() {
        let real = Timestamp.todayInBeijing()
        Timestamp.pretending("2026-03-01") { #expect(Timestamp.todayInBeijing() == "2026-03-01") }
        #expect(Timestamp.todayInBeijing() == real)
    }
}
