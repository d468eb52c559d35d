import Crypto
import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// A file copied into the vault's incoming folder, hashed on the way, not yet in place.
public struct StagedFile: Sendable, Hashable {
    /// The temporary copy inside the vault (`<root>/.incoming/…`).
    public let url: URL
    public let sha256: String
    public let size: Int64

    /// Removes the temporary copy (if it is still there).
    public func discard() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The managed folder of an office's digital files. Its root is the archive setting
/// `files_folder`: an absolute path, or a path relative to the folder of the database file.
/// Files live at `<office code>/<unit id>/<digest prefix>-<safe name>` under the root; they
/// come in through `<root>/.incoming/` (same file system, so placing one is a rename) and are
/// made read-only once placed. Everything is streamed in chunks of ``chunkSize`` bytes:
/// nothing is ever read whole into memory.
public struct FileVault: Sendable {
    /// The size of the chunks files are read and written in (1 MiB).
    public static let chunkSize = 1 << 20

    /// The root folder (absolute).
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The vault of `office`, as its `files_folder` setting says, relative to the folder of
    /// the database `db` is connected to.
    public static func of(_ office: Office, db: Database) throws -> FileVault {
        let setting = try ModuleSettings.read(ArchivePlugin.manifest, officeID: office.id!, db: db)
            .text(ArchivePlugin.Setting.filesFolder.key).trimmingCharacters(in: .whitespaces)
        guard !setting.isEmpty else {
            throw LvzhiError.invalid("数字文件存放目录", setting, "不能为空",
                                     hint: "lvzhi modules set archive files_folder --reset --office \(office.code)")
        }
        if setting.hasPrefix("/") { return FileVault(root: URL(fileURLWithPath: setting, isDirectory: true)) }
        let databaseFile = try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'") ?? ""
        guard !databaseFile.isEmpty else {
            throw LvzhiError(.storage, "数据库没有对应的文件，无法确定数字文件存放目录「\(setting)」的位置",
                             hint: "把 files_folder 设为绝对路径：lvzhi modules set archive files_folder /路径 --office \(office.code)")
        }
        let database = URL(fileURLWithPath: databaseFile)
        // The default names the database, so two databases in one folder never share their files.
        let name = setting.replacingOccurrences(of: ArchivePlugin.Setting.databaseNamePlaceholder,
                                                with: database.deletingPathExtension().lastPathComponent)
        return FileVault(root: database.deletingLastPathComponent().appendingPathComponent(name, isDirectory: true))
    }

    /// The absolute location of a stored path.
    public func url(of storedPath: String) -> URL {
        root.appendingPathComponent(storedPath, isDirectory: false)
    }

    /// The folder files come in through.
    var incoming: URL { root.appendingPathComponent(".incoming", isDirectory: true) }

    // MARK: Streaming

    /// Copies `source` into the incoming folder in chunks, computing its SHA-256 on the way.
    /// With `expectedSHA256`, a mismatch removes the copy and is refused (``LvzhiError/Code/checksumMismatch``).
    /// - Parameter progress: called with the bytes copied so far, after each chunk.
    public func stage(_ source: URL, expectedSHA256: String? = nil, progress: ((Int64) -> Void)? = nil) throws -> StagedFile {
        let expected = try expectedSHA256.map(Self.normalizedChecksum)
        let input = try Self.openForReading(source)
        defer { try? input.close() }
        try Self.createFolder(incoming)
        let temporary = incoming.appendingPathComponent(UUID().uuidString + ".part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw LvzhiError(.storage, "无法在数字文件存放目录中建立临时文件：\(temporary.path)",
                             hint: "检查目录 \(root.path) 是否存在、可写、空间是否足够")
        }
        let staged: StagedFile
        do {
            let output = try FileHandle(forWritingTo: temporary)
            defer { try? output.close() }
            var hasher = SHA256()
            var size: Int64 = 0
            while true {
                let chunk = try Self.read(input, source: source)
                if chunk.isEmpty { break }
                hasher.update(data: chunk)
                do { try output.write(contentsOf: chunk) } catch {
                    throw LvzhiError(.storage, "写入数字文件存放目录失败（\(temporary.path)）：\(error.localizedDescription)",
                                     hint: "检查磁盘空间和目录权限", cause: error)
                }
                size += Int64(chunk.count)
                progress?(size)
            }
            try output.synchronize()
            staged = StagedFile(url: temporary, sha256: Self.hex(hasher.finalize()), size: size)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if let expected, expected != staged.sha256 {
            staged.discard()
            throw Self.mismatch(name: source.lastPathComponent, expected: expected, actual: staged.sha256)
        }
        return staged
    }

