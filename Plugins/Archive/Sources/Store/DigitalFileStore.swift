import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// A digital file as listings show it: the file with the 档号 and title of its unit.
public struct FileListing: Codable, Sendable, Hashable {
    public var id: Int64
    public var unitID: Int64
    public var referenceCode: String
    public var unitTitle: String
    public var use: FileUse
    public var useTitle: String
    public var originalName: String
    public var mimeType: String
    public var size: Int64
    public var sha256: String
    public var storedPath: String
    public var addedBy: String
    public var addedAt: String
    public var lastCheckedAt: String?
    public var lastOutcome: FixityOutcome?

    init(_ file: DigitalFile, unit: DescriptionUnit) {
        self.init(file, referenceCode: unit.referenceCode, unitTitle: unit.title)
    }

    init(_ file: DigitalFile, referenceCode: String, unitTitle: String) {
        id = file.id!; unitID = file.unitID; self.referenceCode = referenceCode; self.unitTitle = unitTitle
        use = file.use; useTitle = file.use.title; originalName = file.originalName; mimeType = file.mimeType; size = file.size
        sha256 = file.sha256; storedPath = file.storedPath; addedBy = file.addedBy; addedAt = file.addedAt
        lastCheckedAt = file.lastCheckedAt; lastOutcome = file.lastOutcome
    }
}

/// The digital files of description units. Archivists (``ArchivePlugin/manage``) add files;
/// anyone who may see a unit may list its files.
///
/// Adding a file is two steps: the file is streamed into the vault's incoming folder while its
/// SHA-256 is computed (``FileVault/stage(_:expectedSHA256:progress:)``), outside any
/// transaction; then, in the transaction, it is moved to its place and its row inserted. If the
/// transaction does not commit, the placed file is removed again: the row and the file land
/// together or not at all.
public enum DigitalFileStore {
    /// Checks that `context` may add files to unit `unitID` and returns where they would go
    /// (before a large file is copied in vain).
    public static func prepare(unitID: Int64, mimeType: String? = nil, context: AccessContext, db: Database) throws -> (unit: DescriptionUnit, office: Office, vault: FileVault) {
        // A unit the user may not see is not found (its existence does not leak); then: archivists only.
        let (unit, office) = try ArchiveAccess.unit(unitID, context: context, db: db)
        try AccessGate.authorize(context, ArchivePlugin.manage, in: office, db: db)
        if let mimeType { _ = try validMIME(mimeType) }
        return (unit, office, try FileVault.of(office, db: db))
    }

