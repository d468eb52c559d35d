import CSV
import Foundation
import GRDB
import LvzhiCore

/// The errors of SQLite, Foundation and the CSV reader put into the platform's Chinese
/// ``LvzhiError``s, so that no English from a library (`SQLite error 26`, `cannotReadHeaderRow`,
/// `NSCocoaErrorDomain Code=516`) reaches a person. The original stays as the cause.
extension LvzhiError {
    /// `error` as a message a person can read; an ``LvzhiError`` unchanged.
    public static func translating(_ error: any Error) -> LvzhiError {
        switch error {
        case let error as LvzhiError: return error
        case let error as DatabaseError: return translating(database: error)
        case let error as CSVError: return translating(csv: error)
        default: break
        }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain {
            return translating(file: ns)
        }
        return LvzhiError(.storage, "内部错误：\(String(describing: error).quotedForMessage)", hint: "请把这条信息报告给系统管理员", cause: error)
    }

    /// A SQLite error, by its result code.
    public static func translating(database error: DatabaseError) -> LvzhiError {
        let message = error.message ?? ""
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CONSTRAINT:
            if message.hasPrefix("UNIQUE") {
                return LvzhiError(.conflict, "与已有记录重复（\(message)）", hint: "请换一个名称或代码", cause: error)
            }
            if message.unicodeScalars.contains(where: { $0.value > 0x2E80 }) {
                return LvzhiError(.ruleViolation, message, cause: error)
            }
            return LvzhiError(.ruleViolation, "违反数据完整性约束：\(message)", cause: error)
        case .SQLITE_NOMEM, .SQLITE_TOOBIG:
            return LvzhiError(.limitExceeded, "数据库操作所需的内存超过上限，操作已撤销",
                              hint: "缩小查询或操作的规模，或用 --max-memory 调高上限", cause: error)
        case .SQLITE_READONLY:
            return LvzhiError(.storage, "数据库文件是只读的，不能修改",
                              hint: "查看和导出不受影响；要修改，请使用有写权限的数据库文件", cause: error)
        case .SQLITE_NOTADB:
            return LvzhiError(.storage, "文件不是 SQLite 数据库（或已加密、已损坏）；没有写入任何内容",
                              hint: "用 --db 或环境变量 LVZHI_DB 指定履职平台的数据库（lvzhi init 创建的 .sqlite 文件）", cause: error)
        case .SQLITE_CORRUPT:
            return LvzhiError(.storage, "数据库文件已损坏，无法读取",
                              hint: "请从备份恢复该文件；可用 sqlite3 的 .recover 命令尝试抢救数据", cause: error)
        case .SQLITE_FULL:
            return LvzhiError(.storage, "磁盘空间不足，操作已撤销", hint: "清理磁盘空间后重试", cause: error)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LvzhiError(.storage, "数据库正被另一个程序使用（已等待仍未释放）", hint: "稍后重试；若持续出现，检查是否有卡住的 lvzhi 进程", cause: error)
        case .SQLITE_CANTOPEN:
            return LvzhiError(.storage, "无法打开数据库文件（路径不存在、是目录或没有权限）", hint: "检查 --db 给出的路径", cause: error)
        case .SQLITE_IOERR:
            return LvzhiError(.storage, "读写数据库文件时出错（磁盘或文件系统故障）", hint: "检查磁盘与文件权限后重试", cause: error)
        case .SQLITE_ABORT, .SQLITE_INTERRUPT:
            return LvzhiError(.storage, "数据库操作被中止，全部修改已撤销", hint: "通常是内存或磁盘空间不足，或操作被停止；处理后重试", cause: error)
        case .SQLITE_PERM, .SQLITE_AUTH:
            return LvzhiError(.permissionDenied, "数据库拒绝了这项操作", cause: error)
        default:
            if message.contains("LIKE or GLOB pattern too complex") {
                return LvzhiError(.invalidInput, "查询条件太长，数据库无法按它匹配", hint: "请缩短要找的文字（如姓名中的一两个字）", cause: error)
            }
            if message.contains("string or blob too big") {
                return LvzhiError(.invalidInput, "取值太长，数据库无法保存", hint: "请缩短输入的文字", cause: error)
            }
            return LvzhiError(.storage, "数据库错误（SQLite 错误码 \(error.resultCode.rawValue)）", hint: "请把这条信息报告给系统管理员", cause: error)
        }
    }

    /// A file error of Foundation (the path it names, what is wrong).
    static func translating(file error: NSError) -> LvzhiError {
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
        let shown = path.map { "「\($0.quotedForMessage)」" } ?? ""
        let posix = (error.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (error.domain == NSPOSIXErrorDomain ? error.code : nil)
        switch (error.code, posix) {
        case (CocoaError.fileWriteFileExists.rawValue, _), (_, Int(EEXIST)):
            return LvzhiError(.invalidInput, "路径\(shown)已存在且不是目录", hint: "换一个路径，或先移走同名的文件", cause: error)
        case (_, Int(ENAMETOOLONG)):
            return LvzhiError(.invalidInput, "文件名太长\(shown.isEmpty ? "" : "：" + shown)", hint: "每一级文件名最多 255 个字节（约 85 个汉字）", cause: error)
        case (_, Int(ENOTDIR)):
            return LvzhiError(.invalidInput, "路径\(shown)中有一级不是目录", cause: error)
        case (_, Int(EACCES)), (_, Int(EPERM)), (CocoaError.fileWriteNoPermission.rawValue, _), (CocoaError.fileReadNoPermission.rawValue, _):
            return LvzhiError(.permissionDenied, "没有权限读写\(shown.isEmpty ? "该文件" : shown)", cause: error)
        case (_, Int(ENOSPC)), (CocoaError.fileWriteOutOfSpace.rawValue, _):
            return LvzhiError(.storage, "磁盘空间不足，无法写入\(shown)", cause: error)
        case (_, Int(ENOENT)), (CocoaError.fileNoSuchFile.rawValue, _), (CocoaError.fileReadNoSuchFile.rawValue, _):
            return LvzhiError(.notFound, "找不到文件或目录\(shown)", cause: error)
        case (_, Int(EISDIR)):
            return LvzhiError(.invalidInput, "路径\(shown)是目录，不是文件", cause: error)
        default:
            return LvzhiError(.storage, "读写文件\(shown)失败（错误码 \(error.code)）", cause: error)
        }
    }

    /// An error of the CSV reader or writer.
    static func translating(csv error: CSVError) -> LvzhiError {
        switch error {
        case .cannotReadHeaderRow:
            return LvzhiError(.importRejected, "CSV 文件是空的：没有表头行", hint: "第一行应为列名（表头），其后每行一条记录")
        case .cannotOpenFile:
            return LvzhiError(.storage, "无法创建或打开文件（文件名太长、目录不存在或没有权限）", hint: "换一个较短的文件名，确认目录存在且可写")
        case .cannotReadFile, .streamErrorHasOccurred:
            return LvzhiError(.storage, "读写 CSV 文件时出错", cause: error)
        case .cannotWriteStream:
            return LvzhiError(.storage, "写入 CSV 文件时出错（磁盘空间不足或没有权限）", cause: error)
        case .unicodeDecoding, .stringEncodingMismatch, .stringEndianMismatch:
            return LvzhiError(.importRejected, "CSV 文件的文字编码无法识别", hint: "请另存为 UTF-8 或 GB18030 编码的 CSV")
        }
    }
}
