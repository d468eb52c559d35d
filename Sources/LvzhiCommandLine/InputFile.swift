import Foundation
import LvzhiCore

/// A file the command line reads whole (a Lua script): what is wrong with a path is said plainly
/// (missing, a directory, a device such as /dev/zero, too large, unreadable) instead of
/// "not found" for all of them.
public enum InputFile {
    /// The largest text file (a roster, a full text) read whole: 256 MB.
    public static let maxTextBytes = 256 * 1_048_576

    /// The bytes of the regular file at `path`, at most `limit` bytes; `what` names it in messages (脚本文件).
    /// - Throws: ``LvzhiError`` naming the path and what is wrong with it.
    public static func read(_ path: String, what: String, limit: Int) throws -> Data {
        let shown = path.quotedForMessage
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else {
            if errno == EACCES { throw LvzhiError(.permissionDenied, "没有权限读取\(what)「\(shown)」", hint: "检查文件及其所在目录的权限") }
            throw LvzhiError.notFound(what, path.isEmpty ? "（空路径）" : shown, hint: "检查路径是否正确")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LvzhiError.invalid(what, path, "是一个目录，不是文件", hint: "给出目录中的 .lua 文件")
        default: throw LvzhiError.invalid(what, path, "不是普通文件（是设备、管道或套接字）", hint: "给出一个普通的文本文件")
        }
        guard Int(info.st_size) <= limit else {
            throw LvzhiError.invalid(what, path, "太大（\(info.st_size) 字节，最多 \(limit / 1_048_576) MB）")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LvzhiError(.permissionDenied, "没有权限读取\(what)「\(shown)」", hint: "检查文件的读权限")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw LvzhiError.invalid(what, path, "太大（超过 \(limit / 1_048_576) MB）") }
        return data
    }
}
