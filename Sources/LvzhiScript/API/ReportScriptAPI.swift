import Foundation
import LvzhiCore
import LvzhiStorage

/// `lvzhi.report`: show a table in the console, or write it under `--out` as CSV, Excel or Markdown.
public enum ReportScriptAPI {
    /// How the records this run has been given show in reports (``ReportTable/recordColumns(_:_:)``).
    static func recordColumns(_ call: any ScriptCall) -> [RecordColumns] { (call as? LuaCall)?.state.recordColumns ?? [] }

    /// The options of a report: its title, the fields to show of records, the column headers.
    static let options = ScriptParameter.options([.text("title"), .texts("columns"), .texts("headers")])

    public static let module = ScriptModule(name: "report", moduleID: nil, summary: "报表：打印对齐的表格，或写成 CSV、Excel、Markdown", functions: [
        ScriptFunction("print", [ScriptParameter("rows", .table), options],
                       summary: "按显示宽度对齐打印表格（rows 为数组的数组，或记录数组配合 columns 字段名）") { session, call in
            let table = try ReportTable(rows: call.value(1, limit: ReportTable.maxRows + 1), options: call.value(2), records: recordColumns(call))
            session.output(table.text())
            return 0
        },
        ScriptFunction("save", [.text("file"), ScriptParameter("rows", .table), options],
                       summary: "把表格写到 --out 目录下的文件，按扩展名选 .csv（UTF-8 带 BOM）、.xlsx 或 .md；返回写入的路径") { session, call in
            let name = try call.requireString(1, "file")
            let url = try ReportPath.resolve(name, in: session.outputDirectory)
            let table = try ReportTable(rows: call.value(2, limit: ReportTable.maxRows + 1), options: call.value(3), records: recordColumns(call))
            try ReportWriter.write(table, to: url)
            call.push(url.path)
            return 1
        },
        ScriptFunction("can_save",
                       summary: "是否给了 --out 目录（可以 save）；用它决定是否写文件，不必用 pcall 吞掉写文件的错误") { session, call in
            call.push(session.outputDirectory != nil)
            return 1
        },
    ])
}