    /// Adds a file to unit `unitID` from `source`, streaming it into the vault (used from the
    /// CLI): checks permissions first, copies outside the transaction, records it inside one.
    /// A checksum given is verified; a mismatch leaves nothing behind.
    public static func ingest(host: LvzhiHost, context: AccessContext, unitID: Int64, source: URL, use: FileUse = .master,
                              mimeType: String? = nil, expectedSHA256: String? = nil, originalName: String? = nil,
                              progress: ((Int64) -> Void)? = nil) throws -> DigitalFile {
        let (_, _, vault) = try host.read { db in try prepare(unitID: unitID, mimeType: mimeType, context: context, db: db) }
        let staged = try vault.stage(source, expectedSHA256: expectedSHA256, progress: progress)
        do {
            return try host.write(as: context) { tx in
                try add(unitID: unitID, staged: staged, originalName: originalName ?? source.lastPathComponent, use: use, mimeType: mimeType, tx: tx)
            }
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Adds a file to unit `unitID` from `source` inside `tx` (copying while the transaction is open).
    public static func add(unitID: Int64, source: URL, use: FileUse = .master, mimeType: String? = nil, expectedSHA256: String? = nil,
                           originalName: String? = nil, tx: AuditedTransaction) throws -> DigitalFile {
        let (_, _, vault) = try prepare(unitID: unitID, mimeType: mimeType, context: tx.context, db: tx.db)
        let staged = try vault.stage(source, expectedSHA256: expectedSHA256)
        do {
            return try add(unitID: unitID, staged: staged, originalName: originalName ?? source.lastPathComponent, use: use, mimeType: mimeType, tx: tx)
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Records `staged` as a file of unit `unitID`: moves it into place and inserts its row.
    /// The placed file is removed if the row cannot be inserted or the transaction rolls back.
    public static func add(unitID: Int64, staged: StagedFile, originalName: String, use: FileUse, mimeType: String?,
                           tx: AuditedTransaction) throws -> DigitalFile {
        let (unit, office, vault) = try prepare(unitID: unitID, mimeType: mimeType, context: tx.context, db: tx.db)
        guard staged.url.standardizedFileURL.deletingLastPathComponent().path == vault.incoming.standardizedFileURL.path else {
            throw LvzhiError(.storage, "临时文件 \(staged.url.path) 不在「\(office.name)」的数字文件存放目录 \(vault.root.path) 中",
                             hint: "存放目录的设置可能刚刚改变；请重新加入文件")
        }
        let name = originalName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw LvzhiError.invalid("文件名", originalName, "不能为空") }
        if let same = try DigitalFile.filter(Column("unit_id") == unitID && Column("use") == use.rawValue && Column("sha256") == staged.sha256)
            .fetchOne(tx.db) {
            throw LvzhiError(.conflict, "著录条目 \(unit.referenceCode) 已有内容相同的\(use.title)「\(same.originalName)」（文件 ID \(same.id!)）",
                             hint: "同一内容不必重复加入；用 lvzhi archive file list --unit \(unitID) 查看")
        }
        let mime = try mimeType.map(validMIME) ?? guessMIME(name)
        let storedPath = try vault.place(staged, office: office, unitID: unitID, originalName: name) { candidate in
            try DigitalFile.filter(Column("stored_path") == candidate).fetchCount(tx.db) > 0
        }
        tx.db.afterNextTransaction(onCommit: { _ in }, onRollback: { _ in vault.remove(storedPath) })
        var file = DigitalFile(officeID: office.id, unitID: unitID, use: use, originalName: name, storedPath: storedPath, mimeType: mime,
                               size: staged.size, sha256: staged.sha256, addedBy: tx.context.user.username, addedAt: Timestamp.now())
        do {
            try tx.insert(&file)
        } catch {
            vault.remove(storedPath)
            throw error
        }
        tx.emit(DomainEvent(name: "archive.file_added", officeID: office.id, entity: DigitalFile.databaseTableName, entityID: file.id))
        return file
    }

    /// The files of unit `unitID`, if `context` may see the unit (else: not found).
    public static func files(unitID: Int64, context: AccessContext, db: Database) throws -> [FileListing] {
        let (unit, _) = try ArchiveAccess.unit(unitID, context: context, db: db)
        return try DigitalFile.filter(Column("unit_id") == unitID).order(Column("id")).fetchAll(db)
            .sorted { ($0.use.rank, $0.id!) < ($1.use.rank, $1.id!) }.map { FileListing($0, unit: unit) }
    }

    /// The files of the office's units `context` may see, by 档号.
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [FileListing] {
        let office = try Office.find(code: officeCode, db: db)
        let sql = SQL(sql: "SELECT f.*, u.reference_code AS unit_reference_code, u.title AS unit_title FROM archive_files f JOIN archive_units u ON u.id = f.unit_id WHERE ")
            + (try ArchiveAccess.visible(context, office: office, db: db)) + SQL(sql: " ORDER BY u.reference_code, f.id")
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map { row in
            FileListing(try DigitalFile(row: row), referenceCode: row["unit_reference_code"], unitTitle: row["unit_title"])
        }.sorted { ($0.referenceCode, $0.use.rank, $0.id) < ($1.referenceCode, $1.use.rank, $1.id) }
    }

    // MARK: MIME types

    /// The MIME type of a file name's extension (application/octet-stream when unknown).
    public static func guessMIME(_ name: String) -> String {
        mimeTypes[(name as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }

    /// A MIME type as given: `type/subtype`, lowercased.
    static func validMIME(_ text: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(allowed.contains) }) else {
            throw LvzhiError.invalid("MIME 类型", text, "应为 类型/子类型 的形式", hint: "如 image/tiff、application/pdf、audio/mpeg；不写则按扩展名判断")
        }
        return t
    }

    static let mimeTypes: [String: String] = [
        "pdf": "application/pdf", "ofd": "application/ofd", "txt": "text/plain", "md": "text/markdown", "csv": "text/csv",
        "htm": "text/html", "html": "text/html", "xml": "application/xml", "json": "application/json", "rtf": "application/rtf",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "wps": "application/vnd.ms-works", "epub": "application/epub+zip",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "tif": "image/tiff", "tiff": "image/tiff",
        "bmp": "image/bmp", "webp": "image/webp", "jp2": "image/jp2", "svg": "image/svg+xml", "heic": "image/heic", "djvu": "image/vnd.djvu",
        "mp3": "audio/mpeg", "wav": "audio/wav", "flac": "audio/flac", "m4a": "audio/mp4", "aac": "audio/aac", "ogg": "audio/ogg",
        "wma": "audio/x-ms-wma", "amr": "audio/amr",
        "mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime", "avi": "video/x-msvideo", "mkv": "video/x-matroska",
        "wmv": "video/x-ms-wmv", "webm": "video/webm", "mpg": "video/mpeg", "mpeg": "video/mpeg", "flv": "video/x-flv",
        "zip": "application/zip", "7z": "application/x-7z-compressed", "rar": "application/vnd.rar", "gz": "application/gzip",
        "tar": "application/x-tar",
    ]
}

extension FileUse {
    /// Master first, then access copies, then thumbnails.
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}
