import LvzhiCore
import LvzhiStorage

/// A table a script reports: a title, column headers and rows of cells.
///
/// Built from what scripts naturally have: an array of arrays (`{{"经济界", 12}, …}`) or an
/// array of records (`lvzhi.members.list{}`) with `columns` naming the fields to show and
/// `headers` their Chinese titles.
public struct ReportTable: Sendable {
    public var title: String?
    public var headers: [String]
    public var rows: [[ScriptValue]]

    /// Whether every non-empty cell of column `index` is a number (right-aligned, numeric in Excel).
    public func isNumeric(_ index: Int) -> Bool {
        var sawNumber = false
        for row in rows where index < row.count {
            switch row[index] {
            case .integer, .number: sawNumber = true
            case .nil: continue
            default: return false
            }
        }
        return sawNumber
    }

    /// The table from a script's `rows` and `options` (`{title=, columns=, headers=}`).
    /// - Throws: ``LvzhiError`` saying what is wrong with the rows or options.
    /// A table of text cells (numbers written as digits are kept as numbers in Excel).
    public init(title: String?, headers: [String], rows: [[String]]) {
        self.title = title
        self.headers = headers
        self.rows = rows.map { $0.map { Int64($0).map(ScriptValue.integer) ?? .string($0) } }
    }

    public init(rows value: ScriptValue, options: ScriptValue?) throws {
        guard let items = value.arrayItems else {
            throw LvzhiError.invalid("报表行", value.description.prefix(40).description, "应为数组：每行一个数组或一条记录")
        }
        title = options?["title"].map(\.plainText)
        let columns = try options?["columns"].map { value -> [String] in
            guard let list = value.arrayItems else { throw LvzhiError.invalid("columns", value.description, "应为字段名数组") }
            return list.map(\.plainText)
        }
        let headers = try options?["headers"].map { value -> [String] in
            guard let list = value.arrayItems else { throw LvzhiError.invalid("headers", value.description, "应为列标题数组") }
            return list.map(\.plainText)
        }
        var rows: [[ScriptValue]] = []
        var keys = columns
        for (number, item) in items.enumerated() {
            if let cells = item.arrayItems {
                rows.append(cells)
            } else if case .table(let entries) = item {
                if keys == nil {
                    keys = entries.compactMap { if case .string(let k) = $0.key { return k } else { return nil } }.sorted()
                }
                rows.append(keys!.map { item[$0] ?? .nil })
            } else {
                throw LvzhiError.invalid("报表第 \(number + 1) 行", item.description, "应为数组或记录（表）")
            }
        }
        let width = max(rows.map(\.count).max() ?? 0, headers?.count ?? 0, keys?.count ?? 0)
        if let headers, headers.count != width, !rows.isEmpty {
            throw LvzhiError.invalid("headers", headers.joined(separator: ","), "列数（\(headers.count)）与数据列数（\(width)）不符")
        }
        self.headers = headers ?? keys ?? (0..<width).map { "第\($0 + 1)列" }
        self.rows = rows.map { $0 + Array(repeating: .nil, count: max(0, width - $0.count)) }
    }

    /// The table as aligned text (Chinese characters two columns wide).
    public func text() -> String {
        let numeric = Set(headers.indices.filter(isNumeric))
        let body = TextTable(headers: headers, rows: rows.map { $0.map(\.plainText) }, rightAligned: numeric).render()
        return (title.map { $0 + "\n" } ?? "") + body
    }
}
