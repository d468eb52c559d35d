import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive review`: rounds of editorial review (编审).
struct ArchiveReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "编审：每个条目按轮次记录编审人员、决定（采用、修改后采用、存稿备用、退稿）和意见",
        discussion: """
        最近一轮的决定为采用或修改后采用的条目才能收入文史资料辑。修改后采用、退稿须用 --note 写明意见。
        例：lvzhi archive review add 7 --decision 修改后采用 --reviewer 张某 --reviewer 李某 --note 核实人名地名后采用
            lvzhi archive review list 7
        """,
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "记录下一轮编审")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "UNIT")) var unit: Int64
        @Option(help: ArgumentHelp("决定：采用、修改后采用、存稿备用、退稿", valueName: "DECISION")) var decision: String
        @Option(help: ArgumentHelp("编审人员，可多次给出（或用顿号分隔）", valueName: "NAME")) var reviewer: [String] = []
        @Option(help: ArgumentHelp("编审意见（修改后采用、退稿须写）", valueName: "NOTE")) var note: String?
        @Option(help: ArgumentHelp("编审日期，默认今天", valueName: "DATE")) var date: String?

        func run() throws {
            let (host, context) = try global.open()
            let r = try host.write(as: context) { tx in
                try EditorialReviewStore.add(unitID: unit, decision: decision, reviewers: reviewer, note: note, on: date, tx: tx)
            }
            print("已记录条目 \(unit) 的第 \(r.round) 轮编审：\(r.decision.title)（\(r.reviewers)，\(r.reviewedOn)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出一个条目的各轮编审")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "UNIT")) var unit: Int64

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try EditorialReviewStore.reviews(unitID: unit, context: context, db: db).map(EditorialReviewSummary.init) }
            if output.json { return try Output.json(list) }
            Output.table(["轮次", "日期", "决定", "编审人员", "意见"], list.map {
                ["第\($0.round)轮", $0.reviewedOn, $0.decisionTitle, $0.reviewers, $0.note ?? ""]
            }, empty: "条目 \(unit) 还没有编审记录。")
        }
    }
}

/// `lvzhi archive version`: kept versions of the edited text.
struct ArchiveVersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "编辑稿：条目经编审修改的文字，每次添加为新的一版，旧版保留",
        discussion: "例：lvzhi archive version add 7 --file 修改稿.txt --round 1 --note 按第一轮意见修改\n    lvzhi archive version show 7 --revision 1",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "添加编辑稿的新一版（文本文件，UTF-8 或 GB18030）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "UNIT")) var unit: Int64
        @Option(help: ArgumentHelp("编辑稿文本文件", valueName: "FILE")) var file: String
        @Option(help: ArgumentHelp("文件编码：auto（默认）、utf-8、gb18030", valueName: "ENCODING")) var encoding: String?
        @Option(help: ArgumentHelp("本版说明", valueName: "NOTE")) var note: String?
        @Option(help: ArgumentHelp("针对第几轮编审", valueName: "N")) var round: Int?

        func run() throws {
            let text = try ArchiveWorkCommands.readText(file, encoding: encoding)
            let (host, context) = try global.open()
            let v = try host.write(as: context) { tx in try EditorialReviewStore.addVersion(unitID: unit, text: text, note: note, round: round, tx: tx) }
            print("已添加条目 \(unit) 的编辑稿第 \(v.version) 版（\(v.length) 字）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出编辑稿的各版")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "UNIT")) var unit: Int64

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try EditorialReviewStore.versions(unitID: unit, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["版本", "字数", "编审轮次", "说明", "编辑", "时间"], list.map {
                ["第\($0.version)版", String($0.length), $0.reviewRound.map { "第\($0)轮" } ?? "", $0.note ?? "", $0.createdBy, Timestamp.display($0.createdAt)]
            }, rightAligned: [1], empty: "条目 \(unit) 还没有编辑稿。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "打印编辑稿（默认最新一版）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "UNIT")) var unit: Int64
        @Option(name: .customLong("revision"), help: ArgumentHelp("第几版（默认最新一版）", valueName: "N")) var version: Int?

        func run() throws {
            let (host, context) = try global.open()
            let v = try host.read { db in try EditorialReviewStore.version(unitID: unit, number: version, context: context, db: db) }
            Output.note("条目 \(unit) 编辑稿第 \(v.version) 版（\(v.length) 字\(v.note.map { "，\($0)" } ?? "")）")
            print(v.text)
        }
    }
}
