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

    /// The most rows a report may have (Excel's sheet holds 1,048,576 with the header).
    public static let maxRows = 1_000_000
    /// The most columns a report may have.
    public static let maxColumns = ScriptParameterKind.listMaximum

    /// `records`: how the record types a script has been given show (``RecordColumns``): records
    /// without `columns` show their fields in the order of the smallest type that has them all
    /// (else alphabetically), and without `headers` under that type's Chinese headers.
    public init(rows value: ScriptValue, options: ScriptValue?, records: [RecordColumns] = []) throws {
        guard case .table(let entries) = value else {
            throw value.refused("报表行", expected: "数组：每行一个数组或一条记录")
        }
        guard entries.count <= Self.maxRows else {
            throw LvzhiError(.invalidInput, "报表最多 \(Self.maxRows) 行，这张表超过了", hint: "请分成几张表，或先汇总")
        }
        guard let items = value.arrayItems else {
            throw value.refused("报表行", expected: "数组：每行一个数组或一条记录（1…n 的序列）")
        }
        let options = try ScriptOptions(options ?? .nil, keys: [.text("title"), .texts("columns"), .texts("headers")], as: "报表选项")
        title = options["title"]
        let columns = options.values["columns"] == nil ? nil : try options.texts("columns")
        let headers = options.values["headers"] == nil ? nil : try options.texts("headers")
        var rows: [[ScriptValue]] = []
        rows.reserveCapacity(items.count)
        let record = Self.recordColumns(items, records)
        var keys = columns ?? record.map { $0.fields }
        for (number, item) in items.enumerated() {
            if case .table(let cells) = item, cells.count > Self.maxColumns {
                throw LvzhiError(.invalidInput, "报表第 \(number + 1) 行超过 \(Self.maxColumns) 列", hint: "一张报表最多 \(Self.maxColumns) 列")
            }
            if let cells = item.arrayItems {
                rows.append(cells)
            } else if case .table(let entries) = item {
                if keys == nil {
                    keys = entries.compactMap { if case .string(let k) = $0.key { return k } else { return nil } }.sorted()
                }
                rows.append(keys!.map { item[$0] ?? .nil })
            } else {
                throw item.refused("报表第 \(number + 1) 行", expected: "数组或记录（表）")
            }
        }
        let width = max(rows.map(\.count).max() ?? 0, headers?.count ?? 0, keys?.count ?? 0)
        if let headers, headers.count != width, !rows.isEmpty {
            throw LvzhiError.invalid("headers", headers.joined(separator: ","), "列数（\(headers.count)）与数据列数（\(width)）不符")
        }
        self.headers = headers ?? keys.map { $0.map { record?.headers[$0] ?? $0 } } ?? (0..<width).map { "第\($0 + 1)列" }
        self.rows = rows.map { $0 + Array(repeating: .nil, count: max(0, width - $0.count)) }
    }

    /// How the records among `items` show (nil when there are none): the fields in the order of the
    /// smallest of `records` that has them all, with its headers; fields it lacks, and all fields
    /// when none fits, alphabetically after.
    static func recordColumns(_ items: [ScriptValue], _ records: [RecordColumns]) -> RecordColumns? {
        var present = Set<String>()
        for item in items where item.arrayItems == nil {
            guard case .table(let entries) = item else { continue }
            for entry in entries { if case .string(let key) = entry.key { present.insert(key) } }
        }
        if present.isEmpty { return nil }
        let best = records.filter { present.isSubset(of: $0.fields) }.min { $0.fields.count < $1.fields.count }
        let order = best?.fields ?? []
        return RecordColumns(fields: order.filter(present.contains) + present.subtracting(order).sorted(), headers: best?.headers ?? [:])
    }

    /// The table as aligned text (Chinese characters two columns wide).
    public func text() -> String {
        let numeric = Set(headers.indices.filter(isNumeric))
        let body = TextTable(headers: headers, rows: rows.map { $0.map(\.plainText) }, rightAligned: numeric).render()
        return (title.map { $0 + "\n" } ?? "") + body
    }
}

/// How a report shows one kind of record: its fields (keys as scripts see them) in order, and the
/// Chinese header of each field that has one (from ``ReportRecord``).
public struct RecordColumns: Sendable, Hashable {
    public var fields: [String]
    public var headers: [String: String]
}
