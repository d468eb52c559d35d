import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiStorage
import Proposals

/// Assignment, every step of a unit's sub-life, publication, rating and contacts.
extension ProposalCommand {
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "交办已立案的提案：一个主办单位，可加协办单位（办理期限见模块设置，默认三个月）",
                                                        discussion: "主办单位退回后，用同一命令重新交办。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("主办单位名称", valueName: "UNIT")) var lead: String
        @Option(help: ArgumentHelp("协办单位名称，可多次给出", valueName: "UNIT")) var co: [String] = []

        func run() throws {
            let (host, context) = try global.open()
            let units = try ProposalStore(host: host, context: context).assign(id: id, lead: lead, coHandlers: co)
            print("提案 \(id) 已交办：主办 \(lead)\(co.isEmpty ? "" : "，协办 " + co.joined(separator: "、"))；答复期限 \(units[0].dueOn)")
        }
    }

    /// What every unit step takes; the action comes from the subcommand (one per row of the units' table).
    struct UnitStepArguments: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("政协办公室操作时：哪个承办单位（默认主办单位）", valueName: "UNIT")) var unit: String?
        @Option(help: ArgumentHelp("理由或意见", valueName: "NOTE")) var note: String?

        func apply(_ action: UnitAction, _ input: (inout UnitStepInput) throws -> Void = { _ in }) throws {
            var step = UnitStepInput(unit: unit, note: note)
            try input(&step)
            let (host, context) = try global.open()
            let part = try ProposalStore(host: host, context: context).apply(action, id: id, step)
            let proposal = try ProposalStore(host: host, context: context).detail(id: id)
            print("提案 \(id)：已\(action.title)；承办为「\(part.status.title)」，期限 \(part.dueOn)；提案现为「\(proposal.statusLabel)」")
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept", abstract: "承办单位接收交办的提案")
        @OptionGroup var arguments: UnitStepArguments
        func run() throws { try arguments.apply(.accept) }
    }

    struct UnitReturn: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unit-return",
                                                        abstract: "承办单位退回不属于本单位职责的提案（交办后若干天内，默认 10 天，须写明理由）")
        @OptionGroup var arguments: UnitStepArguments
        @Option(help: ArgumentHelp("退回理由（也可用 --note）", valueName: "REASON")) var reason: String?
        func run() throws { try arguments.apply(.giveBack) { if let reason { $0.note = reason } } }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reply", abstract: "主办单位答复提案（答复在政协公布之前只有政协办公室和本单位能看到）")
        @OptionGroup var arguments: UnitStepArguments
        @Option(help: ArgumentHelp("答复类别：A 已解决或采纳、B 正在解决或列入计划、C 因条件限制留作参考", valueName: "A|B|C")) var outcome: String
        @Option(help: ArgumentHelp("答复全文", valueName: "BODY")) var body: String?
        @Option(help: ArgumentHelp("答复全文所在的文本文件（UTF-8）", valueName: "FILE")) var bodyFile: String?
        @Option(help: ArgumentHelp("答复文号", valueName: "DOC-NUMBER")) var docNumber: String?
        @Option(help: ArgumentHelp("联系人（不公开）", valueName: "CONTACT-PERSON")) var contactPerson: String?
        @Option(help: ArgumentHelp("联系电话（不公开）", valueName: "CONTACT-PHONE")) var contactPhone: String?

        func run() throws {
            let text = try bodyFile.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? body ?? ""
            try arguments.apply(.reply) {
                $0.reply = ReplyInput(outcome: outcome, body: text, documentNumber: docNumber, contactPerson: contactPerson, contactPhone: contactPhone)
            }
        }
    }

    struct Opinion: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "opinion", abstract: "协办单位向主办单位提出协办意见（须 --note）")
        @OptionGroup var arguments: UnitStepArguments
        func run() throws { try arguments.apply(.opinion) }
    }

    struct SendBack: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send-back", abstract: "政协办公室退回答复，要求承办单位重新答复（公布之前，须 --note）")
        @OptionGroup var arguments: UnitStepArguments
        func run() throws { try arguments.apply(.sendBack) }
    }

    struct Rehandle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rehandle", abstract: "提案人不满意时，政协办公室安排承办单位重新办理（须 --note；期限见模块设置，默认一个月）")
        @OptionGroup var arguments: UnitStepArguments
        func run() throws { try arguments.apply(.rehandle) }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "extend", abstract: "延长办理期限（须 --until 新期限和 --note 理由；最长为交办后六个月，可在模块设置中修改）")
        @OptionGroup var arguments: UnitStepArguments
        @Option(help: ArgumentHelp("新的办理期限", valueName: "DATE")) var until: String
        func run() throws { try arguments.apply(.extend) { $0.until = until } }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "publish", abstract: "公布答复：一件（ID）或本政协全部待公布的答复（--all --office）",
                                                        discussion: "公布后提案人可以看到答复全文并测评；其他人看到的是去掉联系方式的公开版本。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64?
        @Flag(help: "批量公布本政协全部待公布的答复") var all = false
        @Option(help: ArgumentHelp("政协代码（与 --all 一起用）", valueName: "CODE")) var office: String?
        @Option(help: ArgumentHelp("只公布某年提交的提案的答复（与 --all 一起用）", valueName: "YEAR")) var year: Int?

        func validate() throws {
            if all == (id != nil) { throw ValidationError("请给出提案 ID，或用 --all --office CODE 批量公布") }
            if all && office == nil { throw ValidationError("--all 须与 --office 一起使用") }
        }

        func run() throws {
            let (host, context) = try global.open()
            let store = ProposalStore(host: host, context: context)
            if let id {
                let count = try store.publish(id: id)
                print("已公布提案 \(id) 的答复（\(count) 份）")
            } else {
                let ids = try store.publishAll(officeCode: office!, year: year)
                print(ids.isEmpty ? "没有待公布的答复。" : "已公布 \(ids.count) 件提案的答复：\(ids.map(String.init).joined(separator: "、"))")
            }
        }
    }

    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rate", abstract: "提案人测评已公布的答复：满意、基本满意、不满意",
                                                        discussion: "委员本人测评时省略 --member；工作人员为不便操作的委员代为登记时用 --member（记为代为登记）；集体提案由工作人员登记，不指定委员。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("满意、基本满意 或 不满意", valueName: "RATING")) var rating: String
        @Option(help: ArgumentHelp("代为登记：委员 ID", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("意见", valueName: "COMMENT")) var comment: String?

        func run() throws {
            let (host, context) = try global.open()
            let record = try ProposalStore(host: host, context: context).rate(id: id, rating: rating, memberID: member, comment: comment)
            let detail = try ProposalStore(host: host, context: context).detail(id: id)
            print("已登记「\(record.rater)」对提案 \(id) 答复的测评：\(record.rating.title)\(record.enteredByStaff ? "（代为登记）" : "")；提案现为「\(detail.statusLabel)」")
            if record.rating == .unsatisfied { Output.note("提示：不满意的，政协办公室可安排重新办理：lvzhi proposal rehandle \(id) --note 理由") }
        }
    }

    struct Contact: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "contact", abstract: "记录承办单位与提案人的沟通（办前、办中、办后）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("方式：\(ProposalContact.methods.joined(separator: "、"))", valueName: "METHOD")) var method: String
        @Option(help: ArgumentHelp("阶段：办前、办中、办后", valueName: "STAGE")) var stage: String = "办中"
        @Option(help: ArgumentHelp("日期，默认今天", valueName: "DATE")) var on: String?
        @Option(help: ArgumentHelp("参加人员", valueName: "PARTICIPANTS")) var participants: String?
        @Option(help: ArgumentHelp("沟通情况", valueName: "SUMMARY")) var summary: String

        func run() throws {
            let (host, context) = try global.open()
            let record = try ProposalStore(host: host, context: context).contact(id: id, ContactInput(method: method, stage: stage, on: on,
                                                                                                        participants: participants, summary: summary))
            print("已记录提案 \(id) 的\(record.stage)沟通（\(record.method)，\(record.contactedOn)）")
        }
    }
}
