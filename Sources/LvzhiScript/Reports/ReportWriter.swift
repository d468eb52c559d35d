import CSV
import CXlsxWriter
import Foundation
import LvzhiCore
import LvzhiStorage

/// Writes a ``ReportTable`` as CSV (UTF-8 with BOM, so Excel opens it as UTF-8), Excel .xlsx
/// (libxlsxwriter) or Markdown. A file is written next to its final name and moved into
/// place, so a failed write never leaves half a report.
public enum ReportWriter {
    /// Writes `table` to `url` in the format its extension names (`.csv`, `.xlsx`, `.md`).
    /// - Throws: ``LvzhiError`` for another extension or a failed write.
    public static func write(_ table: ReportTable, to url: URL) throws {
        guard ReportFormat(url) != nil else {
            throw LvzhiError.invalid("文件名", url.lastPathComponent, "扩展名应为 .csv、.xlsx 或 .md")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        switch ReportFormat(url)! {
        case .csv: try csv(table, to: temporary)
        case .markdown: try Data(markdown(table).utf8).write(to: temporary)
        case .xlsx: try xlsx(table, to: temporary)
        }
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    static func csv(_ table: ReportTable, to url: URL) throws {
        guard let stream = OutputStream(url: url, append: false) else { throw LvzhiError(.storage, "无法写入 \(url.path)") }
        stream.open()
        defer { stream.close() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = stream.write(bom, maxLength: 3)
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: table.headers)
        for row in table.rows { try writer.write(row: row.map(\.plainText)) }
    }

    static func markdown(_ table: ReportTable) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var lines: [String] = []
        if let title = table.title { lines += ["# \(cell(title))", ""] }
        lines.append("| " + table.headers.map(cell).joined(separator: " | ") + " |")
        lines.append("| " + table.headers.indices.map { table.isNumeric($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
        for row in table.rows { lines.append("| " + row.map { cell($0.plainText) }.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func xlsx(_ table: ReportTable, to url: URL) throws {
        guard let workbook = workbook_new(url.path) else { throw LvzhiError(.storage, "无法创建 Excel 文件 \(url.path)") }
        let sheetName = String((table.title ?? "报表").filter { !"[]:*?/\\".contains($0) }.prefix(31))
        let sheet = worksheet_for(workbook, name: sheetName.isEmpty ? "报表" : sheetName)
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        for (column, header) in table.headers.enumerated() {
            worksheet_write_string(sheet, 0, lxw_col_t(column), header, bold)
            let width = max(DisplayWidth.of(header), table.rows.map { column < $0.count ? DisplayWidth.of($0[column].plainText) : 0 }.max() ?? 0)
            worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width, 6), 60)) + 2, nil)
        }
        worksheet_freeze_panes(sheet, 1, 0)
        for (index, row) in table.rows.enumerated() {
            let r = lxw_row_t(index + 1)
            for (column, value) in row.enumerated() {
                let c = lxw_col_t(column)
                switch value {
                case .integer(let i): worksheet_write_number(sheet, r, c, Double(i), nil)
                case .number(let d): worksheet_write_number(sheet, r, c, d, nil)
                case .nil: break
                default: worksheet_write_string(sheet, r, c, value.plainText, nil)
                }
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw LvzhiError(.storage, "写 Excel 文件失败：\(String(cString: lxw_strerror(status)))")
        }
    }

    private static func worksheet_for(_ workbook: UnsafeMutablePointer<lxw_workbook>, name: String) -> UnsafeMutablePointer<lxw_worksheet>? {
        workbook_add_worksheet(workbook, name)
    }
}
