import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive interview`: oral-history interviews (DA/T 59-2017).
struct ArchiveInterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview", abstract: "口述史采访：口述者、采集者、采集单位、时间地点、时长、方言、授权书、口述者审阅",
        discussion: """
        每次采访著录为一个条目（文种 口述史）：新建条目（--code、--title）或挂到已有条目（--unit）。
        口述者是本政协委员时（--narrator-member），采访记入其履职档案（讲述口述史料）。
        例：lvzhi archive interview add --office ordos --code KS-2026-001 --title 我所经历的伊克昭盟解放 --parent 2 \\
                --narrator-member 12 --interviewer 5 --date 2026-03-12 --place 东胜区 --duration 01:35:00 --dialect 鄂尔多斯方言 --consent
        """,
        subcommands: [Add.self, List.self, Show.self, Update.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "登记一次口述史采访",
                                                        discussion: "例：lvzhi archive interview add --office ordos --unit 7 --narrator 3 --interviewer 5 --date 2026-03-12 --duration 95分钟")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("挂到已有的著录条目（ID）", valueName: "ID")) var unit: Int64?
        @Option(help: ArgumentHelp("新条目的档号", valueName: "CODE")) var code: String?
        @Option(help: ArgumentHelp("新条目的题名", valueName: "TITLE")) var title: String?
        @Option(help: ArgumentHelp("新条目的上级条目 ID", valueName: "ID")) var parent: Int64?
        @Option(help: ArgumentHelp("新条目的提要", valueName: "SUMMARY")) var summary: String?
        @Option(help: ArgumentHelp("新条目的密级（默认同上级，或公开）", valueName: "GRADE")) var secrecy: String?
        @Option(help: ArgumentHelp("新条目的开放标识（默认同上级，或开放）", valueName: "MARK")) var openness: String?
        @Option(help: ArgumentHelp("新条目所属的接收登记 ID", valueName: "ID")) var accession: Int64?
        @Option(help: ArgumentHelp("口述者（人物 ID）", valueName: "ID")) var narrator: Int64?
        @Option(help: ArgumentHelp("口述者是本政协委员：委员 ID（记入履职档案）", valueName: "ID")) var narratorMember: Int64?
        @Option(help: ArgumentHelp("采集者（人物 ID）", valueName: "ID")) var interviewer: Int64
        @Option(help: ArgumentHelp("采集单位（默认为本政协）", valueName: "COLLECTING-UNIT")) var collectingUnit: String?
        @Option(help: ArgumentHelp("采集日期，默认今天", valueName: "DATE")) var date: String?
        @Option(help: ArgumentHelp("采集地点", valueName: "PLACE")) var place: String?
        @Option(help: ArgumentHelp("时长：01:35:00、95分钟 或 秒数", valueName: "TIME")) var duration: String?
        @Option(help: ArgumentHelp("方言或语言（如 鄂尔多斯方言、蒙古语）", valueName: "DIALECT")) var dialect: String?
        @Flag(help: "口述者已签署授权书（知情同意书）") var consent = false
        @Flag(help: "口述者已审阅整理稿") var narratorReviewed = false
        @Option(help: ArgumentHelp("备注", valueName: "NOTES")) var notes: String?

        func run() throws {
            let newUnit = code != nil || title != nil
            let fields = newUnit ? UnitInput(parentID: parent, referenceCode: code, title: title, summary: summary, secrecy: secrecy,
                                             openness: openness, accessionID: accession) : nil
            if !newUnit, parent != nil || summary != nil || secrecy != nil || openness != nil || accession != nil {
                throw ValidationError("--parent、--summary、--secrecy、--openness、--accession 只用于新建条目（须同时给出 --code 和 --title）")
            }
            let input = InterviewInput(unitID: unit, unit: fields, narratorID: narrator, narratorMemberID: narratorMember, interviewerID: interviewer,
                                       collectingUnit: collectingUnit, interviewedOn: date, place: place, duration: duration, dialect: dialect,
                                       consentGiven: consent, narratorReviewed: narratorReviewed, notes: notes)
            let (host, context) = try global.open()
            let (interview, summary) = try host.write(as: context) { tx in
                let i = try OralHistoryStore.add(officeCode: office, input, tx: tx)
                return (i, try OralHistoryQuery.summary(i, db: tx.db))
            }
            print("已登记口述史采访（ID \(interview.id!)）：\(summary.referenceCode)「\(summary.title)」，口述者 \(summary.narrator)，采集者 \(summary.interviewer)，\(interview.interviewedOn)")
            if !interview.consentGiven { Output.note("提示：尚未登记授权书；签署后用 lvzhi archive interview update \(interview.id!) --consent 登记，否则不能复制、出版或展出。") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出口述史采访（只列出您可以看到的）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("口述者（人物 ID）", valueName: "ID")) var narrator: Int64?

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try OralHistoryQuery.list(officeCode: office, narratorID: narrator, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "档号", "题名", "口述者", "采集者", "日期", "时长", "授权书", "审阅", "整理稿", "片段"], list.map {
                [String($0.id), $0.referenceCode, $0.title, $0.narrator, $0.interviewer, $0.interviewedOn, $0.duration ?? "", ArchiveWorkCommands.yesNo($0.consentGiven),
                 ArchiveWorkCommands.yesNo($0.narratorReviewed), $0.transcriptVersions == 0 ? "—" : "第\($0.transcriptVersions)版", String($0.segments)]
            }, rightAligned: [0, 10], empty: "没有可显示的口述史采访。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一次采访：采访记录、整理稿各版、索引片段")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let detail = try host.read { db in try OralHistoryQuery.detail(id, context: context, db: db) }
            if output.json { return try Output.json(detail) }
            let i = detail.interview
            print("口述史采访 \(i.id)：\(i.referenceCode)「\(i.title)」（条目 ID \(i.unitID)）")
            let rows: [(String, String?)] = [
                ("口述者", i.narrator + (i.memberID.map { "（委员 ID \($0)）" } ?? "")), ("采集者", i.interviewer), ("采集单位", i.collectingUnit),
                ("采集日期", i.interviewedOn), ("地点", i.place), ("时长", i.duration), ("方言", i.dialect),
                ("授权书", i.consentGiven ? "已签署" : "未签署"), ("口述者审阅", i.narratorReviewed ? "已审阅" : "未审阅"), ("备注", i.notes),
            ]
            for (label, value) in rows { if let value { print("\(label)：\(value)") } }
            print("\n整理稿：")
            Output.table(["版本", "字数", "说明", "整理人", "时间"], detail.versions.map {
                ["第\($0.version)版", String($0.length), $0.note ?? "", $0.createdBy, Timestamp.display($0.createdAt)]
            }, rightAligned: [1], empty: "（还没有整理稿）")
            print("\n索引：")
            Output.table(["开始", "标题", "关键词", "版本", "位置"], detail.segments.map {
                [$0.start, $0.title, $0.keywords ?? "", "第\($0.transcriptVersion)版", "\($0.charFrom)–\($0.charTo)"]
            }, empty: "（还没有索引片段）")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "修改采访记录（授权书、口述者审阅、时长等；只改给出的项）",
                                                        discussion: "例：lvzhi archive interview update 3 --consent --narrator-reviewed")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "ID")) var id: Int64
        @Flag(inversion: .prefixedNo, help: "口述者已签署授权书（--no-consent 撤销）") var consent: Bool?
        @Flag(inversion: .prefixedNo, help: "口述者已审阅整理稿") var narratorReviewed: Bool?
        @Option(help: ArgumentHelp("采集单位", valueName: "COLLECTING-UNIT")) var collectingUnit: String?
        @Option(help: ArgumentHelp("采集日期", valueName: "DATE")) var date: String?
        @Option(help: ArgumentHelp("采集地点（空字符串清除）", valueName: "PLACE")) var place: String?
        @Option(help: ArgumentHelp("时长", valueName: "TIME")) var duration: String?
        @Option(help: ArgumentHelp("方言或语言", valueName: "DIALECT")) var dialect: String?
        @Option(help: ArgumentHelp("备注", valueName: "NOTES")) var notes: String?

        func run() throws {
            let (host, context) = try global.open()
            let i = try host.write(as: context) { tx in
                try OralHistoryStore.update(id: id, InterviewUpdate(collectingUnit: collectingUnit, interviewedOn: date, place: place, duration: duration,
                                                                    dialect: dialect, consentGiven: consent, narratorReviewed: narratorReviewed, notes: notes), tx: tx)
            }
            print("已修改口述史采访 \(id)：授权书\(i.consentGiven ? "已签署" : "未签署")，口述者\(i.narratorReviewed ? "已审阅" : "未审阅")整理稿")
        }
    }
}

/// `lvzhi archive transcript`: the versioned transcripts of interviews.
struct ArchiveTranscriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript", abstract: "口述整理稿：每次添加为新的一版，旧版保留；检索只用最新一版",
        discussion: "例：lvzhi archive transcript add 3 --file 整理稿.txt --note 口述者审阅后修改\n    lvzhi archive transcript show 3 --revision 1",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "添加整理稿的新一版（文本文件，UTF-8 或 GB18030）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "INTERVIEW")) var interview: Int64
        @Option(help: ArgumentHelp("整理稿文本文件", valueName: "FILE")) var file: String
        @Option(help: ArgumentHelp("文件编码：auto（默认）、utf-8、gb18030", valueName: "ENCODING")) var encoding: String?
        @Option(help: ArgumentHelp("本版说明（初稿、口述者审阅后修改…）", valueName: "NOTE")) var note: String?

        func run() throws {
            let text = try ArchiveWorkCommands.readText(file, encoding: encoding)
            let (host, context) = try global.open()
            let t = try host.write(as: context) { tx in try OralHistoryTranscriptStore.add(interviewID: interview, text: text, note: note, tx: tx) }
            print("已添加采访 \(interview) 的整理稿第 \(t.version) 版（\(t.length) 字）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出整理稿的各版")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "INTERVIEW")) var interview: Int64

        func run() throws {
            let (host, context) = try global.open()
            let versions = try host.read { db in try OralHistoryQuery.detail(interview, context: context, db: db).versions }
            if output.json { return try Output.json(versions) }
            Output.table(["版本", "字数", "说明", "整理人", "时间"], versions.map {
                ["第\($0.version)版", String($0.length), $0.note ?? "", $0.createdBy, Timestamp.display($0.createdAt)]
            }, rightAligned: [1], empty: "采访 \(interview) 还没有整理稿。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "打印整理稿（默认最新一版）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "INTERVIEW")) var interview: Int64
        @Option(name: .customLong("revision"), help: ArgumentHelp("第几版（默认最新一版）", valueName: "N")) var version: Int?

        func run() throws {
            let (host, context) = try global.open()
            let t = try host.read { db in try OralHistoryTranscriptStore.transcript(interviewID: interview, version: version, context: context, db: db) }
            Output.note("采访 \(interview) 整理稿第 \(t.version) 版（\(t.length) 字\(t.note.map { "，\($0)" } ?? "")）")
            print(t.text)
        }
    }
}

/// `lvzhi archive segment`: the time-coded index of an interview.
struct ArchiveSegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment", abstract: "口述索引：按录音时间的片段（标题、提要、关键词），对应整理稿中的字符位置",
        discussion: """
        位置按字（Unicode 字符）计，从 0 数起：--from 0 --to 120 是整理稿的前 120 个字。位置不能超出该版整理稿的长度。
        例：lvzhi archive segment add 3 --start 00:12:30 --title 和平解放前夜 --from 0 --to 120 --keywords 伊克昭盟、和平解放
        """,
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "添加一个索引片段")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "INTERVIEW")) var interview: Int64
        @Option(help: ArgumentHelp("录音中的开始时间：00:12:30、12:30 或秒数", valueName: "TIME")) var start: String
        @Option(help: ArgumentHelp("片段标题", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("提要", valueName: "SYNOPSIS")) var synopsis: String?
        @Option(help: ArgumentHelp("关键词（顿号或逗号分隔）", valueName: "KEYWORDS")) var keywords: String?
        @Option(name: .customLong("from"), help: ArgumentHelp("整理稿中的起始位置（字，从 0 数起）", valueName: "OFFSET")) var from: Int
        @Option(name: .customLong("to"), help: ArgumentHelp("整理稿中的结束位置（不含）", valueName: "OFFSET")) var to: Int
        @Option(name: .customLong("revision"), help: ArgumentHelp("对应第几版整理稿（默认最新一版）", valueName: "N")) var version: Int?

        func run() throws {
            let (host, context) = try global.open()
            let s = try host.write(as: context) { tx in
                try OralHistorySegmentStore.add(interviewID: interview, SegmentInput(start: start, title: title, synopsis: synopsis, keywords: keywords,
                                                                                     from: from, to: to, version: version), tx: tx)
            }
            print("已添加索引片段（ID \(s.id!)）\(TimeCode.format(s.startSeconds))「\(s.title)」，对应第 \(s.transcriptVersion) 版第 \(s.charFrom)–\(s.charTo) 字")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出一次采访的索引片段（按开始时间）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("采访 ID", valueName: "INTERVIEW")) var interview: Int64

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try OralHistorySegmentStore.list(interviewID: interview, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "开始", "标题", "关键词", "版本", "位置", "文字"], list.map {
                [String($0.id), $0.start, $0.title, $0.keywords ?? "", "第\($0.transcriptVersion)版", "\($0.charFrom)–\($0.charTo)", ArchiveWorkCommands.short($0.text)]
            }, rightAligned: [0], empty: "采访 \(interview) 还没有索引片段。")
        }
    }
}
