import Foundation
import Testing

/// Examples the docs show are run: what a page prints after `$ lvzhi …` is what the program
/// prints. An example is named by its page and its command line exactly as written; the
/// expected output is read from the page (the lines up to the next `$ ` or the end of the code
/// block; a line that is only `…` ends the comparison: the output goes on).
@Suite("文档中的示例与程序一致")
struct DocumentedExamplesTests {
    /// Examples run against the demo database (`lvzhi demo`), from the package folder (so that
    /// `scripts/examples/…` resolves as it does for a reader of the docs).
    static let onDemo: [(page: String, command: String)] = [
        ("scripting.md", #"lvzhi eval 'lvzhi.members.count{ sector = "经济界" }' --office ordos"#),
        ("scripting.md", "lvzhi run scripts/examples/专委会构成.lua --office ordos"),
        ("archive.md", "lvzhi archive search 口述 --office ordos"),
        // Run in this order on the one demo: later examples see what earlier ones wrote
        // (publish --all before rating 271, key 308 before the key list, reviewer add before the list).
        ("guide.md", #"lvzhi modules list"#),
        ("guide.md", #"lvzhi duty summary --office ordos --kind archive.narrated"#),
        ("proposals.md", #"lvzhi proposal rate 64 --rating 满意 --as wy0200"#),
        ("proposals.md", #"lvzhi proposal reply 15 --outcome A --body … --as caizheng"#),
        ("proposals.md", #"lvzhi proposal publish --all --office ordos"#),
        ("proposals.md", #"lvzhi proposal rate 271 --rating 基本满意 --member 274 --comment 电话告知     # 工作人员代附议人周新莉登记，标明“代为登记”"#),
        ("proposals.md", #"lvzhi proposal key 308 --year 2026 --supervisor-member 4          # 主席会议成员（主席、副主席、秘书长）领衔督办"#),
        ("proposals.md", #"lvzhi proposal list --office ordos --key --year 2026"#),
        ("proposals.md", #"lvzhi proposal reviewer add 12 --office ordos --committee proposals"#),
        ("proposals.md", #"lvzhi proposal reviewer list --office ordos"#),
        ("proposals.md", #"lvzhi duty list --office ordos --member 12 --year 2026"#),
        ("archive.md", #"lvzhi archive plan add --office ordos --kind annual --period 2027 --title 2027年文史资料征集计划 --theme 口述史 --target 40"#),
        ("archive.md", #"lvzhi archive campaign add --office ordos --plan 1 --title 民族团结进步口述史征集 --start 2026-03-01 --end 2030-12-31"#),
        ("archive.md", #"lvzhi archive plan list --office ordos           # 各计划已接收多少、完成百分比"#),
        ("archive.md", #"lvzhi archive submission add --office ordos --title 我在准格尔旗的三十年 --sanqin 亲历 --campaign 3 --as weiyuan   # 委员本人"#),
        ("archive.md", #"lvzhi archive search "伊克昭盟 解放" --office ordos     # 空格分隔的几个词须同时出现"#),
        ("archive.md", #"lvzhi archive search 政协 --office ordos --limit 3 --offset 3     # 分页：每页 3 条，跳过前 3 条"#),
    ]

    /// Whole code blocks run in an empty folder, every `$ lvzhi` line in order, against the
    /// database the first one creates there; a block is named by its page and one of its commands.
    static let blocksFromScratch: [(page: String, command: String)] = [
        ("guide.md", "lvzhi office add ordos 政协鄂尔多斯市委员会"),   // §4 从零建立一个政协
    ]

    @Test("演示数据库上的示例")
    func examplesOnTheDemo() throws {
        let cli = try CommandLineRunner()
        let demo = try cli.run(["demo", "--db", cli.database])
        try #require(demo.status == 0, "\(demo.stderr)")
        for (page, command) in Self.onDemo {
            let example = try DocumentedExample(page: page, command: command)
            let output = try example.run(database: cli.database, in: DocumentedExample.packageFolder)
            example.compare(with: output)
        }
    }

    @Test("从空目录开始的示例")
    func examplesFromScratch() throws {
        for (page, command) in Self.blocksFromScratch {
            let cli = try CommandLineRunner()
            let examples = try DocumentedExample.block(page: page, containing: command)
            #expect(examples.count > 1)
            for example in examples {
                example.compare(with: try example.run(database: nil, in: cli.folder))
            }
        }
    }
}

/// One `$ lvzhi …` example of a docs page and the output the page shows for it.
struct DocumentedExample {
    let page: String
    let command: String
    /// The lines shown after the command; `…` alone means "and more".
    let expected: [String]

    /// The package's folder (where `docs/` and `scripts/` are).
    static let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(page: String, command: String) throws {
        let lines = try Self.lines(of: page)
        guard let start = lines.firstIndex(of: "$ " + command) else { throw Missing(page: page, command: command) }
        self.init(page: page, lines: lines, at: start)
    }

    private init(page: String, lines: [String], at start: Int) {
        self.page = page
        command = String(lines[start].dropFirst(2))
        expected = Array(lines[(start + 1)...].prefix { !$0.hasPrefix("$ ") && !$0.hasPrefix("```") })
    }

    /// Every example of the code block that shows `command`, in order.
    static func block(page: String, containing command: String) throws -> [DocumentedExample] {
        let lines = try lines(of: page)
        guard let at = lines.firstIndex(of: "$ " + command) else { throw Missing(page: page, command: command) }
        let start = lines[..<at].lastIndex { $0.hasPrefix("```") }.map { $0 + 1 } ?? 0
        let end = lines[at...].firstIndex { $0.hasPrefix("```") } ?? lines.count
        return (start..<end).filter { lines[$0].hasPrefix("$ lvzhi ") }.map { DocumentedExample(page: page, lines: lines, at: $0) }
    }

    private static func lines(of page: String) throws -> [String] {
        try String(contentsOf: packageFolder.appendingPathComponent("docs").appendingPathComponent(page), encoding: .utf8)
            .components(separatedBy: "\n")
    }

    /// Runs the command (its words split as a shell would, quotes removed) with `--db database`
    /// when given, else in `folder` with its default database; standard output, or standard
    /// error when the command fails.
    func run(database: String?, in folder: URL) throws -> String {
        let words = Self.shellWords(command)
        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = Array(words.dropFirst()) + (database.map { ["--db", $0] } ?? [])
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LVZHI_DB")
        environment.removeValue(forKey: "LVZHI_USER")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: process.terminationStatus == 0 ? outData : errData, as: UTF8.self)
    }

    /// Records an issue for each line that differs (trailing spaces aside).
    func compare(with output: String) {
        let actual = output.components(separatedBy: "\n").map { $0.trimmingTrailingSpaces }
        for (index, line) in expected.enumerated() {
            if line == "…" { return }
            let got = index < actual.count ? actual[index] : "（没有这一行）"
            #expect(got == line.trimmingTrailingSpaces, "docs/\(page)「$ \(command)」第 \(index + 1) 行：文档为「\(line)」，程序输出「\(got)」")
        }
        let extra = actual.dropFirst(expected.count).filter { !$0.isEmpty }
        #expect(extra.isEmpty, "docs/\(page)「$ \(command)」：程序多输出了 \(extra.count) 行，文档没有写出（以「…」结尾表示还有更多）")
    }

    /// The words of a command line: split at spaces outside quotes, quotes removed, a `#` that
    /// starts a word beginning a comment.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character? = nil, inWord = false
        for character in line {
            if quote == nil, !inWord, character == "#" { break }
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character; inWord = true
            } else if character == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(character); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// The command is not on the page as written.
    struct Missing: Error, CustomStringConvertible {
        var page: String
        var command: String
        var description: String { "docs/\(page) 中没有「$ \(command)」这一行" }
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
