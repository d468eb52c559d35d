import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage
import Proposals

/// The filters of listings and exports.
struct ProposalFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("状态：\(ProposalStatus.allCases.map(\.rawValue).joined(separator: "、"))，或其中文名（含本政协在 status_labels 中设的名称）", valueName: "STATUS")) var status: String?
    @Option(help: ArgumentHelp("类别", valueName: "CATEGORY")) var category: String?
    @Option(help: ArgumentHelp("类型：individual、joint、collective，或 个人/联名/集体（也可写 个人提案 等全称）", valueName: "KIND")) var kind: String?
    @Option(help: ArgumentHelp("承办单位名称（主办或协办）", valueName: "UNIT")) var unit: String?
    @Option(help: ArgumentHelp("第几届（默认不限；与 --session 一起时默认当前届）", valueName: "N")) var term: Int?
    @Option(help: ArgumentHelp("第几次会议的提案（按编号所属会议）", valueName: "N")) var session: Int?
    @Option(help: ArgumentHelp("提交年度（与 --key 一起时为重点提案年度）", valueName: "YEAR")) var year: Int?
    @Flag(help: "只看有承办单位超期未答复的") var overdue = false
    @Flag(help: "只看重点提案") var key = false
    @Flag(help: "只看优秀提案") var excellent = false
    @Option(help: ArgumentHelp("大会 或 平时", valueName: "OCCASION")) var occasion: String?
    @Option(help: ArgumentHelp("只看某委员提出、附议或执笔的（委员 ID）", valueName: "ID")) var member: Int64?

    /// The query; the status is resolved against the office's own names when it runs.
    func query() throws -> ProposalQuery {
        ProposalQuery(category: category, kind: try kind.map { try ProposalKind.parse($0) }, unit: unit, term: term,
                      session: session, year: year, overdue: overdue, key: key, occasion: occasion, memberID: member, excellent: excellent,
                      statusName: status)
    }
}

