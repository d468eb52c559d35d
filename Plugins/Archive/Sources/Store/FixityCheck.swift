import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// Which files a fixity check looks at: all of the office's, those of one unit, or a random sample.
public struct FixityScope: Sendable, Hashable {
    /// Only the files of this unit.
    public var unitID: Int64?
    /// Only this many files, drawn at random.
    public var sample: Int?
    public init(unitID: Int64? = nil, sample: Int? = nil) { self.unitID = unitID; self.sample = sample }
}

/// What re-reading one file found.
public struct FixityVerification: Sendable, Hashable {
    public var outcome: FixityOutcome
    /// The SHA-256 found (nil: missing or unreadable).
    public var actual: String?
    public var size: Int64?
    public var note: String?
    public var checkedAt: String
}

/// A file that did not pass.
public struct FixityProblem: Codable, Sendable, Hashable {
    public var fileID: Int64
    public var referenceCode: String
    public var originalName: String
    public var storedPath: String
    public var outcome: FixityOutcome
    public var outcomeTitle: String
    public var expected: String
    public var actual: String?
    public var note: String?
}

/// The result of a fixity check.
public struct FixitySummary: Codable, Sendable, Hashable {
    public var checked = 0
    public var passed = 0
    public var failed = 0
    public var missing = 0
    /// Bytes read.
    public var bytes: Int64 = 0
    /// Every file that failed or is missing.
    public var problems: [FixityProblem] = []
    /// Whether every file checked passed.
    public var ok = true

    public init() {}
}

/// How far a running check is.
public struct FixityProgress: Sendable, Hashable {
    public var done: Int
    public var total: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
}

/// A file whose latest check did not pass (固定性检查失败).
public struct FixityFailure: Codable, Sendable, Hashable {
    public var fileID: Int64
    public var unitID: Int64
    public var referenceCode: String
    public var unitTitle: String
    public var originalName: String
    public var use: FileUse
    public var storedPath: String
    public var outcome: FixityOutcome
    public var outcomeTitle: String
    public var checkedAt: String
    public var checkedBy: String
    public var expected: String
    public var actual: String?
    public var note: String?
    /// The first check of the current run of failures (when it was first noticed).
    public var failingSince: String
}

/// Fixity checks: every file (or one unit's, or a random sample) is read again in chunks and
/// its SHA-256 compared with the one recorded at ingest. Each check is recorded as an event
/// (pass, fail or missing) and as the file's latest check; a file that is missing or changed
/// is reported, never passed over. Archivists only.
public enum FixityCheck {
    /// The files to check, with the office and its vault. Without `officeCode`, `scope.unitID` is required.
    public static func plan(officeCode: String?, scope: FixityScope, context: AccessContext, db: Database) throws
        -> (office: Office, vault: FileVault, files: [DigitalFile]) {
        let office: Office
        var request = DigitalFile.all()
        if let unitID = scope.unitID {
            office = try ArchiveAccess.unit(unitID, context: context, db: db).office
            if let officeCode, officeCode != office.code {
                throw LvzhiError.invalid("著录条目", "ID \(unitID)", "不属于政协「\(officeCode)」")
            }
            request = request.filter(Column("unit_id") == unitID)
        } else {
            guard let officeCode else {
                throw LvzhiError.invalid("检查范围", "", "须给出政协（--office）或著录条目（--unit）")
            }
            office = try Office.find(code: officeCode, db: db)
        }
        try AccessGate.authorize(context, ArchivePlugin.manage, in: office, db: db)
        request = request.filter(Column("office_id") == office.id)
        if let sample = scope.sample {
            try NumberRange.check(sample, in: 1...NumberRange.count.upperBound, field: "抽查件数")
            request = request.order(sql: "random()").limit(sample)
        }
        let files = try request.fetchAll(db).sorted { $0.id! < $1.id! }
        return (office, try FileVault.of(office, db: db), files)
    }

