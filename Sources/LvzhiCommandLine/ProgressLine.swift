import Foundation
import LvzhiCore

/// How far long work has come (an import, the demo, a fixity check, an export): one line on
/// standard error, redrawn in place, when standard error is a terminal; nothing at all when it
/// is not (a pipe, a log file, a test), so output meant for scripts stays clean.
///
/// ```swift
/// let progress = ProgressLine("导入委员")
/// defer { progress.finish() }
/// progress.update(done, of: total)                       // 导入委员 [████████░░░░░░░░] 50%  5000/10000
/// progress.update(done, of: total, detail: "1.2 GB")     // with a detail after the counts
/// progress.step("[3/10] 政协达拉特旗委员会")              // a step without counts
/// ```
///
/// Redraws at most ten times a second, so a caller may report every item.
public final class ProgressLine {
    /// What the work is, in Chinese (导入委员, 固定性检查).
    public let label: String
    /// Whether anything is drawn (standard error is a terminal).
    public let isEnabled: Bool
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private static let barWidth = 20
    private static let minimumInterval: UInt64 = 100_000_000  // nanoseconds

    public init(_ label: String, isEnabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.isEnabled = isEnabled
    }

    /// Shows `done` of `total` (a bar and a percentage), with an optional detail after the counts.
    public func update(_ done: Int, of total: Int, detail: String? = nil) {
        guard isEnabled, shouldDraw(final: done >= total) else { return }
        let fraction = total > 0 ? min(max(Double(done) / Double(total), 0), 1) : 0
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.barWidth - filled)
        draw("\(label) [\(bar)] \(Int((fraction * 100).rounded(.down)))%  \(done)/\(total)" + (detail.map { "  \($0)" } ?? ""))
    }

    /// Shows a step of work that has no counts (the demo's offices), replacing the previous one.
    public func step(_ text: String) {
        guard isEnabled else { return }
        lastDraw = DispatchTime.now().uptimeNanoseconds
        draw("\(label)：\(text)")
    }

    /// Clears the line, so what the command prints next starts on a clean line.
    public func finish() {
        guard isEnabled, drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    private func shouldDraw(final: Bool) -> Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        guard final || !drawn || now - lastDraw >= Self.minimumInterval else { return false }
        lastDraw = now
        return true
    }

    private func draw(_ text: String) {
        drawn = true
        write("\r\u{1B}[K" + Self.fitting(text))
    }

    /// `text` cut to the terminal's width (Chinese characters count two columns), so it never wraps.
    public static func fitting(_ text: String) -> String {
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) - 1 : 79
        var width = 0
        var result = ""
        for character in text {
            let w = DisplayWidth.of(String(character))
            if width + w > columns { break }
            width += w
            result.append(character)
        }
        return result
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
