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
