import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

extension ArchiveFilesTests {
    /// Import of a folder of files with a CSV manifest: all or nothing, every problem reported.
    @Suite("文史资料：按清单导入文件与著录")
    final class Import {
        let x: FilesFixture
        var f: ArchiveFixture { x.f }
        let folder: URL
        let fonds: DescriptionUnit

        init() throws {
            x = try FilesFixture(label: "archive-import")
            folder = x.f.scratch.folder.appendingPathComponent("扫描件", isDirectory: true)
            fonds = try x.f.unit("全宗", "WS", "文史资料")
        }

        /// Writes `rows` as a CSV manifest (with a byte-order mark unless `bom` is false) beside the folder.
        func manifest(_ rows: [String], bom: Bool = true, name: String = "清单.csv") throws -> URL {
            let url = folder.deletingLastPathComponent().appendingPathComponent(name)
            try Data(((bom ? "\u{FEFF}" : "") + rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: url)
            return url
        }

        func run(_ manifest: URL, dryRun: Bool = false, as user: String = "dangan") throws -> ArchiveImport.Outcome {
            try ArchiveImport(host: f.host, context: try f.host.context(for: user)).run(folder: folder, manifest: manifest, officeCode: "ordos", dryRun: dryRun)
        }

        func unit(_ code: String) throws -> DescriptionUnit? {
            try f.host.read { db in try DescriptionUnit.filter(Column("reference_code") == code).fetchOne(db) }
        }

        @Test("导入成功：新条目（子条目可写在上级之前）、已有条目加文件、全文可检索、一个事务、有审计和事件")
        func success() throws {
            let tif = try x.source("001.tif", bytes: Data(repeating: 0x49, count: 100_000), in: folder.appendingPathComponent("母版"))
            try x.source("001.jpg", bytes: Data(repeating: 0xFF, count: 2_000), in: folder.appendingPathComponent("利用"))
            try x.source("002.pdf", "%PDF-1.4 准格尔旗", in: folder)
            try x.source("全宗说明.txt", "全宗说明", in: folder)
            try x.source("001.txt", "一九四九年秋，伊克昭盟和平解放，我亲眼看见了那一幕。", in: folder.appendingPathComponent("全文"))
            let sum = try FilesFixture.sha256sum(tif)
            let manifest = try manifest([
                "文件,档号,层级,上级档号,题名,责任者,形成日期,提要,用途,SHA256,密级,开放标识,全文文件",
                "母版/001.tif,WS-KS-001,件,WS-KS,我所经历的伊克昭盟解放,王文,约1985年,回忆伊克昭盟和平解放,母版,\(sum.uppercased()),,,全文/001.txt",
                "利用/001.jpg,WS-KS-001,,,,,,,利用版,,,,",
                ",WS-KS,系列,WS,口述史料,,,,,,,,",
                "002.pdf,WS-KS-002,件,WS-KS,准格尔旗的三十年,乌云,1990-03,,,,秘密,控制,",
                "全宗说明.txt,WS,,,,,,,,,,,",
                ",,,,,,,,,,,,",
            ])
            let received = FilesEventBox()
            f.host.events.subscribe { received.add($0.name) }
            let outcome = try run(manifest)
            #expect(outcome.rows == 5 && outcome.unitsCreated == 3 && outcome.filesAdded == 4 && !outcome.dryRun)
            #expect(outcome.encoding.contains("BOM"))
            let series = try #require(try unit("WS-KS"))
            let first = try #require(try unit("WS-KS-001"))
            let second = try #require(try unit("WS-KS-002"))
            #expect(series.parentID == fonds.id && series.level == .series)
            #expect(first.parentID == series.id && first.creator == "王文" && first.createdOn == "1985" && first.createdApproximate)
            #expect(first.body?.contains("伊克昭盟") == true)
            #expect(second.secrecy == "秘密" && second.openness == "控制" && second.createdOn == "1990-03")
            let files = try f.read { c, db in try DigitalFileStore.list(officeCode: "ordos", context: c, db: db) }
            #expect(files.map(\.referenceCode) == ["WS", "WS-KS-001", "WS-KS-001", "WS-KS-002"])
            #expect(files.filter { $0.referenceCode == "WS-KS-001" }.map(\.use) == [.master, .access])
            #expect(files.first { $0.use == .master && $0.referenceCode == "WS-KS-001" }?.sha256 == sum)
            for file in files {
                #expect(try FilesFixture.sha256sum(x.vault.appendingPathComponent(file.storedPath)) == file.sha256)
            }
            let hits = try f.read { c, db in try ArchiveSearch.search("伊克昭盟", officeCode: "ordos", context: c, db: db).hits }
            #expect(hits.map(\.id).contains(first.id!))
            #expect(received.all.contains("archive.imported"))
            let audit = try f.host.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'archive_files'") }
            #expect(audit == 1)
            #expect(x.vaultFiles().allSatisfy { !$0.hasPrefix(".incoming") })
        }

        @Test("英文列名、不带 BOM 的清单；目录中没有列出的文件会被提示")
        func englishHeaders() throws {
            try x.source("a.pdf", "a", in: folder)
            try x.source("多余.pdf", "b", in: folder)
            let manifest = try manifest(["file,reference_code,level,parent,title,use,mime", "a.pdf,E-1,item,WS,English headers,access,application/pdf"], bom: false)
            let outcome = try run(manifest)
            #expect(outcome.unitsCreated == 1 && outcome.filesAdded == 1 && outcome.encoding == "UTF-8")
            #expect(outcome.unlisted == ["多余.pdf"])
            #expect(try unit("E-1")?.level == .item)
        }

        @Test("多行有错：列出所有问题及行号，什么也不导入，不留下任何文件")
        func badRowsReportEverything() throws {
            for name in ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "g.txt", "h.txt"] { try x.source(name, "内容 \(name)", in: folder) }
            try x.source("outside.txt", "目录之外", in: folder.deletingLastPathComponent())
            let existing = try f.unit("件", "OLD-1", "已有条目", parent: fonds.id)
            let manifest = try manifest([
                "文件,档号,层级,上级档号,题名,形成日期,SHA256,用途,备注",
                "缺失.tif,N-1,件,WS,文件不存在,,,,",
                "a.txt,N-2,卷,WS,层级写错,,,,",
                "b.txt,N-3,件,WS,校验和不符,,\(String(repeating: "ab", count: 32)),,",
                "c.txt,N-4,件,WS,第一次著录,,,,",
                "d.txt,N-4,件,WS,档号重复,,,,",
                "../outside.txt,N-5,件,WS,指向目录之外,,,,",
                "e.txt,N-6,件,NOPE,上级不存在,,,,",
                "g.txt,N-7,件,WS,日期错误,1950-13,,,",
                "h.txt,OLD-1,件,WS,给已有条目又著录,,,,",
                "h.txt,N-8,,,,,,原件,",
                ",N-9,,,,,,,",
            ])
            let before = try f.snapshot()
            let error = #expect(throws: LvzhiError.self) { try self.run(manifest) }
            #expect(error?.code == .importRejected)
            let details = error?.details ?? []
            for line in [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12] {
                #expect(details.contains { $0.hasPrefix("第\(line)行") }, "第\(line)行的问题应被报告：\(details)")
            }
            #expect(!details.contains { $0.hasPrefix("第5行") }, "第5行（第一次著录 N-4）没有问题")
            let joined = details.joined(separator: "\n")
            for fragment in ["备注", "缺失.tif", "卷", "SHA256 不符", "第5行已著录", "目录之外", "NOPE", "1950-13", "OLD-1", "原件", "N-8", "N-9"] {
                #expect(joined.contains(fragment), "应提到「\(fragment)」：\(joined)")
            }
            #expect(error?.message.contains("什么也没有导入") == true)
            #expect(try f.snapshot() == before)
            #expect(x.vaultFiles().isEmpty)
            _ = existing
        }