    /// Re-reads `file` in `vault` (no database involved).
    public static func verify(_ file: DigitalFile, in vault: FileVault, progress: ((Int64) -> Void)? = nil) -> FixityVerification {
        let url = vault.url(of: file.storedPath)
        let now = Timestamp.now()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return FixityVerification(outcome: .missing, note: "找不到 \(url.path)", checkedAt: now)
        }
        if isDirectory.boolValue {
            return FixityVerification(outcome: .fail, note: "\(url.path) 是一个目录", checkedAt: now)
        }
        do {
            let (sha256, size) = try FileVault.digest(of: url, progress: progress)
            if sha256 == file.sha256 { return FixityVerification(outcome: .pass, actual: sha256, size: size, checkedAt: now) }
            let note = size == file.size ? "内容已改变（大小未变）" : "内容已改变：大小由 \(file.size) 字节变为 \(size) 字节"
            return FixityVerification(outcome: .fail, actual: sha256, size: size, note: note, checkedAt: now)
        } catch {
            return FixityVerification(outcome: .fail, note: "无法读取：\((error as? LvzhiError)?.message ?? "\(error)")", checkedAt: now)
        }
    }

    /// How many files a long check reads before it records their outcomes (so an interrupted
    /// check keeps what it found, and the database is never held while files are read).
    public static let batchSize = 200

    /// Records what was found: an event per file and the file's latest check, audited, and the
    /// summary of the check.
    public static func record(_ results: [(file: DigitalFile, verification: FixityVerification)], office: Office, tx: AuditedTransaction) throws -> FixitySummary {
        var summary = FixitySummary()
        try recordOutcomes(results, office: office, into: &summary, tx: tx)
        try finish(&summary, office: office, tx: tx)
        return summary
    }

    /// Records the outcome of each file (an event and the file's latest check) and adds it to `summary`.
    static func recordOutcomes(_ results: [(file: DigitalFile, verification: FixityVerification)], office: Office, into summary: inout FixitySummary,
                               tx: AuditedTransaction) throws {
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        for (checked, v) in results {
            // The row as it is now (another check may have run meanwhile); a file removed since is skipped.
            guard let file = try DigitalFile.fetchOne(tx.db, key: checked.id) else { continue }
            var event = FixityEvent(officeID: file.officeID, fileID: file.id!, checkedAt: v.checkedAt, outcome: v.outcome,
                                    expected: file.sha256, actual: v.actual, note: v.note, checkedBy: tx.context.user.username)
            try tx.insert(&event)
            var updated = file
            updated.lastCheckedAt = v.checkedAt
            updated.lastOutcome = v.outcome
            try tx.update(updated, from: file, action: "fixity")
            summary.checked += 1
            summary.bytes += v.size ?? 0
            switch v.outcome {
            case .pass: summary.passed += 1
            case .fail: summary.failed += 1
            case .missing: summary.missing += 1
            }
            if v.outcome != .pass {
                let code = try String.fetchOne(tx.db, sql: "SELECT reference_code FROM archive_units WHERE id = ?", arguments: [file.unitID]) ?? ""
                summary.problems.append(FixityProblem(fileID: file.id!, referenceCode: code, originalName: file.originalName, storedPath: file.storedPath,
                                                      outcome: v.outcome, outcomeTitle: v.outcome.title, expected: file.sha256, actual: v.actual, note: v.note))
                tx.emit(DomainEvent(name: "archive.fixity_failed", officeID: office.id, entity: DigitalFile.databaseTableName, entityID: file.id))
            }
        }
    }

    /// Closes a check: its summary in the audit log, and the event `archive.fixity_checked`.
    static func finish(_ summary: inout FixitySummary, office: Office, tx: AuditedTransaction) throws {
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        summary.ok = summary.failed == 0 && summary.missing == 0
        try tx.log(action: "fixity", entity: DigitalFile.databaseTableName, entityID: nil, officeID: office.id, before: nil,
                   after: "{\"checked\":\(summary.checked),\"passed\":\(summary.passed),\"failed\":\(summary.failed),\"missing\":\(summary.missing)}")
        tx.emit(DomainEvent(name: "archive.fixity_checked", officeID: office.id, entity: DigitalFile.databaseTableName, entityID: nil))
    }

    /// Checks the files of `scope` (the CLI): lists them in a read, reads them outside any
    /// transaction (a long check never holds the database) and records the outcomes every
    /// ``batchSize`` files, then the summary.
    public static func run(host: LvzhiHost, context: AccessContext, officeCode: String?, scope: FixityScope,
                           progress: ((FixityProgress) -> Void)? = nil) throws -> FixitySummary {
        let (office, vault, files) = try host.read { db in try plan(officeCode: officeCode, scope: scope, context: context, db: db) }
        let bytesTotal = files.reduce(Int64(0)) { $0 + $1.size }
        var summary = FixitySummary()
        var done = 0
        var bytesDone: Int64 = 0
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            let results = verifyAll(batch, in: vault) { p in
                progress?(FixityProgress(done: done + p.done, total: files.count, bytesDone: bytesDone + p.bytesDone, bytesTotal: bytesTotal))
            }
            done += batch.count
            bytesDone += batch.reduce(Int64(0)) { $0 + $1.size }
            try host.write(as: context) { tx in try recordOutcomes(results, office: office, into: &summary, tx: tx) }
        }
        try host.write(as: context) { tx in try finish(&summary, office: office, tx: tx) }
        return summary
    }

    /// Checks the files of `scope` inside `tx` (scripts).
    public static func run(officeCode: String?, scope: FixityScope, tx: AuditedTransaction) throws -> FixitySummary {
        let (office, vault, files) = try plan(officeCode: officeCode, scope: scope, context: tx.context, db: tx.db)
        return try record(verifyAll(files, in: vault, progress: nil), office: office, tx: tx)
    }

    static func verifyAll(_ files: [DigitalFile], in vault: FileVault, progress: ((FixityProgress) -> Void)?)
        -> [(file: DigitalFile, verification: FixityVerification)] {
        let bytesTotal = files.reduce(Int64(0)) { $0 + $1.size }
        var bytesDone: Int64 = 0
        var results: [(file: DigitalFile, verification: FixityVerification)] = []
        for (index, file) in files.enumerated() {
            let before = bytesDone
            let v = verify(file, in: vault) { read in
                progress?(FixityProgress(done: index, total: files.count, bytesDone: before + read, bytesTotal: bytesTotal))
            }
            bytesDone = before + (v.size ?? 0)
            results.append((file, v))
            progress?(FixityProgress(done: index + 1, total: files.count, bytesDone: bytesDone, bytesTotal: bytesTotal))
        }
        return results
    }

    /// The office's files whose latest check did not pass, by 档号 (archivists).
    public static func failures(officeCode: String, context: AccessContext, db: Database) throws -> [FixityFailure] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.manage, db: db)
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.*, u.reference_code AS unit_reference_code, u.title AS unit_title
            FROM archive_files f JOIN archive_units u ON u.id = f.unit_id
            WHERE f.office_id = ? AND f.last_outcome IN ('fail', 'missing')
            ORDER BY u.reference_code, f.id
            """, arguments: [office.id])
        return try rows.map { row in
            let file = try DigitalFile(row: row)
            let events = try FixityEvent.filter(Column("file_id") == file.id).order(Column("id").desc).fetchAll(db)
            // Without a recorded event (never expected), the file's own latest check stands.
            let latest = events.first ?? FixityEvent(officeID: file.officeID, fileID: file.id!, checkedAt: file.lastCheckedAt ?? "",
                                                     outcome: file.lastOutcome ?? .fail, expected: file.sha256, checkedBy: "")
            let since = events.prefix { $0.outcome != .pass }.last?.checkedAt ?? latest.checkedAt
            return FixityFailure(fileID: file.id!, unitID: file.unitID, referenceCode: row["unit_reference_code"], unitTitle: row["unit_title"],
                                 originalName: file.originalName, use: file.use, storedPath: file.storedPath, outcome: latest.outcome,
                                 outcomeTitle: latest.outcome.title, checkedAt: latest.checkedAt, checkedBy: latest.checkedBy,
                                 expected: latest.expected, actual: latest.actual, note: latest.note, failingSince: since)
        }
    }

    /// The checks of file `fileID`, latest first (archivists).
    public static func history(fileID: Int64, context: AccessContext, db: Database) throws -> [FixityEvent] {
        let file = try DigitalFile.find(id: fileID, db: db)
        let office = try ArchiveAccess.unit(file.unitID, context: context, db: db).office
        try AccessGate.authorize(context, ArchivePlugin.manage, in: office, db: db)
        return try FixityEvent.filter(Column("file_id") == fileID).order(Column("id").desc).fetchAll(db)
    }
}
