import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive volume`: publication in numbered volumes (第N辑).
struct ArchiveVolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume", abstract: "出版：文史资料按辑出版（丛书、第N辑、日期、编者、ISBN），各篇的印刷篇名、作者和页码",
        discussion: """
        辑号在同一丛书内唯一；同一辑中各篇的页码不能重叠；只有最近一轮编审决定为采用或修改后采用的条目可以收入，
        涉密、不开放、受开放或使用限制、未签授权书的口述史料不能收入。
        例：lvzhi archive volume add --office ordos --series 鄂尔多斯文史资料 --number 12 --title 改革开放亲历记 --date 2026-06 --editor 张某
            lvzhi archive volume add-item 1 --unit 7 --pages 1-18 --author 王某某口述　李某整理
            lvzhi archive volume show 1
        """,
        subcommands: [Add.self, List.self, Show.self, AddItem.self, Contents.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增一辑")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("丛书名（如 鄂尔多斯文史资料）", valueName: "SERIES")) var series: String
        @Option(help: ArgumentHelp("第几辑", valueName: "N")) var number: Int
        @Option(help: ArgumentHelp("书名（本辑题名）", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("出版日期：2026、2026-06 或 2026-06-12", valueName: "DATE")) var date: String?
        @Option(help: ArgumentHelp("编者（主编、编委），可多次给出", valueName: "NAME")) var editor: [String] = []
        @Option(help: ArgumentHelp("ISBN（10 位或 13 位，可带连字符）", valueName: "ISBN")) var isbn: String?
        @Option(help: ArgumentHelp("备注（如 内部发行）", valueName: "NOTES")) var notes: String?

        func run() throws {
            let (host, context) = try global.open()
            let v = try host.write(as: context) { tx in
                try VolumeStore.add(officeCode: office, VolumeInput(series: series, number: number, title: title, publishedOn: date, editors: editor,
                                                                    isbn: isbn, notes: notes), tx: tx)
            }
            print("已新增\(v.displayName)「\(v.title)」（ID \(v.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出各辑")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("只列出这一丛书", valueName: "SERIES")) var series: String?

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try VolumeQuery.list(officeCode: office, series: series, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "丛书", "辑", "书名", "出版", "编者", "ISBN", "篇数", "页数"], list.map {
                [String($0.id), $0.series, "第\($0.number)辑", $0.title, $0.publishedOn ?? "（编辑中）", $0.editors ?? "", $0.isbn ?? "", String($0.items), String($0.pages)]
            }, rightAligned: [0, 7, 8], empty: "还没有登记文史资料辑。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一辑及其目录（按页码）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("辑 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let c = try host.read { db in try VolumeQuery.contents(id, context: context, db: db) }
            if output.json { return try Output.json(c) }
            ArchiveVolumeCommand.printContents(c)
        }
    }

    struct AddItem: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-item", abstract: "把一篇收入一辑（须经编审采用）",
                                                        discussion: "例：lvzhi archive volume add-item 1 --unit 7 --pages 19-32 --title 难忘的岁月")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("辑 ID", valueName: "VOLUME")) var volume: Int64
        @Option(help: ArgumentHelp("条目 ID", valueName: "ID")) var unit: Int64
        @Option(help: ArgumentHelp("页码：19-32，或单页 19", valueName: "PAGES")) var pages: String
        @Option(help: ArgumentHelp("印刷篇名（默认为条目题名）", valueName: "TITLE")) var title: String?
        @Option(help: ArgumentHelp("印刷署名（默认为条目责任者）", valueName: "AUTHOR")) var author: String?

        func run() throws {
            let (from, to) = try Self.pages(pages)
            let (host, context) = try global.open()
            let (item, v) = try host.write(as: context) { tx in
                (try VolumeStore.addItem(volumeID: volume, VolumeItemInput(unitID: unit, pageFrom: from, pageTo: to, printedTitle: title, printedAuthor: author), tx: tx),
                 try Volume.find(id: volume, db: tx.db))
            }
            print("已把「\(item.printedTitle)」收入\(v.displayName)，第 \(item.pages) 页")
        }

        static func pages(_ text: String) throws -> (Int, Int) {
            let parts = text.precomposedStringWithCompatibilityMapping.split(whereSeparator: { "-–—~至".contains($0) }).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil }) else {
                throw LvzhiError.invalid("页码", text, "应为 起始页-终止页（如 19-32）或单页（19）")
            }
            return (parts[0]!, parts.last!!)
        }
    }

    struct Contents: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "contents", abstract: "各辑目录（报表）：每一辑的篇名、作者、页码")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("只列出这一丛书", valueName: "SERIES")) var series: String?

        func run() throws {
            let (host, context) = try global.open()
            let report = try host.read { db in try VolumeQuery.report(officeCode: office, series: series, context: context, db: db) }
            if output.json { return try Output.json(report) }
            if report.isEmpty { Swift.print("还没有登记文史资料辑。"); return }
            for (index, c) in report.enumerated() {
                if index > 0 { Swift.print("") }
                ArchiveVolumeCommand.printContents(c)
            }
        }
    }

    static func printContents(_ c: VolumeContents) {
        let v = c.volume
        Swift.print("\(v.name)　\(v.title)")
        let facts = [v.publishedOn.map { "出版：\($0)" } ?? "编辑中", v.editors.map { "编者：\($0)" }, v.isbn.map { "ISBN \($0)" }, v.notes].compactMap { $0 }
        Swift.print(facts.joined(separator: "　"))
        Output.table(["页码", "篇名", "作者", "档号"], c.contents.map { [$0.pages, $0.title, $0.author ?? "", $0.referenceCode ?? ""] },
                     empty: "（本辑还没有篇目）")
    }
}
