import Foundation

/// The folder of example Lua reports (`scripts/examples` of the checkout), found from the running
/// program so that the hints of `lvzhi demo` work from any directory.
enum ExamplesFolder {
    /// The folder's relative path inside a checkout.
    static let relativePath = "scripts/examples"

    /// The absolute path of the examples folder: the nearest `scripts/examples` above the
    /// executable (`.build/debug/lvzhi` in a checkout), else in the current directory; nil if neither exists.
    static func locate() -> String? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(relativePath)
            if isFolder(candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relativePath)
        return isFolder(here.path) ? here.standardizedFileURL.path : nil
    }

    /// The command that runs example `name`, for a hint: an absolute path, or (when the folder is
    /// not found) the relative one with a note that it is in the source checkout.
    static func runHint(_ name: String, arguments: String) -> String {
        guard let folder = locate() else {
            return "lvzhi run \(relativePath)/\(name) \(arguments)   # 示例脚本在源码目录的 \(relativePath)/ 中，请在源码目录执行"
        }
        return "lvzhi run \(shellQuoted(folder + "/" + name)) \(arguments)"
    }

    /// `path` quoted for a shell when it contains spaces or other special characters.
    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