        @Test("一行有多处错：一次全部报告（层级、题名、密级及可用取值、保管期限、日期）；汇总分开数行与处，表头不算数据行")
        func everyProblemOfARowAtOnce() throws {
            try x.source("a.txt", "内容 a", in: folder)
            let manifest = try manifest([
                "文件,档号,层级,上级档号,题名,形成日期,密级,保管期限,多余列",
                "a.txt,N-1,卷,WS,,1950-13,机要,长期,",
                ",N-2,件,WS,好的条目,,,,",
                ",N-3,件,WS,另一条,,秘级,,",
            ])
            let error = #expect(throws: LvzhiError.self) { try self.run(manifest, dryRun: true) }
            let row = (error?.details ?? []).filter { $0.hasPrefix("第2行") }.joined(separator: "\n")
            for fragment in ["卷", "题名", "1950-13", "机要", "公开、内部、秘密、机密、绝密", "长期", "永久"] {
                #expect(row.contains(fragment), "第2行应一次报告「\(fragment)」：\(row)")
            }
            let message = error?.message ?? ""
            #expect(message.contains("3 行数据中有 2 行有问题"), "\(message)")
            #expect(message.contains("表头有 1 处问题"), "\(message)")
        }

        @Test("只检查（--dry-run）：核对校验和，什么也不写；有错同样报告")
        func dryRun() throws {
            let a = try x.source("a.txt", "甲", in: folder)
            let sum = try FilesFixture.sha256sum(a)
            let good = try manifest(["文件,档号,层级,上级档号,题名,SHA256", "a.txt,D-1,件,WS,试导入,\(sum)"])
            let before = try f.snapshot()
            let outcome = try run(good, dryRun: true)
            #expect(outcome.dryRun && outcome.unitsCreated == 1 && outcome.filesAdded == 1 && outcome.bytes == 3)
            #expect(try f.snapshot() == before)
            #expect(x.vaultFiles().isEmpty)
            let bad = try manifest(["文件,档号,层级,上级档号,题名,SHA256", "a.txt,D-1,件,WS,试导入,\(String(sum.reversed()))"], name: "坏清单.csv")
            let error = #expect(throws: LvzhiError.self) { try self.run(bad, dryRun: true) }
            #expect(error?.details.first?.hasPrefix("第2行") == true && error?.details.first?.contains("SHA256 不符") == true)
            // The real import after the dry run.
            #expect(try run(good).filesAdded == 1)
            #expect(x.vaultFiles().count == 1)
        }

