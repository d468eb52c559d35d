import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// The descriptive fields of `unit add` and `unit update` (DA/T 18).
struct UnitFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("档号（本政协内唯一）", valueName: "CODE")) var code: String?
    @Option(help: ArgumentHelp("题名", valueName: "TITLE")) var title: String?
    @Option(help: ArgumentHelp("责任者", valueName: "CREATOR")) var creator: String?
    @Option(help: ArgumentHelp("形成日期：1950、1950-03、1950年3月12日；大约的写 约1950年", valueName: "DATE")) var date: String?
    @Option(help: ArgumentHelp("内容起始时间", valueName: "DATE")) var periodFrom: String?
    @Option(help: ArgumentHelp("内容终止时间", valueName: "DATE")) var periodTo: String?
    @Option(help: ArgumentHelp("稿本：\(DescriptionUnit.manuscripts.joined(separator: "、"))", valueName: "KIND")) var manuscript: String?
    @Option(help: ArgumentHelp("文种或类型（回忆录、口述史、日记、书信、照片…）", valueName: "GENRE")) var genre: String?
    @Option(help: ArgumentHelp("数量及单位（12页）", valueName: "EXTENT")) var extent: String?
    @Option(help: ArgumentHelp("提要", valueName: "SUMMARY")) var summary: String?
    @Option(help: ArgumentHelp("人名（多个用顿号分隔）", valueName: "PERSONS")) var persons: String?
    @Option(help: ArgumentHelp("地名", valueName: "PLACES")) var places: String?
    @Option(help: ArgumentHelp("主题词", valueName: "SUBJECTS")) var subjects: String?
    @Option(help: ArgumentHelp("分类号", valueName: "CLASSIFICATION")) var classification: String?
    @Option(help: ArgumentHelp("密级：\(DescriptionUnit.secrecyGrades.joined(separator: "、"))（默认同上级，或公开）", valueName: "GRADE")) var secrecy: String?
    @Option(help: ArgumentHelp("保管期限：\(DescriptionUnit.retentions.joined(separator: "、"))", valueName: "PERIOD")) var retention: String?
    @Option(help: ArgumentHelp("开放标识：\(DescriptionUnit.opennessMarks.joined(separator: "、"))（默认同上级，或开放）", valueName: "MARK")) var openness: String?
    @Option(help: ArgumentHelp("原件存放位置", valueName: "ORIGINAL")) var original: String?
    @Option(help: ArgumentHelp("复制件存放位置", valueName: "COPY")) var copy: String?
    @Option(help: ArgumentHelp("所属接收登记 ID", valueName: "ID")) var accession: Int64?
    @Option(help: ArgumentHelp("全文（文本文件，UTF-8），用于检索", valueName: "FILE")) var textFile: String?

    func input(level: String? = nil, parent: Int64? = nil) throws -> UnitInput {
        let body = try textFile.map { path -> String in
            let data = try InputFile.read(path, what: "全文文件", limit: InputFile.maxTextBytes)
            return try TextDecoding.decode(data, as: .auto).text
        }
        return UnitInput(level: level, parentID: parent, referenceCode: code, title: title, creator: creator, createdOn: date, periodFrom: periodFrom,
                         periodTo: periodTo, manuscript: manuscript, genre: genre, extent: extent, summary: summary, persons: persons, places: places,
                         subjects: subjects, classification: classification, secrecy: secrecy, retention: retention, openness: openness,
                         originalLocation: original, copyLocation: copy, accessionID: accession, body: body)
    }
}

