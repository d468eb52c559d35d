import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// A small archive with a vault of real files beside its real database: the fixture's office,
/// a folder of source files to ingest from, and helpers that look at the vault on disk.
final class FilesFixture {
    let f: ArchiveFixture
    let sources: URL

    init(label: String) throws {
        f = try ArchiveFixture(label: label)
        sources = f.scratch.folder.appendingPathComponent("来源", isDirectory: true)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
    }

    /// The vault: the default setting {数据库名}-文史资料文件, beside the database (test.sqlite).
    var vault: URL { f.scratch.folder.appendingPathComponent("test-文史资料文件", isDirectory: true) }

    /// Writes a source file (under `sources`, or `folder`) and returns it.
    @discardableResult
    func source(_ name: String, _ text: String, in folder: URL? = nil) throws -> URL {
        try source(name, bytes: Data(text.utf8), in: folder)
    }

    @discardableResult
    func source(_ name: String, bytes: Data, in folder: URL? = nil) throws -> URL {
        let url = (folder ?? sources).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return url
    }

    /// Ingests `url` into unit `unit` as `user`, the way the CLI does.
    @discardableResult
    func ingest(_ unit: Int64, _ url: URL, use: FileUse = .master, sha256: String? = nil, name: String? = nil, as user: String = "dangan",
                progress: ((Int64) -> Void)? = nil) throws -> DigitalFile {
        try DigitalFileStore.ingest(host: f.host, context: try f.host.context(for: user), unitID: unit, source: url, use: use,
                                    expectedSHA256: sha256, originalName: name, progress: progress)
    }

    /// Every regular file inside the vault (the incoming folder included), relative to it.
    func vaultFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: vault, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(String(url.standardizedFileURL.path.dropFirst(vault.standardizedFileURL.path.count + 1)))
        }
        return files.sorted()
    }

    /// Replaces the content of a stored file behind the archive's back.
    func tamper(_ file: DigitalFile, with bytes: Data) throws {
        let url = vault.appendingPathComponent(file.storedPath)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        try bytes.write(to: url)
    }

    /// Runs a fixity check as the archivist.
    func fixity(_ scope: FixityScope = FixityScope()) throws -> FixitySummary {
        try FixityCheck.run(host: f.host, context: try f.host.context(for: "dangan"), officeCode: "ordos", scope: scope)
    }

    /// The SHA-256 of a file as coreutils computes it (independent of the code under test).
    static func sha256sum(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}

/// Collects event names delivered by the bus.
final class FilesEventBox: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.lock(); names.append(name); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return names }
}

/// Digital files: streaming ingest with SHA-256, refusals that leave nothing, fixity checks,
/// visibility and permissions. (Import and export are in the nested suites of
/// ArchiveFilesImportTests.swift and ArchiveFilesExportTests.swift.)
@Suite("文史资料：数字文件与固定性检查")
final class ArchiveFilesTests {
    let x: FilesFixture
    var f: ArchiveFixture { x.f }
    let fonds: DescriptionUnit
    let item: DescriptionUnit
    let secret: DescriptionUnit

    init() throws {
        x = try FilesFixture(label: "archive-files")
        fonds = try x.f.unit("全宗", "WS", "文史资料")
        item = try x.f.unit("件", "WS-001", "王文回忆录", parent: fonds.id)
        secret = try x.f.unit("件", "WS-002", "涉密的回忆录", parent: fonds.id, secrecy: "秘密")
    }

    @Test("加入文件：边复制边计算 SHA-256，存放名安全且不冲突，有审计和事件")
    func ingestWithoutChecksum() throws {
        let received = FilesEventBox()
        f.host.events.subscribe { received.add($0.name) }
        let source = try x.source("王文回忆录.txt", "一九四九年秋，伊克昭盟和平解放。")
        let file = try x.ingest(item.id!, source)
        let expected = try FilesFixture.sha256sum(source)
        #expect(file.sha256 == expected)
        #expect(file.size == Int64(try Data(contentsOf: source).count))
        #expect(file.mimeType == "text/plain" && file.use == .master && file.originalName == "王文回忆录.txt")
        #expect(file.storedPath == "ordos/\(item.id!)/\(expected.prefix(12))-王文回忆录.txt")
        let stored = x.vault.appendingPathComponent(file.storedPath)
        #expect(try Data(contentsOf: stored) == Data(contentsOf: source))
        #expect(FileManager.default.fileExists(atPath: source.path), "来源文件原样保留")
        #expect(x.vaultFiles() == [file.storedPath], "临时文件不留在 .incoming 中")
        #expect(received.all.contains("archive.file_added"))
        let audited = try f.host.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE entity = 'archive_files' AND action = 'insert' AND entity_id = ?", arguments: [file.id])
        }
        #expect(audited == 1)