extension ProposalCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出提案（可按状态、类别、承办单位、届次会议、年度、超期、重点等筛选）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @OptionGroup var filter: ProposalFilterOptions

        func run() throws {
            let query = try filter.query()
            let (host, context) = try global.open()
            let store = ProposalStore(host: host, context: context)
            let proposals = try store.list(officeCode: office, query)
            if output.json { return try Output.json(proposals) }
            let labels = try store.report(officeCode: office) { scope, db in try ProposalLabels.of(scope.office, db: db) }
            Output.table(["ID", "编号", "案由", "类别", "类型", "状态", "标记"], proposals.map {
                [String($0.id!), $0.numberLabel ?? "—", $0.title, $0.category, $0.kind.title, labels.title($0.status),
                 [$0.isKey ? "重点" : nil, $0.isExcellent ? "优秀" : nil, $0.isPublic ? nil : "不公开", $0.occasion == "大会" ? "大会" : nil]
                    .compactMap { $0 }.joined(separator: "、")]
            }, rightAligned: [0], empty: "没有符合条件的提案。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一件提案：提案人、承办单位、答复、测评、沟通、督办和办理记录")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let d = try ProposalStore(host: host, context: context).detail(id: id)
            if output.json { return try Output.json(d) }
            let p = d.proposal
            print("提案 \(p.id!)：\(p.title)")
            print("编号：\(p.numberLabel ?? "—")　类别：\(p.category)　类型：\(p.kind.title)\(p.collectiveBody.map { "（\($0)）" } ?? "")　状态：\(d.statusLabel)\(p.occasion.map { "　\($0)提案" } ?? "")")
            var flags: [String] = []
            if p.isKey { flags.append("\(p.keyYear.map(String.init) ?? "") 年度重点提案（\(p.keySupervisor ?? "") \(p.keyMode ?? "")）") }
            if p.isExcellent { flags.append("优秀提案") }
            if !p.isPublic { flags.append("不公开" + (p.privateReason.map { "（\($0)）" } ?? "")) }
            if !flags.isEmpty { print("标记：" + flags.joined(separator: "；")) }
            if let main = d.mergedInto { print("已并入提案 \(main.id!)「\(main.title)」，随主提案办理（主提案现为「\(main.status.title)」）") }
            if !d.merged.isEmpty { print("并入本件的提案：" + d.merged.map(String.init).joined(separator: "、")) }
            if !d.proposers.isEmpty {
                print("提案人：" + d.proposers.map { "\($0.name)（\(ProposalProposer.title($0.role))\($0.role == "cosigner" && !$0.confirmed ? "，待确认" : "")）" }.joined(separator: "、"))
            }
            if let ground = p.rejectionGround { print("不予立案理由：\(ground)") }
            if !d.units.isEmpty {
                print("承办单位：" + d.units.map { "\($0.name)（\($0.part.role.title)，\($0.part.status.title)，期限 \($0.part.dueOn)\($0.overdue ? "，已超期" : "")）" }
                    .joined(separator: "；"))
                for unit in d.units { if let opinion = unit.part.opinion { print("协办意见（\(unit.name)）：\(opinion)") } }
            }
            if !p.body.isEmpty { print("\n\(p.body)\n") }
            for reply in d.replies {
                let state = reply.sentBackAt != nil ? "已退回重办：\(reply.sentBackReason ?? "")" : (reply.publishedAt != nil ? "已公布" : "未公布")
                print("答复（\(Timestamp.beijingDay(reply.repliedAt))，\(reply.outcome.title)\(reply.documentNumber.map { "，\($0)" } ?? "")，\(state)）：")
                print(reply.body)
                if let person = reply.contactPerson { print("联系人：\(person) \(reply.contactPhone ?? "")") }
            }
            if !d.ratings.isEmpty {
                print("测评：" + d.ratings.map { "\($0.rater) \($0.rating.title)\($0.enteredByStaff ? "（代为登记）" : "")" }.joined(separator: "、"))
            }
            for c in d.contacts { print("沟通（\(c.stage)，\(c.method)，\(c.contactedOn)）：\(c.summary)") }
            for s in d.supervisions { print("督办（\(s.supervisedOn)）：\(s.note)") }
            print("")
            Output.table(["时间", "步骤", "操作人", "说明"], d.steps.map {
                [Timestamp.display($0.at), stepTitle($0.action), $0.username,
                 [$0.note, $0.reviewers.map { "审查专家：\($0)" }].compactMap { $0 }.joined(separator: "；")]
            }, empty: "（尚未提交）")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "年度统计：总数、立案率、集体提案、重点提案、办结、超期，以及类别 × 状态表")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("提交年度；默认全部", valueName: "YEAR")) var year: Int?

        struct Result: Encodable {
            var totals: ProposalTotals
            var byCategory: [CategoryStatusRow]
            /// For someone who does not see every proposal: what the figures cover.
            var scope: String?
        }

        func run() throws {
            let (host, context) = try global.open()
            let (totals, rows, labels, note) = try ProposalStore(host: host, context: context).report(officeCode: office) { scope, db in
                (try ProposalStatistics.totals(scope: scope, year: year, db: db), try ProposalStatistics.byCategory(scope: scope, year: year, db: db),
                 try ProposalLabels.of(scope.office, db: db), scope.note)
            }
            if output.json { return try Output.json(Result(totals: totals, byCategory: rows, scope: note)) }
            if let note { print("（\(note)）") }
            print("\(year.map { "\($0) 年" } ?? "全部")提案：提交 \(totals.submitted) 件，立案 \(totals.filed) 件\(totals.filingPercent.map { "（\($0)%）" } ?? "")，"
                  + "不予立案 \(totals.rejected)，转为意见建议 \(totals.converted)，并案 \(totals.merged)；集体提案 \(totals.collective)，重点提案 \(totals.key)，"
                  + "已办结 \(totals.concluded)，超期未答复 \(totals.overdue)")
            let statuses = ProposalStatus.allCases.filter { status in status != .draft && rows.contains { $0.counts[status.rawValue] != nil } }
            var table: [[String]] = rows.map { row in
                let cells: [String] = statuses.map { String(row.counts[$0.rawValue] ?? 0) }
                return [row.category] + cells + [String(row.total)]
            }
            let sums: [String] = statuses.map { status in String(rows.reduce(0) { $0 + ($1.counts[status.rawValue] ?? 0) }) }
            table.append(["合计"] + sums + [String(rows.reduce(0) { $0 + $1.total })])
            let headers: [String] = ["类别"] + statuses.map { labels.title($0) } + ["合计"]
            Output.table(headers, table, rightAligned: Set(1...(statuses.count + 1)), empty: "")
        }
    }

    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "units", abstract: "承办单位办理情况（民主评议）：主办、协办、退回、答复、按时、超期、答复类别、满意度")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("提交年度；默认全部", valueName: "YEAR")) var year: Int?
        @Flag(help: "也列出没有承办任何提案的单位") var all = false

        func run() throws {
            let (host, context) = try global.open()
            var (rows, note) = try ProposalStore(host: host, context: context).report(officeCode: office) { scope, db in
                (try ProposalStatistics.units(scope: scope, year: year, db: db), scope.note)
            }
            if !all { rows = rows.filter { $0.lead + $0.co + $0.returned > 0 } }
            if output.json { return try Output.json(rows) }
            if let note { print("（\(note)）") }
            func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "—" }
            Output.table(["承办单位", "主办", "协办", "退回", "已答复", "按时", "逾期答复", "超期未答", "A", "B", "C", "满意", "基本满意", "不满意", "按时率", "满意率"],
                         rows.map { [$0.unit] + [$0.lead, $0.co, $0.returned, $0.replied, $0.onTime, $0.late, $0.overdue, $0.outcomeA, $0.outcomeB, $0.outcomeC,
                                                 $0.satisfied, $0.basic, $0.unsatisfied].map(String.init) + [pct($0.onTimePercent), pct($0.satisfactionPercent)] },
                         rightAligned: Set(1...15), empty: "没有承办单位承办过提案。")
        }
    }

    struct Overdue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "overdue", abstract: "超期预警：已过期限仍未答复的承办；--within N 同时列出 N 天内到期的")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("也列出几天内到期的", valueName: "DAYS")) var within: Int = 0
        @Option(help: ArgumentHelp("只看某个承办单位", valueName: "UNIT")) var unit: String?

        func run() throws {
            let (host, context) = try global.open()
            let rows = try ProposalStore(host: host, context: context).report(officeCode: office) { scope, db in
                try ProposalDeadlines.warnings(scope: scope, within: within, unit: unit, db: db)
            }
            if output.json { return try Output.json(rows) }
            Output.table(["ID", "编号", "案由", "承办单位", "承办", "状态", "期限", "超期天数", "重点"], rows.map {
                [String($0.proposalID), $0.numberLabel ?? "—", $0.title, $0.unit, $0.role, $0.status, $0.dueOn,
                 $0.daysOverdue > 0 ? String($0.daysOverdue) : "还剩 \(-$0.daysOverdue) 天", $0.isKey ? ($0.keySupervisor ?? "重点") : ""]
            }, rightAligned: [0, 7], empty: within > 0 ? "没有超期或 \(within) 天内到期的承办。" : "没有超期未答复的承办。")
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "规则检查：各专委会、各界别活动组本年度至少提出一件集体提案")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("年度，默认今年", valueName: "YEAR")) var year: Int?

        func run() throws {
            let year = self.year ?? Int(Timestamp.todayInBeijing().prefix(4))!
            let (host, context) = try global.open()
            let rows = try ProposalStore(host: host, context: context).report(officeCode: office) { scope, db in
                try ProposalRules.collectiveCoverage(scope: scope, year: year, db: db)
            }
            if output.json { return try Output.json(rows) }
            Output.table(["类别", "名称", "集体提案", "其中立案", "是否达到"], rows.map {
                [$0.bodyKind, $0.body, String($0.submitted), String($0.filed), $0.met ? "达到" : "未达到"]
            }, rightAligned: [2, 3], empty: "本政协没有专委会和界别活动组。")
            let missing = rows.filter { !$0.met }
            print(missing.isEmpty ? "\(year) 年各专委会、各界别活动组都已提出集体提案。"
                                  : "\(year) 年尚未提出集体提案的：\(missing.map(\.body).joined(separator: "、"))")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "导出提案清单为 .xlsx、.csv 或 .md（--public：只含可公开的提案和列）",
                                                        discussion: "公开版本不含不公开的提案、未立案的提案、未公布的答复，也不含联系人、不予立案理由等仅供政协办公室使用的列。")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("输出文件，扩展名决定格式：.xlsx、.csv、.md", valueName: "FILE")) var out: String
        @Flag(help: "公开版本") var `public` = false
        @OptionGroup var filter: ProposalFilterOptions

        /// The longest file name `--out` may have, in bytes: the file system allows 255, and the
        /// Excel writer first writes a temporary file whose name adds about 45 bytes.
        static let maxFileNameBytes = 200

        func validate() throws {
            let name = (out as NSString).lastPathComponent
            guard name.utf8.count <= Self.maxFileNameBytes else {
                throw ValidationError("--out 的文件名太长（\(name.utf8.count) 字节，最多 \(Self.maxFileNameBytes) 字节，约 66 个汉字）：\(name.quotedForMessage)")
            }
        }

        func run() throws {
            let query = try filter.query()
            let (host, context) = try global.open()
            let table = try ProposalStore(host: host, context: context).report(officeCode: office) { scope, db in
                try ProposalExport.table(scope: scope, query: query, isPublic: `public`, context: context, db: db)
            }
            let url = URL(fileURLWithPath: out)
            try ReportWriter.write(ReportTable(title: `public` ? "提案清单（公开）" : "提案清单", headers: table.headers, rows: table.rows), to: url)
            print("已导出 \(table.rows.count) 件提案到 \(url.path)\(`public` ? "（公开版本）" : "")")
        }
    }
}

/// The Chinese name of a step in the history.
func stepTitle(_ action: String) -> String {
    if let a = ProposalAction(rawValue: action) { return a.title }
    if let a = UnitAction(rawValue: action) { return a.title }
    return ["assign": "交办", "publish": "公布答复", "rate": "测评", "key": "确定重点提案", "unkey": "取消重点提案",
            "supervise": "督办", "flag": "修改标记", "contact": "沟通"][action] ?? action
}