        @Test("写入阶段失败（第二个文件入库时被拒绝）：全部撤销，已放入存放目录的文件也删除")
        func failureWhileWritingRemovesFiles() throws {
            try x.source("a.txt", "甲", in: folder)
            try x.source("b.txt", "乙", in: folder)
            let manifest = try manifest(["文件,档号,层级,上级档号,题名", "a.txt,W-1,件,WS,第一件", "b.txt,W-2,件,WS,第二件"])
            // Something refuses the second file only after the first is in place (a full disk, another writer …).
            try f.host.database.pool.write { db in
                try db.execute(sql: "CREATE TRIGGER test_refuse_b BEFORE INSERT ON archive_files WHEN NEW.original_name = 'b.txt' BEGIN SELECT RAISE(ABORT, '文件 b.txt 被拒绝'); END")
            }
            let before = try f.snapshot()
            let error = #expect(throws: LvzhiError.self) { try self.run(manifest) }
            #expect(error?.message.contains("第3行") == true && error?.message.contains("b.txt") == true)
            #expect(try f.snapshot() == before)
            #expect(x.vaultFiles().isEmpty, "\(x.vaultFiles())")
        }

        @Test("权限：委员不能导入")
        func memberCannotImport() throws {
            try x.source("a.txt", "甲", in: folder)
            let manifest = try manifest(["文件,档号,层级,上级档号,题名", "a.txt,M-1,件,WS,委员导入"])
            let error = #expect(throws: LvzhiError.self) { try self.run(manifest, as: "weiyuan") }
            #expect(error?.code == .permissionDenied)
            #expect(x.vaultFiles().isEmpty)
        }
    }
}
