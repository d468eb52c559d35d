import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive exhibition`: exhibitions (展陈).
struct ArchiveExhibitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exhibition", abstract: "展陈：展览（地点、展期）、单元、展品（展签，原件或复制件）",
        discussion: """
        展出规则：秘密及以上、不开放、已注销、受开放限制或未签授权书的口述史料一律不展出；控制、内部或受使用限制的只展复制件；
        同一件原件同一时间只能在一个展览中展出。
        例：lvzhi archive exhibition add --office ordos --title 鄂尔多斯政协七十年 --from 2026-05-01 --to 2026-12-31
            lvzhi archive exhibition section 1 --title 第一单元　协商建国
            lvzhi archive exhibition item 1 --unit 7 --label "1949年伊克昭盟和平解放亲历记（手稿）" --original
            lvzhi archive exhibition show 1
        """,
        subcommands: [Add.self, List.self, Section.self, Item.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增展览")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("展览名称", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("展出地点（默认 政协文史馆）", valueName: "VENUE")) var venue: String?
        @Option(name: .customLong("from"), help: ArgumentHelp("开展日期，默认今天", valueName: "DATE")) var from: String?
        @Option(name: .customLong("to"), help: ArgumentHelp("闭展日期（不给则为常设展）", valueName: "DATE")) var to: String?
        @Option(help: ArgumentHelp("说明", valueName: "NOTES")) var notes: String?

        func run() throws {
            let (host, context) = try global.open()
            let e = try host.write(as: context) { tx in
                try ExhibitionStore.add(officeCode: office, ExhibitionInput(title: title, venue: venue, opensOn: from, closesOn: to, notes: notes), tx: tx)
            }
            print("已新增展览「\(e.title)」（ID \(e.id!)，\(e.venue)，\(e.period)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出展览")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try ExhibitionQuery.list(officeCode: office, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "展览", "地点", "展期", "单元", "展品"], list.map {
                [String($0.id), $0.title, $0.venue, $0.period, String($0.sections), String($0.items)]
            }, rightAligned: [0, 4, 5], empty: "还没有展览。")
        }
    }

    struct Section: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "section", abstract: "给展览添加一个单元（排在最后）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("展览 ID", valueName: "EXHIBITION")) var exhibition: Int64
        @Option(help: ArgumentHelp("单元名称", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("单元导语", valueName: "INTRO")) var intro: String?

        func run() throws {
            let (host, context) = try global.open()
            let s = try host.write(as: context) { tx in try ExhibitionStore.addSection(exhibitionID: exhibition, title: title, introduction: intro, tx: tx) }
            print("已添加第 \(s.position) 单元「\(s.title)」（单元 ID \(s.id!)）")
        }
    }

    struct Item: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "item", abstract: "在单元中添加一件展品（默认展出复制件；--original 展出原件）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("展陈单元 ID（不是展览 ID；见 exhibition show）", valueName: "SECTION-ID")) var section: Int64
        @Option(help: ArgumentHelp("条目 ID", valueName: "ID")) var unit: Int64
        @Option(help: ArgumentHelp("展签文字", valueName: "LABEL")) var label: String
        @Flag(help: "展出原件（开放、公开且不受使用限制的资料）") var original = false

        func run() throws {
            let (host, context) = try global.open()
            let (i, s, e) = try host.write(as: context) { tx in
                let item = try ExhibitionStore.addItem(sectionID: section, unitID: unit, label: label, form: original ? .original : .copy, tx: tx)
                let s = try ExhibitionSection.find(id: section, db: tx.db)
                return (item, s, try Exhibition.find(id: s.exhibitionID, db: tx.db))
            }
            print("已在展览「\(e.title)」（展览 ID \(e.id!)）第 \(s.position) 单元「\(s.title)」（单元 ID \(s.id!)）添加展品（ID \(i.id!)，第 \(i.position) 件，\(i.form.title)）：\(i.label)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看展览的单元和展品")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("展览 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let d = try host.read { db in try ExhibitionQuery.detail(id, context: context, db: db) }
            if output.json { return try Output.json(d) }
            print("展览「\(d.exhibition.title)」　\(d.exhibition.venue)　\(d.exhibition.period)")
            if let notes = d.exhibition.notes { print(notes) }
            if d.sections.isEmpty { print("（还没有单元）") }
            for s in d.sections {
                print("\n第\(s.position)单元　\(s.title)（单元 ID \(s.id)）")
                if let intro = s.introduction { print(intro) }
                Output.table(["序号", "展签", "形式", "档号"], s.items.map { [String($0.position), $0.label, $0.formTitle, $0.referenceCode ?? ""] },
                             rightAligned: [0], empty: "（本单元还没有展品）")
            }
        }
    }
}
