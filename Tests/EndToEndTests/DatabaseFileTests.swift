import Foundation
import GRDB
import Testing

/// `--db` at a file that is not an lvzhi database leaves it exactly as it was; a database that may
/// only be read can still be read.
@Suite("命令行：--db 指向空文件、其他程序的数据库、只读的数据库")
struct DatabaseFileTests {
    /// The file's bytes and whether SQLite left `-wal`/`-shm` files beside it.
    static func state(_ path: String) throws -> (Data, Bool) {
        let fm = FileManager.default
        return (try Data(contentsOf: URL(fileURLWithPath: path)), fm.fileExists(atPath: path + "-wal") || fm.fileExists(atPath: path + "-shm"))
    }

    @Test("空文件、其他程序的 SQLite 数据库、非 SQLite 文件：拒绝并说明，一个字节也不写")
    func foreignFilesAreLeftAlone() throws {
        let cli = try CommandLineRunner()
        let empty = try cli.file("empty.sqlite", Data())
        let text = try cli.file("notes.sqlite", Data("会议纪要\n".utf8))
        let other = cli.folder.appendingPathComponent("other.sqlite").path
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table notes(a)'); c.execute(\"insert into notes values ('x')\"); c.commit(); c.close()", other]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "需要 python3 建一个其他程序的 SQLite 文件")

        for (path, message) in [(empty, "是一个空文件"), (other, "是其他程序的 SQLite 数据库（含 notes）"), (text, "不是 SQLite 数据库文件")] {
            let before = try Self.state(path)
            for arguments in [["office", "list"], ["office", "add", "ordos", "政协鄂尔多斯市委员会"], ["eval", "return 1"]] {
                try cli.refused(arguments + ["--db", path], message)
            }
            if path != empty { try cli.refused(["init", "--db", path], message) }
            let after = try Self.state(path)
            #expect(after.0 == before.0 && !after.1, "\(path) 应原样保留")
        }
        // Only `lvzhi init` makes an empty file a database.
        #expect(try cli.ok(["init", "--db", empty]).contains("数据库已就绪"))
        #expect(try cli.ok(["office", "list", "--db", empty]).isEmpty == false)
    }

    @Test("只读的数据库：能查看、能运行只读的脚本；修改被拒绝并说明，数据不变")
    func readOnlyDatabase() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let db = cli.database
        // Root ignores file permissions, so make the file immutable instead (and undo it at the end).
        let asRoot = getuid() == 0
        func lock(_ on: Bool) throws {
            if asRoot {
                let chattr = Process()
                chattr.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                chattr.arguments = ["chattr", on ? "+i" : "-i", db]
                try chattr.run()
                chattr.waitUntilExit()
                try #require(chattr.terminationStatus == 0, "chattr 不可用")
            } else {
                try FileManager.default.setAttributes([.posixPermissions: on ? 0o444 : 0o644], ofItemAtPath: db)
            }
        }
        try lock(true)
        defer { try? lock(false) }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(try cli.ok(["member", "list", "--office", "ordos"]).contains("张伟"))
        #expect(try cli.ok(["eval", "return lvzhi.members.count{}", "--office", "ordos"]) == "1\n")
        try cli.refused(["member", "add", "--office", "ordos", "--name", "乌兰", "--gender", "女", "--sector", "经济界"], "只读")
        try cli.refused(["eval", "return lvzhi.members.add{ name = \"乌兰\", gender = \"女\", sector = \"经济界\" }", "--office", "ordos"], "只读")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test("只读目录中的数据库（建不了 -wal、-shm）：照样能查看，修改被拒绝并说明")
    func databaseInReadOnlyFolder() throws {
        let cli = try CommandLineRunner.withOrganisation()
        // Everything in the main file (no -wal beside it), then the file alone in a folder of its own.
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try queue.close()
        let folder = cli.folder.appendingPathComponent("只读目录", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("lvzhi.sqlite").path
        try FileManager.default.copyItem(atPath: cli.database, toPath: db)
        // Root ignores permissions: make the folder immutable instead (and undo it at the end).
        func lock(_ on: Bool) throws {
            if getuid() == 0 {
                let chattr = Process()
                chattr.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                chattr.arguments = ["chattr", on ? "+i" : "-i", folder.path]
                try chattr.run()
                chattr.waitUntilExit()
                try #require(chattr.terminationStatus == 0, "chattr 不可用")
            } else {
                try FileManager.default.setAttributes([.posixPermissions: on ? 0o555 : 0o755], ofItemAtPath: folder.path)
            }
        }
        try lock(true)
        defer { try? lock(false) }
        #expect(try cli.ok(["member", "list", "--office", "ordos", "--db", db]).contains("张伟"))
        #expect(try cli.ok(["eval", "return lvzhi.members.count{}", "--office", "ordos", "--db", db]) == "1\n")
        try cli.refused(["member", "add", "--office", "ordos", "--name", "乌兰", "--gender", "女", "--sector", "经济界", "--db", db], "只读")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["lvzhi.sqlite"])
    }
}
