import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiStorage
import Proposals

/// Key proposals and supervision, the flags that are not states, and the reviewer pool.
extension ProposalCommand {
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "key", abstract: "确定为重点提案：主席会议成员领衔督办（--supervisor-member）或政府领导领办（--supervisor）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("年度，默认今年", valueName: "YEAR")) var year: Int?
        @Option(help: ArgumentHelp("领衔督办的主席会议成员（主席、副主席、秘书长）的委员 ID", valueName: "ID")) var supervisorMember: Int64?
        @Option(help: ArgumentHelp("领办的政府领导，如 \"副市长 王某某\"", valueName: "NAME")) var supervisor: String?
        @Option(help: ArgumentHelp("督办 或 领办（默认：指定委员时为督办，否则为领办）", valueName: "MODE")) var mode: String?

        func run() throws {
            let (host, context) = try global.open()
            let proposal = try ProposalStore(host: host, context: context).markKey(
                id: id, year: year ?? Int(Timestamp.todayInBeijing().prefix(4))!, supervisorMemberID: supervisorMember, supervisor: supervisor, mode: mode)
            print("提案 \(id)「\(proposal.title)」已确定为 \(proposal.keyYear!) 年度重点提案：\(proposal.keySupervisor!) \(proposal.keyMode!)")
        }
    }

    struct Unkey: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unkey", abstract: "取消重点提案（须 --note 理由）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("理由", valueName: "NOTE")) var note: String

        func run() throws {
            let (host, context) = try global.open()
            try ProposalStore(host: host, context: context).unmarkKey(id: id, reason: note)
            print("提案 \(id) 已不再是重点提案")
        }
    }

    struct Supervise: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "supervise", abstract: "记录督办情况（交办之后）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("督办情况", valueName: "NOTE")) var note: String
        @Option(help: ArgumentHelp("督办日期，默认今天", valueName: "DATE")) var on: String?

        func run() throws {
            let (host, context) = try global.open()
            let record = try ProposalStore(host: host, context: context).supervise(id: id, note: note, on: on)
            print("已记录提案 \(id) 的督办（\(record.supervisedOn)）")
        }
    }

    struct SetFlags: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "flag", abstract: "修改标记：公开或不公开（须 --note 理由）、优秀提案",
                                                        discussion: "不公开的提案不出现在公开导出中。标记不是状态：不影响办理流程。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Flag(help: "设为公开") var `public` = false
        @Flag(help: "设为不公开（须 --note 理由）") var `private` = false
        @Flag(help: "评为优秀提案") var excellent = false
        @Flag(help: "取消优秀提案") var notExcellent = false
        @Option(help: ArgumentHelp("不公开的理由", valueName: "NOTE")) var note: String?

        func validate() throws {
            if `public` && `private` { throw ValidationError("--public 与 --private 只能选一个") }
            if excellent && notExcellent { throw ValidationError("--excellent 与 --not-excellent 只能选一个") }
        }

        func run() throws {
            let (host, context) = try global.open()
            let isPublic: Bool? = `public` ? true : (`private` ? false : nil)
            let isExcellent: Bool? = excellent ? true : (notExcellent ? false : nil)
            let p = try ProposalStore(host: host, context: context).flag(id: id, isPublic: isPublic, reason: note, isExcellent: isExcellent)
            print("提案 \(id)：\(p.isPublic ? "公开" : "不公开（\(p.privateReason ?? "")）")\(p.isExcellent ? "，优秀提案" : "")")
        }
    }
}

/// `lvzhi proposal reviewer`: the reviewer pool (提案审查专家库).
struct ReviewerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewer",
        abstract: "提案审查专家库：各专委会推荐的委员；审查时可随机抽取，审查步骤可用 --reviewer 记下参加的专家",
        subcommands: [Add.self, List.self, Remove.self, Draw.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "把委员加入专家库")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("委员 ID", valueName: "MEMBER")) var member: Int64
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("推荐的专委会代码", valueName: "CODE")) var committee: String?

        func run() throws {
            let (host, context) = try global.open()
            let (name, officeName) = try host.write(as: context) { tx in
                _ = try ReviewerPool.add(officeCode: office, memberID: member, committeeCode: committee, tx: tx)
                return (try Member.find(id: member, db: tx.db).name, try Office.find(code: office, db: tx.db).name)
            }
            print("已将委员 \(name)（ID \(member)）加入\(officeName)的提案审查专家库")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出专家库")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let pool = try host.read { db in try ReviewerPool.list(officeCode: office, context: context, db: db) }
            if output.json { return try Output.json(pool) }
            Output.table(["委员ID", "姓名", "界别", "推荐专委会"], pool.map { [String($0.memberID), $0.name, $0.sector, $0.committee ?? "—"] },
                         rightAligned: [0], empty: "专家库为空。用 lvzhi proposal reviewer add 委员ID --office \(office) 添加。")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "把委员移出专家库")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("委员 ID", valueName: "MEMBER")) var member: Int64
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            try host.write(as: context) { tx in try ReviewerPool.remove(officeCode: office, memberID: member, tx: tx) }
            print("已将委员 \(member) 移出专家库")
        }
    }

    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draw", abstract: "随机抽取审查专家（尽量来自不同专委会；抽取结果记入审计日志）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("人数", valueName: "COUNT")) var count: Int = 3

        func run() throws {
            let (host, context) = try global.open()
            let drawn = try host.write(as: context) { tx in try ReviewerPool.draw(officeCode: office, count: count, tx: tx) }
            if output.json { return try Output.json(drawn) }
            Output.table(["委员ID", "姓名", "界别", "推荐专委会"], drawn.map { [String($0.memberID), $0.name, $0.sector, $0.committee ?? "—"] },
                         rightAligned: [0], empty: "")
            print("审查时可用 " + drawn.map { "--reviewer \($0.memberID)" }.joined(separator: " ") + " 记下参加的专家")
        }
    }
}
