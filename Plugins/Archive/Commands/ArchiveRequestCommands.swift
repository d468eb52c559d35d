import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive request`: copy and use requests (复制 / 利用).
struct ArchiveRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "复制和利用申请：委员或工作人员申请，文史工作人员审批",
        discussion: """
        只能申请您看得到的条目。秘密及以上、不开放、已注销或受开放限制的资料不予同意；受使用限制的、未签授权书的口述史料不予复制；
        控制、内部的资料同意时须用 --note 写明依据。申请人看自己的申请，文史工作人员看全部；不能审批自己提出的申请。
        例：lvzhi archive request add --unit 7 --kind 复制 --purpose 编写《准格尔旗志》引用
            lvzhi archive request list --office ordos --status pending
            lvzhi archive request approve 3 --note 经分管副主席批准
            lvzhi archive request refuse 4 --note 涉及个人隐私
        """,
        subcommands: [Add.self, List.self, Show.self, Approve.self, Refuse.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "申请复制或利用一个条目")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("条目 ID", valueName: "ID")) var unit: Int64
        @Option(help: ArgumentHelp("复制 或 利用（查阅、引用）", valueName: "KIND")) var kind: String
        @Option(help: ArgumentHelp("用途", valueName: "PURPOSE")) var purpose: String
        @Option(name: .customLong("for"), help: ArgumentHelp("文史工作人员代他人登记：申请人姓名及单位", valueName: "NAME")) var applicant: String?

        func run() throws {
            let (host, context) = try global.open()
            let r = try host.write(as: context) { tx in try UseRequestStore.request(unitID: unit, kind: kind, purpose: purpose, applicant: applicant, tx: tx) }
            print("已提交\(r.kind.title)申请（ID \(r.id!)，申请人 \(r.applicant)），等待文史工作人员审批")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出申请（文史工作人员看全部，其他人看自己的）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("pending（待审批）、approved（已同意）、refused（未同意）", valueName: "STATUS")) var status: String?

        func run() throws {
            let status = try self.status.map(UseRequestStatus.parse)
            let (host, context) = try global.open()
            let list = try host.read { db in try UseRequestStore.list(officeCode: office, status: status, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "类型", "档号", "题名", "申请人", "用途", "状态", "审批意见"], list.map {
                [String($0.id), $0.kindTitle, $0.referenceCode ?? "", $0.title ?? "（不可见）", $0.applicant, $0.purpose, $0.statusTitle, $0.decisionNote ?? ""]
            }, rightAligned: [0], empty: "没有申请。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一件申请")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("申请 ID", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let r = try host.read { db in try UseRequestStore.find(id, context: context, db: db) }
            if output.json { return try Output.json(r) }
            print("\(r.kindTitle)申请 \(r.id)：\(r.referenceCode.map { "\($0)「\(r.title ?? "")」" } ?? "条目 \(r.unitID)")")
            print("申请人：\(r.applicant)\(r.onBehalf ? "（\(r.requestedBy) 代为登记）" : "")　时间：\(Timestamp.display(r.requestedAt))")
            print("用途：\(r.purpose)")
            print("状态：\(r.statusTitle)\(r.decidedBy.map { "（\($0)，\(Timestamp.display(r.decidedAt ?? ""))）" } ?? "")")
            if let note = r.decisionNote { print("审批意见：\(note)") }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "同意申请（控制、内部的资料须 --note 写明依据）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("申请 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("审批意见或依据", valueName: "NOTE")) var note: String?

        func run() throws {
            let (host, context) = try global.open()
            let r = try host.write(as: context) { tx in try UseRequestStore.approve(id: id, note: note, tx: tx) }
            print("已同意\(r.applicant)的\(r.kind.title)申请 \(id)")
        }
    }

    struct Refuse: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refuse", abstract: "不同意申请（须 --note 理由）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("申请 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("理由", valueName: "NOTE")) var note: String?

        func run() throws {
            let (host, context) = try global.open()
            let r = try host.write(as: context) { tx in try UseRequestStore.refuse(id: id, note: note, tx: tx) }
            print("已不同意\(r.applicant)的\(r.kind.title)申请 \(id)：\(r.decisionNote ?? "")")
        }
    }
}