    /// The SHA-256 and size of the file at `url`, read in chunks.
    public static func digest(of url: URL, progress: ((Int64) -> Void)? = nil) throws -> (sha256: String, size: Int64) {
        let input = try openForReading(url)
        defer { try? input.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while true {
            let chunk = try read(input, source: url)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            size += Int64(chunk.count)
            progress?(size)
        }
        return (hex(hasher.finalize()), size)
    }

    /// Copies `source` to `destination` (which must not exist) in chunks, returning the
    /// SHA-256 and size of what was copied.
    public static func copy(_ source: URL, to destination: URL) throws -> (sha256: String, size: Int64) {
        let input = try openForReading(source)
        defer { try? input.close() }
        try createFolder(destination.deletingLastPathComponent())
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else {
            throw LvzhiError(.storage, "无法建立文件：\(destination.path)", hint: "检查目录权限和磁盘空间")
        }
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while true {
            let chunk = try read(input, source: source)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            try output.write(contentsOf: chunk)
            size += Int64(chunk.count)
        }
        return (hex(hasher.finalize()), size)
    }

    // MARK: Placing

    /// Moves `staged` to its place for unit `unitID` of `office`, under a name no other file
    /// has (`isTaken` also asks the database), makes it read-only and returns its stored path.
    func place(_ staged: StagedFile, office: Office, unitID: Int64, originalName: String, isTaken: (String) throws -> Bool) throws -> String {
        let folder = "\(office.code)/\(unitID)"
        let name = Self.safeName(originalName)
        let prefix = String(staged.sha256.prefix(12))
        var candidate = "\(folder)/\(prefix)-\(name)"
        var n = 1
        while try isTaken(candidate) || FileManager.default.fileExists(atPath: url(of: candidate).path) {
            n += 1
            candidate = "\(folder)/\(prefix)-\(n)-\(name)"
        }
        let destination = url(of: candidate)
        try Self.createFolder(destination.deletingLastPathComponent())
        do {
            try FileManager.default.moveItem(at: staged.url, to: destination)
        } catch {
            throw LvzhiError(.storage, "无法把文件放入数字文件存放目录（\(destination.path)）：\(error.localizedDescription)",
                             hint: "检查目录 \(root.path) 的权限", cause: error)
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: destination.path)
        return candidate
    }

    /// Removes a placed file (when the transaction that recorded it did not commit).
    func remove(_ storedPath: String) {
        let target = url(of: storedPath)
        try? FileManager.default.removeItem(at: target)
        // Leave no empty unit folder behind.
        let folder = target.deletingLastPathComponent()
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    // MARK: Names and checksums

    /// A file name that is safe on every file system: the last path component, without
    /// separators, control characters, characters Windows refuses or leading dots, at most
    /// 150 bytes of UTF-8 (the extension kept); never empty.
    public static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(last.unicodeScalars.map { scalar -> Character in
            if scalar.value < 0x20 || scalar.value == 0x7F || "<>:\"|?*".unicodeScalars.contains(scalar) { return "_" }
            return Character(scalar)
        }).trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty { cleaned = "file" }
        guard cleaned.utf8.count > 150 else { return cleaned }
        let ext = (cleaned as NSString).pathExtension
        let keepExt = !ext.isEmpty && ext.utf8.count <= 16
        var stem = keepExt ? String(cleaned.dropLast(ext.count + 1)) : cleaned
        let budget = 150 - (keepExt ? ext.utf8.count + 1 : 0)
        while stem.utf8.count > budget { stem.removeLast() }
        return keepExt ? "\(stem).\(ext)" : stem
    }

    /// A SHA-256 as given (upper or lower case, with or without `sha256:`), in lowercase hex.
    public static func normalizedChecksum(_ text: String) throws -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in ["sha256:", "sha-256:"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        guard t.count == 64, t.allSatisfy({ $0.isHexDigit && $0.isASCII }) else {
            throw LvzhiError.invalid("SHA-256", text, "应为 64 位十六进制数字", hint: "可用 sha256sum 文件名 计算")
        }
        return t
    }

    /// The refusal of a checksum that does not match.
    static func mismatch(name: String, expected: String, actual: String) -> LvzhiError {
        LvzhiError(.checksumMismatch, "文件「\(name.quotedForMessage)」的 SHA-256 与给出的不符：给出 \(expected)，实际 \(actual)",
                   hint: "文件可能在复制或传输中损坏，或给错了文件；核对后重试。什么也没有保存")
    }

    /// A size for people: 512 字节, 12.3 KB, 4.5 MB, 1.2 GB (binary units).
    public static func displaySize(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) 字节" }
        var value = Double(bytes)
        for unit in ["KB", "MB", "GB", "TB"] {
            value /= 1024
            if value < 1024 || unit == "TB" { return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + unit }
        }
        return "\(bytes) 字节"
    }

    /// The SHA-256 of bytes in memory (small metadata files).
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ digest: SHA256Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: File system helpers

    static func openForReading(_ url: URL) throws -> FileHandle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw LvzhiError.notFound("文件", url.path, hint: "检查路径是否正确")
        }
        guard !isDirectory.boolValue else { throw LvzhiError.invalid("文件", url.path, "是一个目录，不是文件") }
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            throw LvzhiError(.storage, "无法读取文件 \(url.path)：\(error.localizedDescription)", hint: "检查文件权限", cause: error)
        }
    }

    static func read(_ handle: FileHandle, source: URL) throws -> Data {
        do {
            return try handle.read(upToCount: chunkSize) ?? Data()
        } catch {
            throw LvzhiError(.storage, "读取文件 \(source.path) 时出错：\(error.localizedDescription)", cause: error)
        }
    }

    static func createFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw LvzhiError(.storage, "无法建立目录 \(url.path)：\(error.localizedDescription)", hint: "检查上级目录的权限", cause: error)
        }
    }
}

extension LvzhiError.Code {
    /// A checksum given with a file does not match the file.
    public static let checksumMismatch = LvzhiError.Code("checksum_mismatch")
    /// A fixity check found files changed or missing.
    public static let fixityFailed = LvzhiError.Code("fixity_failed")
}
