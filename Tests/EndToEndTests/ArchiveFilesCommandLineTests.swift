import Foundation
import Testing

/// `lvzhi archive file|fixity|import|export` as archivists and members meet them, and the Lua functions.
@Suite("命令行：文史资料的数字文件、固定性检查、导入与导出")
struct ArchiveFilesCommandLineTests {
    /// A database with the archive enabled, an archivist `dangan`, a member `zhangwei` (member 1),
    /// the fonds WS (ID 1), an open item WS-001 (ID 2) and a classified item WS-002 (ID 3).
    static func archive() throws -> CommandLineRunner {
        try CommandLineRunner.withOrganisation([
            ["modules", "enable", "archive", "--office", "ordos"],
            ["user", "add", "dangan", "--name", "李档案", "--office", "ordos", "--role", "archivist"],
            ["user", "add", "zhangwei", "--name", "张伟", "--office", "ordos", "--role", "member", "--member", "1"],
            ["archive", "unit", "add", "--office", "ordos", "--level", "全宗", "--code", "WS", "--title", "文史资料"],
            ["archive", "unit", "add", "--office", "ordos", "--level", "件", "--parent", "1", "--code", "WS-001", "--title", "伊克昭盟解放亲历记"],
            ["archive", "unit", "add", "--office", "ordos", "--level", "件", "--parent", "1", "--code", "WS-002", "--title", "涉密回忆", "--secrecy", "秘密"],
        ])
    }

    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    /// Regular files under `folder` (relative paths).
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var result: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            result.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return result.sorted()
    }

    @Test("加入文件、核对校验和、列出（--json）、固定性检查（发现改动时退出码 1）、失败报告、Lua 接口")
    func filesAndFixity() throws {
        let cli = try Self.archive()
        func run(_ arguments: [String], as user: String? = "dangan") throws -> CommandLineRunner.Result { try cli.run(arguments, user: user) }
        let vault = cli.folder.appendingPathComponent("lvzhi-文史资料文件", isDirectory: true)
        let memoir = try cli.file("回忆录.txt", Data("一九四九年秋，伊克昭盟和平解放。".utf8))
        let sum = try Self.sha256sum(memoir)

        let added = try run(["archive", "file", "add", "2", memoir, "--sha256", sum])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("已为 WS-001 加入母版「回忆录.txt」") && added.stdout.contains(sum))
        let wrong = try run(["archive", "file", "add", "2", memoir, "--use", "利用版", "--sha256", String(repeating: "0", count: 64)])
        #expect(wrong.status == 1 && wrong.stderr.contains("SHA-256 与给出的不符") && wrong.stderr.contains("什么也没有保存"))
        let badUse = try run(["archive", "file", "add", "2", memoir, "--use", "原件"])
        #expect(badUse.status == 1 && badUse.stderr.contains("用途「原件」"))
        let missing = try run(["archive", "file", "add", "2", "没有这个文件.pdf"])
        #expect(missing.status == 1 && missing.stderr.contains("没有这个文件.pdf"))
        let denied = try run(["archive", "file", "add", "2", memoir, "--use", "利用版"], as: "zhangwei")
        #expect(denied.status == 1 && denied.stderr.contains("权限不足"))
        let secret = try cli.file("秘密.txt", Data("秘密内容".utf8))
        #expect(try run(["archive", "file", "add", "3", secret]).status == 0)
        #expect(Self.files(under: vault).filter { !$0.hasPrefix(".incoming") }.count == 2, "\(Self.files(under: vault))")

        let listed = try run(["archive", "file", "list", "--unit", "2", "--json"], as: "zhangwei")
        #expect(listed.status == 0 && listed.stdout.contains("\"sha256\" : \"\(sum)\"") && listed.stdout.contains("\"reference_code\" : \"WS-001\""))
        let hidden = try run(["archive", "file", "list", "--unit", "3"], as: "zhangwei")
        #expect(hidden.status == 1 && hidden.stderr.contains("找不到著录条目"))
        let office = try run(["archive", "file", "list", "--office", "ordos"], as: "zhangwei")
        #expect(office.stdout.contains("回忆录.txt") && !office.stdout.contains("秘密.txt"))
        #expect(try run(["archive", "file", "list", "--office", "ordos"]).stdout.contains("秘密.txt"))
        #expect(try run(["archive", "file", "list"]).status == 2)

        let passed = try run(["archive", "fixity", "--office", "ordos"])
        #expect(passed.status == 0 && passed.stdout.contains("共检查 2 个文件") && passed.stdout.contains("通过 2"))
        // Change a stored file behind the archive's back.
        let stored = vault.appendingPathComponent(Self.files(under: vault).first { $0.hasSuffix("回忆录.txt") }!)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: stored.path)
        try Data("一九四九年冬，伊克昭盟和平解放。".utf8).write(to: stored)
        let failed = try run(["archive", "fixity", "--office", "ordos"])
        #expect(failed.status == 1, "有文件未通过时退出码为 1")
        #expect(failed.stdout.contains("内容不符 1") && failed.stdout.contains("回忆录.txt"))
        #expect(failed.stderr.contains("固定性检查发现 1 个文件有问题"))
        let failures = try run(["archive", "fixity", "failures", "--office", "ordos", "--json"])
        #expect(failures.status == 0 && failures.stdout.contains("\"outcome\" : \"fail\"") && failures.stdout.contains("\"expected\" : \"\(sum)\""))
        #expect(try run(["archive", "fixity", "--unit", "3"]).status == 0, "只查另一个条目的文件")
        #expect(try run(["archive", "fixity", "history", "1"]).stdout.contains("内容不符"))
        #expect(try run(["archive", "fixity", "--office", "ordos"], as: "zhangwei").stderr.contains("权限不足"))
        #expect(try run(["archive", "fixity", "failures", "--office", "ordos"], as: "zhangwei").status == 1)

        // Lua: files as the reader sees them; fixity records and returns a summary.
        let lua = try run(["eval", "return #lvzhi.archive.files(2), #lvzhi.archive.files()", "--office", "ordos"], as: "zhangwei")
        #expect(lua.status == 0 && lua.stdout == "1\t1\n", "\(lua.stderr)")
        let hiddenLua = try run(["eval", "return lvzhi.archive.files(3)", "--office", "ordos"], as: "zhangwei")
        #expect(hiddenLua.status == 1 && hiddenLua.stderr.contains("找不到著录条目"))
        let check = try run(["eval", "local s = lvzhi.archive.fixity{} return s.checked, s.failed, s.ok, s.problems[1].file_id, #lvzhi.archive.fixity_failures()",
                             "--office", "ordos"])
        #expect(check.status == 0 && check.stdout == "2\t1\tfalse\t1\t1\n", "\(check.stdout) \(check.stderr)")
        let sample = try run(["eval", "return lvzhi.archive.fixity{sample = 1}.checked", "--office", "ordos"])
        #expect(sample.stdout == "1\n", "\(sample.stderr)")
        #expect(try run(["eval", "return lvzhi.archive.fixity{}", "--office", "ordos"], as: "zhangwei").stderr.contains("权限不足"))

        let help = try run(["archive", "file", "add", "--help"])
        #expect(help.stdout.contains("例：") && help.stdout.contains("--sha256"))
        #expect(try run(["archive", "fixity", "--help"]).stdout.contains("failures"))
    }

    @Test("按清单导入：--dry-run 只检查；有错时列出全部行号、什么也不导入；导出 BagIt / DC / CSV，--public 不含受限条目")
    func importAndExport() throws {
        let cli = try Self.archive()
        func run(_ arguments: [String], as user: String? = "dangan") throws -> CommandLineRunner.Result { try cli.run(arguments, user: user) }
        let folder = cli.folder.appendingPathComponent("扫描件", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("母版"), withIntermediateDirectories: true)
        try Data(repeating: 0x49, count: 50_000).write(to: folder.appendingPathComponent("母版/001.tif"))
        try Data("%PDF-1.4 利用版".utf8).write(to: folder.appendingPathComponent("001.pdf"))
        try Data("准格尔旗的三十年".utf8).write(to: folder.appendingPathComponent("002.txt"))
        let sum = try Self.sha256sum(folder.appendingPathComponent("母版/001.tif").path)
        let manifest = try cli.file("清单.csv", Data(("\u{FEFF}文件,档号,层级,上级档号,题名,责任者,形成日期,用途,SHA256,密级\r\n"
            + "母版/001.tif,KS-001,件,KS,口述：我在伊克昭盟,王文,1985,母版,\(sum),\r\n"
            + "001.pdf,KS-001,,,,,,利用版,,\r\n"
            + ",KS,系列,WS,口述史料,,,,,\r\n"
            + "002.txt,KS-002,件,KS,准格尔旗的三十年,乌云,约1990年,,,秘密\r\n").utf8))

        let dry = try run(["archive", "import", folder.path, "--manifest", manifest, "--office", "ordos", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("检查通过") && dry.stdout.contains("将新建著录 3 条，加入文件 3 个"), "\(dry.stderr)")
        #expect(try run(["archive", "unit", "list", "--office", "ordos"]).stdout.contains("KS-001") == false, "只检查时什么也不写")

        let bad = try cli.file("坏清单.csv", Data(("文件,档号,层级,上级档号,题名,SHA256,颜色\r\n"
            + "缺失.tif,B-1,件,WS,缺文件,,\r\n"
            + "001.pdf,B-2,件,WS,校验和不符,\(String(repeating: "a", count: 64)),\r\n"
            + "002.txt,B-3,盒,WS,层级不对,,\r\n").utf8))
        let refused = try run(["archive", "import", folder.path, "--manifest", bad, "--office", "ordos"])
        #expect(refused.status == 1)
        for fragment in ["什么也没有导入", "第1行", "颜色", "第2行", "缺失.tif", "第3行", "SHA256 不符", "第4行", "盒"] {
            #expect(refused.stderr.contains(fragment), "应提到「\(fragment)」：\(refused.stderr)")
        }
        #expect(try run(["archive", "import", folder.path, "--manifest", manifest, "--office", "ordos"], as: "zhangwei").stderr.contains("权限不足"))

        let imported = try run(["archive", "import", folder.path, "--manifest", manifest, "--office", "ordos"])
        #expect(imported.status == 0 && imported.stdout.contains("新建著录 3 条，加入文件 3 个"), "\(imported.stderr)")
        let tree = try run(["archive", "unit", "tree", "--office", "ordos"])
        #expect(tree.stdout.contains("  系列 KS") && tree.stdout.contains("    件 KS-001"))
        #expect(try run(["archive", "file", "list", "--office", "ordos"]).stdout.contains("001.tif"))

        // Export: BagIt with every checksum right.
        let bag = cli.folder.appendingPathComponent("包")
        let exported = try run(["archive", "export", "--office", "ordos", "--out", bag.path])
        #expect(exported.status == 0 && exported.stdout.contains("BagIt") && exported.stdout.contains("数字文件 3 个"), "\(exported.stderr)")
        let manifestLines = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8).split(separator: "\n")
        #expect(manifestLines.count == 6, "三个文件加 descriptions.csv、dc.xml、files.csv")
        for line in manifestLines {
            let parts = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(try Self.sha256sum(bag.appendingPathComponent(parts[1]).path) == parts[0], "\(parts[1])")
        }
        #expect(manifestLines.contains { $0.hasPrefix(sum) && $0.hasSuffix("001.tif") })
        for tag in ["bagit.txt", "bag-info.txt", "tagmanifest-sha256.txt"] { #expect(FileManager.default.fileExists(atPath: bag.appendingPathComponent(tag).path)) }
        let again = try run(["archive", "export", "--office", "ordos", "--out", bag.path])
        #expect(again.status == 1 && again.stderr.contains("已存在"))

        // Dublin Core for the public: no classified item.
        let dc = cli.folder.appendingPathComponent("公开")
        #expect(try run(["archive", "export", "--office", "ordos", "--out", dc.path, "--format", "dc", "--public"]).status == 0)
        let xml = try String(contentsOf: dc.appendingPathComponent("dc.xml"), encoding: .utf8)
        #expect(xml.contains("<dc:identifier>KS-001</dc:identifier>") && !xml.contains("KS-002") && !xml.contains("WS-002"))
        // CSV as a member: only what the member sees.
        let csv = cli.folder.appendingPathComponent("表格")
        #expect(try run(["archive", "export", "--office", "ordos", "--out", csv.path, "--format", "csv"], as: "zhangwei").status == 0)
        let descriptions = try Data(contentsOf: csv.appendingPathComponent("descriptions.csv"))
        #expect(descriptions.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: descriptions, as: UTF8.self)
        #expect(text.contains("KS-001") && !text.contains("KS-002") && !text.contains("WS-002"))
        #expect(try run(["archive", "export", "--office", "ordos", "--out", "x", "--format", "zip"]).stderr.contains("zip"))
    }
}