/// `lvzhi archive unit`: the description tree.
struct ArchiveUnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unit", abstract: "著录：全宗（集合）→ 系列 → 案卷 → 件，按 DA/T 18 的著录项",
                                                    subcommands: [Add.self, Update.self, List.self, Show.self, Tree.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增著录条目",
                                                        discussion: "例：lvzhi archive unit add --office ordos --level 件 --parent 3 --code WS-K-001 --title 我所经历的伊克昭盟解放 --creator 王某某 --date 约1985年 --manuscript 手稿")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("层级：全宗（集合）、系列、案卷、件", valueName: "LEVEL")) var level: String
        @Option(help: ArgumentHelp("上级条目 ID", valueName: "ID")) var parent: Int64?
        @OptionGroup var fields: UnitFieldOptions

        func run() throws {
            let input = try fields.input(level: level, parent: parent)
            let (host, context) = try global.open()
            let u = try host.write(as: context) { tx in try DescriptionStore.add(officeCode: office, input, tx: tx) }
            print("已著录\(u.level.title) \(u.referenceCode)「\(u.title)」（ID \(u.id!)，\(u.secrecy)，\(u.openness)）")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "修改著录条目（只改给出的项；给空字符串清除该项）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "ID")) var id: Int64
        @OptionGroup var fields: UnitFieldOptions

        func run() throws {
            let input = try fields.input()
            let (host, context) = try global.open()
            let u = try host.write(as: context) { tx in try DescriptionStore.update(id: id, input, tx: tx) }
            print("已修改 \(u.referenceCode)「\(u.title)」")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出著录条目（只列出您可以看到的）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("层级", valueName: "LEVEL")) var level: String?
        @Option(help: ArgumentHelp("上级条目 ID", valueName: "ID")) var parent: Int64?
        @Option(help: ArgumentHelp("接收登记 ID", valueName: "ID")) var accession: Int64?
        @Option(help: ArgumentHelp("文种或类型", valueName: "GENRE")) var genre: String?
        @Option(help: ArgumentHelp("存放位置中的字", valueName: "LOCATION")) var location: String?

        func run() throws {
            let filter = UnitFilter(level: try level.map(DescriptionLevel.parse), parentID: parent, accessionID: accession, genre: genre, location: location)
            let (host, context) = try global.open()
            let units = try host.read { db in try DescriptionStore.list(officeCode: office, filter, context: context, db: db) }
            if output.json { return try Output.json(units) }
            Output.table(["ID", "档号", "层级", "题名", "责任者", "日期", "密级", "开放"], units.map {
                [String($0.id!), $0.referenceCode, $0.level.title, $0.title, $0.creator ?? "", ArchivalDate.display($0.createdOn, approximate: $0.createdApproximate),
                 $0.secrecy, $0.openness]
            }, rightAligned: [0], empty: "没有可显示的著录条目。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一条著录（看不到的条目视为不存在）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("条目 ID", valueName: "ID")) var id: Int64
        @Flag(help: "同时打印全文") var text = false

        func run() throws {
            let (host, context) = try global.open()
            let (u, path, agents) = try host.read { db in
                let u = try ArchiveAccess.unit(id, context: context, db: db).unit
                return (u, try DescriptionStore.path(to: u, db: db), try AgentStore.links(unitID: u.id, db: db))
            }
            if output.json { return try Output.json(u) }
            print("\(u.level.title) \(u.referenceCode)：\(u.title)")
            print("位置：" + path.map { "\($0.referenceCode) \($0.title)" }.joined(separator: " ／ "))
            let rows: [(String, String?)] = [
                ("责任者", u.creator), ("形成日期", u.createdOn.map { _ in ArchivalDate.display(u.createdOn, approximate: u.createdApproximate) }),
                ("内容时间", (u.periodFrom != nil || u.periodTo != nil) ? "\(ArchivalDate.display(u.periodFrom, approximate: false))—\(ArchivalDate.display(u.periodTo, approximate: false))\(u.periodApproximate ? "（约）" : "")" : nil),
                ("稿本", u.manuscript), ("文种", u.genre), ("数量", u.extent), ("提要", u.summary), ("人名", u.persons), ("地名", u.places),
                ("主题词", u.subjects), ("分类号", u.classification), ("密级", u.secrecy), ("保管期限", u.retention), ("开放标识", u.openness),
                ("原件存放", u.originalLocation), ("复制件存放", u.copyLocation),
                ("人物", agents.isEmpty ? nil : agents.map { "\($0.agent.name)（\($0.role.title)）" }.joined(separator: "、")),
            ]
            for (label, value) in rows { if let value { print("\(label)：\(value)") } }
            if text, let body = u.body { print("\n\(body)") }
        }
    }

    struct Tree: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tree", abstract: "以树形显示著录（只显示您可以看到的）")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let units = try host.read { db in try DescriptionStore.list(officeCode: office, context: context, db: db) }
            let visible = Set(units.compactMap(\.id))
            let children = Dictionary(grouping: units) { $0.parentID.flatMap { visible.contains($0) ? $0 : nil } ?? 0 }
            func show(_ parent: Int64, depth: Int) {
                for u in (children[parent] ?? []).sorted(by: { $0.referenceCode < $1.referenceCode }) {
                    print(String(repeating: "  ", count: depth) + "\(u.level.title) \(u.referenceCode)　\(u.title)\(u.openness == "开放" && u.secrecy == "公开" ? "" : "（\(u.secrecy)，\(u.openness)）")")
                    show(u.id!, depth: depth + 1)
                }
            }
            if units.isEmpty { print("没有可显示的著录条目。") } else { show(0, depth: 0) }
        }
    }
}

/// `lvzhi archive search`: Chinese full-text search.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "中文全文检索：题名、提要、人名地名主题词、全文和口述稿",
        discussion: """
        两个字的词（口述、文史）、单字、中文与英文数字混排（2021年政协）都可以检索；全角字符自动转为半角；
        用空格分隔的几个词须同时出现。只检索您可以看到的条目。
        例：lvzhi archive search 口述 --office ordos；lvzhi archive search "伊克昭盟 解放" --office ordos
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("检索词", valueName: "QUERY")) var query: String
    @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
    @Option(help: ArgumentHelp("最多显示几条", valueName: "LIMIT")) var limit: Int = 20
    @Option(help: ArgumentHelp("从第几条开始（翻页）", valueName: "OFFSET")) var offset: Int = 0

    func run() throws {
        let (host, context) = try global.open()
        let result = try host.read { db in
            try ArchiveSearch.search(query, officeCode: office, limit: limit, offset: offset, context: context, db: db)
        }
        if output.json { return try Output.json(result.hits) }
        if result.hits.isEmpty { print("没有找到「\(query)」。"); return }
        print("「\(query)」共 \(result.total) 条\(result.total > result.hits.count ? "，显示第 \(offset + 1)–\(offset + result.hits.count) 条" : "")：")
        for (index, hit) in result.hits.enumerated() {
            print("\(offset + index + 1). [\(hit.id)] \(hit.referenceCode)　\(hit.title)（\(hit.level)）")
            print("   \(hit.snippet)")
        }
    }
}