        // The same name again (other content) gets its own place; a hostile name stays inside the unit's folder.
        let second = try x.ingest(item.id!, try x.source("b/王文回忆录.txt", "另一份誊清稿"))
        #expect(second.storedPath != file.storedPath)
        let hostile = try x.ingest(item.id!, try x.source("c.txt", "x"), name: "../../../etc/passwd")
        #expect(hostile.storedPath == "ordos/\(item.id!)/\(hostile.sha256.prefix(12))-passwd")
        #expect(FileVault.safeName("..隐藏") == "隐藏" && FileVault.safeName("a:b*?.pdf") == "a_b__.pdf" && FileVault.safeName("") == "file")
        let long = String(repeating: "长", count: 200) + ".pdf"
        #expect(FileVault.safeName(long).utf8.count <= 150 && FileVault.safeName(long).hasSuffix(".pdf"))
    }

    @Test("给出的 SHA-256 一致（大小写、sha256: 前缀均可）则接受")
    func ingestWithChecksum() throws {
        let source = try x.source("照片.JPG", bytes: Data((0..<5000).map { UInt8($0 % 251) }))
        let sum = try FilesFixture.sha256sum(source)
        let file = try x.ingest(item.id!, source, use: .access, sha256: "SHA256:" + sum.uppercased())
        #expect(file.sha256 == sum && file.use == .access && file.mimeType == "image/jpeg")
        #expect(try f.read { c, db in try DigitalFileStore.files(unitID: item.id!, context: c, db: db) }.map(\.id) == [file.id])
    }

    @Test("SHA-256 不符：拒绝，不留下任何记录和文件")
    func mismatchLeavesNothing() throws {
        let source = try x.source("录音.wav", bytes: Data(repeating: 7, count: 3 * FileVault.chunkSize + 17))
        let before = try f.snapshot()
        let error = #expect(throws: LvzhiError.self) {
            try self.x.ingest(self.item.id!, source, sha256: String(repeating: "0", count: 64))
        }
        #expect(error?.code == .checksumMismatch)
        #expect(error?.message.contains("录音.wav") == true && error?.message.contains(String(repeating: "0", count: 64)) == true)
        #expect(try f.snapshot() == before)
        #expect(x.vaultFiles().isEmpty)
        // A malformed checksum is refused before anything is copied.
        let malformed = #expect(throws: LvzhiError.self) { try self.x.ingest(self.item.id!, source, sha256: "abc") }
        #expect(malformed?.code == .invalidInput && malformed?.message.contains("abc") == true)
        #expect(x.vaultFiles().isEmpty)
    }

    @Test("大文件（20 MB）按 1 MiB 分块流式读入，校验和正确")
    func largeFileStreams() throws {
        let url = x.sources.appendingPathComponent("大文件.tif")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        var block = [UInt8](repeating: 0, count: 1 << 20)
        for i in 0..<20 {
            for j in stride(from: 0, to: block.count, by: 4096) { block[j] = UInt8((i * 31 + j / 4096) % 256) }
            try handle.write(contentsOf: Data(block))
        }
        try handle.close()
        var chunks = 0
        let file = try x.ingest(item.id!, url) { _ in chunks += 1 }
        #expect(file.size == 20 << 20)
        #expect(file.sha256 == (try FilesFixture.sha256sum(url)))
        #expect(chunks == 20, "每读一块（1 MiB）报告一次进度：文件从未整个读入内存")
        #expect(file.mimeType == "image/tiff")
        #expect(try FilesFixture.sha256sum(x.vault.appendingPathComponent(file.storedPath)) == file.sha256)
    }

    @Test("事务未提交时复制进来的文件被删除：记录和文件同进同退")
    func rollbackRemovesFile() throws {
        struct Abort: Error {}
        let source = try x.source("回忆.pdf", "%PDF-1.4 …")
        var placed: String?
        #expect(throws: Abort.self) {
            try self.f.write { tx in
                placed = try DigitalFileStore.add(unitID: self.item.id!, source: source, tx: tx).storedPath
                #expect(FileManager.default.fileExists(atPath: self.x.vault.appendingPathComponent(placed!).path))
                throw Abort()
            }
        }
        #expect(placed != nil)
        #expect(x.vaultFiles().isEmpty)
        #expect(try f.host.read { db in try DigitalFile.fetchCount(db) } == 0)
    }

    @Test("固定性检查：全部通过时记录每个文件的检查；文件被改动（大小不变）判为内容不符")
    func fixityPassAndFail() throws {
        let a = try x.ingest(item.id!, try x.source("a.txt", "甲乙丙丁"))
        let b = try x.ingest(item.id!, try x.source("b.txt", "戊己庚辛"))
        let passed = try x.fixity()
        #expect(passed.checked == 2 && passed.passed == 2 && passed.ok && passed.problems.isEmpty)
        #expect(try f.host.read { db in try FixityEvent.filter(Column("outcome") == "pass").fetchCount(db) } == 2)
        #expect(try f.host.read { db in try DigitalFile.fetchAll(db) }.allSatisfy { $0.lastOutcome == .pass && $0.lastCheckedAt != nil })

        try x.tamper(a, with: Data("甲乙丙戊".utf8))
        let received = FilesEventBox()
        f.host.events.subscribe { received.add($0.name) }
        let failed = try x.fixity()
        #expect(failed.checked == 2 && failed.passed == 1 && failed.failed == 1 && failed.missing == 0 && !failed.ok)
        let problem = try #require(failed.problems.first)
        #expect(problem.fileID == a.id && problem.outcome == .fail && problem.expected == a.sha256 && problem.actual != a.sha256)
        #expect(problem.note?.contains("大小未变") == true)
        #expect(received.all.contains("archive.fixity_failed") && received.all.contains("archive.fixity_checked"))
        let failures = try f.read { c, db in try FixityCheck.failures(officeCode: "ordos", context: c, db: db) }
        #expect(failures.map(\.fileID) == [a.id])
        #expect(failures.first?.referenceCode == "WS-001" && failures.first?.actual == problem.actual)
        let history = try f.read { c, db in try FixityCheck.history(fileID: a.id!, context: c, db: db) }
        #expect(history.map(\.outcome) == [.fail, .pass])
        #expect(history.allSatisfy { $0.checkedBy == "dangan" && $0.expected == a.sha256 })
        _ = b
    }

    @Test("固定性检查：删除的文件判为缺失并列入失败报告；恢复后再查即通过")
    func fixityMissing() throws {
        let source = try x.source("c.txt", "壬癸")
        let c = try x.ingest(item.id!, source)
        try FileManager.default.removeItem(at: x.vault.appendingPathComponent(c.storedPath))
        let summary = try x.fixity()
        #expect(summary.missing == 1 && summary.checked == 1 && !summary.ok)
        #expect(summary.problems.first?.outcome == .missing && summary.problems.first?.actual == nil)
        let failures = try f.read { c, db in try FixityCheck.failures(officeCode: "ordos", context: c, db: db) }
        #expect(failures.map(\.outcome) == [.missing])
        try FileManager.default.copyItem(at: source, to: x.vault.appendingPathComponent(c.storedPath))
        #expect(try x.fixity().ok)
        #expect(try f.read { c, db in try FixityCheck.failures(officeCode: "ordos", context: c, db: db) }.isEmpty)
    }

    @Test("固定性检查：随机抽查 N 个；只查一个条目的文件")
    func fixitySampleAndUnit() throws {
        for i in 1...5 { try x.ingest(item.id!, try x.source("\(i).txt", "第\(i)份")) }
        let other = try x.ingest(fonds.id!, try x.source("全宗说明.txt", "全宗说明"))
        let sample = try x.fixity(FixityScope(sample: 2))
        #expect(sample.checked == 2 && sample.passed == 2)
        #expect(try f.host.read { db in try FixityEvent.fetchCount(db) } == 2)
        #expect(try x.fixity(FixityScope(sample: 100)).checked == 6, "抽查数多于文件数时检查全部")
        let before = try f.host.read { db in try FixityEvent.fetchCount(db) }
        let unit = try x.fixity(FixityScope(unitID: fonds.id))
        #expect(unit.checked == 1)
        let latest = try f.host.read { db in try FixityEvent.order(Column("id").desc).fetchAll(db) }
        #expect(latest.count == before + 1 && latest.first?.fileID == other.id)
        #expect(throws: LvzhiError.self) { try self.x.fixity(FixityScope(sample: 0)) }
        let wrongOffice = #expect(throws: LvzhiError.self) {
            try FixityCheck.run(host: self.f.host, context: try self.f.host.context(for: "dangan"), officeCode: nil, scope: FixityScope())
        }
        #expect(wrongOffice?.code == .invalidInput)
    }

    @Test("长时间的检查分批记录，汇总只记一次；进度逐个文件报告")
    func fixityInBatches() throws {
        let count = FixityCheck.batchSize + 5
        for i in 1...count { try x.ingest(item.id!, try x.source("批/\(i).txt", "第\(i)份")) }
        var reported: [Int] = []
        let summary = try FixityCheck.run(host: f.host, context: try f.host.context(for: "dangan"), officeCode: "ordos", scope: FixityScope()) { p in
            if reported.last != p.done { reported.append(p.done) }
            #expect(p.total == count)
        }
        #expect(summary.checked == count && summary.passed == count && summary.ok)
        #expect(reported.last == count && reported.count >= count)
        #expect(try f.host.read { db in try FixityEvent.fetchCount(db) } == count)
        let summaries = try f.host.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'fixity' AND entity = 'archive_files' AND entity_id IS NULL")
        }
        #expect(summaries == 1)
    }

    @Test("可见性：委员看不到受限条目的文件（视为不存在），政协文件列表也不含它们")
    func visibility() throws {
        let open = try x.ingest(item.id!, try x.source("open.txt", "开放"))
        let hidden = try x.ingest(secret.id!, try x.source("secret.txt", "秘密"))
        #expect(try f.read("weiyuan") { c, db in try DigitalFileStore.files(unitID: item.id!, context: c, db: db) }.map(\.id) == [open.id])
        let error = #expect(throws: LvzhiError.self) {
            try self.f.read("weiyuan") { c, db in try DigitalFileStore.files(unitID: self.secret.id!, context: c, db: db) }
        }
        #expect(error?.code == .notFound)
        #expect(try f.read("weiyuan") { c, db in try DigitalFileStore.list(officeCode: "ordos", context: c, db: db) }.map(\.id) == [open.id])
        #expect(Set(try f.read { c, db in try DigitalFileStore.list(officeCode: "ordos", context: c, db: db) }.map(\.id)) == [open.id!, hidden.id!])
    }

    @Test("权限：委员和工作人员不能加入文件、不能做固定性检查；被拒绝时什么也没复制")
    func permissions() throws {
        let source = try x.source("委员的.txt", "委员想加入的文件")
        for user in ["weiyuan", "staff"] {
            let error = #expect(throws: LvzhiError.self) { try self.x.ingest(self.item.id!, source, as: user) }
            #expect(error?.code == .permissionDenied)
            let fixity = #expect(throws: LvzhiError.self) {
                try FixityCheck.run(host: self.f.host, context: try self.f.host.context(for: user), officeCode: "ordos", scope: FixityScope())
            }
            #expect(fixity?.code == .permissionDenied)
            #expect(throws: LvzhiError.self) { try self.f.read(user) { c, db in try FixityCheck.failures(officeCode: "ordos", context: c, db: db) } }
        }
        let hidden = #expect(throws: LvzhiError.self) { try self.x.ingest(self.secret.id!, source, as: "weiyuan") }
        #expect(hidden?.code == .notFound, "看不到的条目视为不存在，不是“权限不足”")
        #expect(x.vaultFiles().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: x.vault.path), "连存放目录都没有建立")
    }

    @Test("存放目录按设置：相对于数据库所在目录，或绝对路径；已有条目内容相同的同用途文件被拒绝")
    func vaultSettingAndDuplicates() throws {
        let elsewhere = f.scratch.folder.appendingPathComponent("别处/文件库", isDirectory: true)
        try ModuleStore(host: f.host, context: f.admin).set(ArchivePlugin.id, key: "files_folder", value: elsewhere.path, officeCode: "ordos")
        let source = try x.source("d.txt", "内容")
        let file = try x.ingest(item.id!, source)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent(file.storedPath).path))
        let duplicate = #expect(throws: LvzhiError.self) { try self.x.ingest(self.item.id!, source) }
        #expect(duplicate?.code == .conflict && duplicate?.message.contains("文件 ID \(file.id!)") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent(".incoming").path))?.isEmpty == true)
        try ModuleStore(host: f.host, context: f.admin).set(ArchivePlugin.id, key: "files_folder", value: "相对/目录", officeCode: "ordos")
        let vault = try f.host.read { db in try FileVault.of(try Office.find(code: "ordos", db: db), db: db) }
        #expect(vault.root.path == f.scratch.folder.appendingPathComponent("相对/目录").standardizedFileURL.path)
    }

    @Test("MIME 类型：按扩展名判断，或按给出的（须为 类型/子类型）")
    func mimeTypes() throws {
        #expect(DigitalFileStore.guessMIME("a.PDF") == "application/pdf")
        #expect(DigitalFileStore.guessMIME("录音.mp3") == "audio/mpeg")
        #expect(DigitalFileStore.guessMIME("无扩展名") == "application/octet-stream")
        let file = try DigitalFileStore.ingest(host: f.host, context: try f.host.context(for: "dangan"), unitID: item.id!,
                                               source: try x.source("x.dat", "x"), mimeType: "Audio/WAV")
        #expect(file.mimeType == "audio/wav")
        let error = #expect(throws: LvzhiError.self) {
            try DigitalFileStore.ingest(host: self.f.host, context: try self.f.host.context(for: "dangan"), unitID: self.item.id!,
                                        source: try self.x.source("y.dat", "y"), mimeType: "音频")
        }
        #expect(error?.message.contains("音频") == true)
        #expect(try FileUse.parse("利用版") == .access && (try FileUse.parse("thumbnail")) == .thumbnail)
        #expect(throws: LvzhiError.self) { try FileUse.parse("原件") }
    }
}
