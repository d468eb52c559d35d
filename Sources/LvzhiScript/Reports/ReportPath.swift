import Foundation
import LvzhiCore

/// Where a report may be written: only inside the run's `--out` folder.
enum ReportPath {
    /// The file for `name` inside `directory`.
    /// - Throws: ``LvzhiError`` for no `--out`, an absolute path, `..`, or an unknown extension.
    static func resolve(_ name: String, in directory: URL?) throws -> URL {
        guard let directory else {
            throw LvzhiError(.permissionDenied, "没有指定报表输出目录，不能写文件「\(name)」", hint: "运行时加 --out 目录")
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("~"), !parts.contains(".."), !parts.contains(""),
              !name.contains("\\"), !name.contains("\0") else {
            throw LvzhiError.invalid("报表文件名", name, "只能是 --out 目录中的相对路径（不能以 / 开头，不能含 ..）")
        }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let url = root.appendingPathComponent(name).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else {
            throw LvzhiError.invalid("报表文件名", name, "指向 --out 目录之外")
        }
        guard ReportFormat(url) != nil else {
            throw LvzhiError.invalid("报表文件名", name, "扩展名应为 .csv、.xlsx 或 .md")
        }
        return url
    }
}

/// The file formats reports are written in.
enum ReportFormat {
    case csv, xlsx, markdown

    init?(_ url: URL) {
        switch url.pathExtension.lowercased() {
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }
}
