/// A table printed as aligned text on a terminal, measuring display width (a Chinese
/// character is two columns), not bytes or characters.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns (by index) aligned right, e.g. counts.
    public var rightAligned: Set<Int>

    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.headers = headers; self.rows = rows; self.rightAligned = rightAligned
    }

    /// The table as lines of text: header, a rule, the rows; columns separated by two spaces.
    public func render() -> String {
        let count = max(headers.count, rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 0, count: count)
        for row in [headers] + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for i in 0..<count {
                let cell = i < row.count ? row[i] : ""
                cells.append(DisplayWidth.pad(cell, to: widths[i], right: rightAligned.contains(i)))
            }
            var text = cells.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
