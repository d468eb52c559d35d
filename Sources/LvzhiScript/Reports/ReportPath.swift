import Foundation
import LvzhiCore

/// Where a report may be written: only inside the run's `--out` folder.
enum ReportPath {
    /// The file for `name` inside `directory`.
    /// - Throws: ``LvzhiError`` for no `--out`, an absolute path, `..`, a symbolic link on the way
    ///   (a link inside `--out` could point anywhere), or an unknown extension.
    static func resolve(_ name: String, in directory: URL?) throws -> URL {
        guard let directory else {
            throw LvzhiError(.permissionDenied, "没有指定报表输出目录，不能写文件「\(name)」", hint: "运行时加 --out 目录")
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("~"), !parts.contains(".."), !parts.contains(""),
              !name.contains("\\"), !name.contains("\0") else {
            throw LvzhiError.invalid("报表文件名", name, "只能是 --out 目录中的相对路径（不能以 / 开头，不能含 ..）")
        }
        if let long = parts.first(where: { $0.utf8.count > Self.maxNameBytes }) {
            throw LvzhiError.invalid("报表文件名", name, "「\(String(long).quotedForMessage)」太长（\(long.utf8.count) 字节，每一级最多 \(Self.maxNameBytes) 字节，约 85 个汉字）",
                                     hint: "换一个较短的文件名")
        }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let url = root.appendingPathComponent(name).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else {
            throw LvzhiError.invalid("报表文件名", name, "指向 --out 目录之外")
        }
        try refuseLinks(from: root, to: url, name: name)
        guard ReportFormat(url) != nil else {
            throw LvzhiError.invalid("报表文件名", name, "扩展名应为 .csv、.xlsx 或 .md")
        }
        return url
    }

    /// The longest name of one folder or file, in bytes (the file system's limit).
    static let maxNameBytes = 255

    /// Refuses `name` when a folder on its way below `root`, or the file itself, is a symbolic link:
    /// writing through it would follow the link out of `--out`.
    private static func refuseLinks(from root: URL, to url: URL, name: String) throws {
        var path = root.path
        for component in url.path.dropFirst(root.path.count + 1).split(separator: "/") {
            path += "/" + component
            var info = stat()
            guard lstat(path, &info) == 0 else { return }  // not there yet: created inside --out
            if info.st_mode & S_IFMT == S_IFLNK {
                throw LvzhiError.invalid("报表文件名", name, "「\(String(path.dropFirst(root.path.count + 1)).quotedForMessage)」是符号链接，可能指向 --out 目录之外",
                                         hint: "报表只写到 --out 目录中的普通文件夹和文件；删除该链接或换一个文件名")
            }
        }
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
