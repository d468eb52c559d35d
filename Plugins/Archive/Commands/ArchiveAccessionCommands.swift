import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// The restriction options of `accession add` and `accession restrict`.
struct RestrictionOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "限制开放（须 --access-note 理由；--no-access-restricted 取消）") var accessRestricted: Bool?
    @Option(help: ArgumentHelp("开放限制的理由", valueName: "ACCESS-NOTE")) var accessNote: String?
    @Option(help: ArgumentHelp("开放限制截止日期（不给则直到取消）", valueName: "DATE")) var accessUntil: String?
    @Flag(inversion: .prefixedNo, help: "限制使用（复制、出版；须 --use-note 理由；--no-use-restricted 取消）") var useRestricted: Bool?
    @Option(help: ArgumentHelp("使用限制的理由", valueName: "USE-NOTE")) var useNote: String?
    @Option(help: ArgumentHelp("使用限制截止日期", valueName: "DATE")) var useUntil: String?

    var input: RestrictionInput? {
        guard accessRestricted != nil || useRestricted != nil else { return nil }
        return RestrictionInput(access: accessRestricted, accessNote: accessNote, accessEndsOn: accessUntil,
                                use: useRestricted, useNote: useNote, useEndsOn: useUntil)
    }
}

/// `lvzhi archive accession`: accessions (接收登记).
struct AccessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accession", abstract: "接收登记：编号（年度-流水号）、来源、三亲、权利、开放和使用限制、整理状态、注销",
                                                    subcommands: [Add.self, List.self, Show.self, Restrict.self, Process.self, Deaccession.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "接收登记一批资料",
                                                        discussion: "例：lvzhi archive accession add --office ordos --title 王某某回忆录手稿 --acquisition 捐赠 --source-member 12 --sanqin 亲历 --extent 手稿3册")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("题名", valueName: "TITLE")) var title: String
        @Option(help: ArgumentHelp("接收日期，默认今天", valueName: "DATE")) var received: String?
        @Option(help: ArgumentHelp("接收方式：\(Accession.acquisitions.joined(separator: "、"))", valueName: "WAY")) var acquisition: String
        @Option(help: ArgumentHelp("来源与经过", valueName: "PROVENANCE")) var provenance: String?
        @Option(help: ArgumentHelp("三亲：亲历、亲见、亲闻", valueName: "RELATION")) var sanqin: String?
        @Option(help: ArgumentHelp("数量（如 手稿3册、照片12张）", valueName: "EXTENT")) var extent: String?
        @Option(help: ArgumentHelp("权利约定（捐赠协议、授权书）", valueName: "RIGHTS")) var rights: String?
        @Option(help: ArgumentHelp("征集活动 ID", valueName: "ID")) var campaign: Int64?
        @Option(help: ArgumentHelp("提供者（人物或机构 ID），可多次给出", valueName: "ID")) var sourceAgent: [Int64] = []
        @Option(help: ArgumentHelp("提供者是本政协委员：委员 ID，可多次给出（记入履职档案）", valueName: "ID")) var sourceMember: [Int64] = []
        @OptionGroup var restriction: RestrictionOptions

        func run() throws {
            let (host, context) = try global.open()
            let a = try host.write(as: context) { tx in
                try AccessionStore.register(officeCode: office, AccessionInput(
                    title: title, receivedOn: received, acquisition: acquisition, provenance: provenance, sanqin: sanqin, extent: extent,
                    rightsAgreement: rights, campaignID: campaign, sourceAgentIDs: sourceAgent, sourceMemberIDs: sourceMember,
                    restriction: restriction.input), tx: tx)
            }
            print("已接收登记 \(a.number)「\(a.title)」（ID \(a.id!)，\(a.acquisition)，\(a.receivedOn)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出接收登记")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("年度", valueName: "YEAR")) var year: Int?
        @Option(help: ArgumentHelp("整理状态：未整理、整理中、已整理", valueName: "STATUS")) var status: String?

        func run() throws {
            let status = try self.status.map(ProcessingStatus.parse)
            let (host, context) = try global.open()
            let list = try host.read { db in try AccessionStore.list(officeCode: office, year: year, status: status, context: context, db: db) }
            if output.json { return try Output.json(list) }
            let today = Timestamp.todayInBeijing()
            Output.table(["ID", "编号", "接收日期", "题名", "方式", "三亲", "整理", "限制"], list.map {
                [String($0.id!), $0.number, $0.receivedOn, $0.title, $0.acquisition, $0.sanqin ?? "", $0.deaccessionedOn == nil ? $0.processingStatus.title : "已注销",
                 [$0.accessIsRestricted(on: today) ? "限制开放" : nil, $0.useIsRestricted(on: today) ? "限制使用" : nil].compactMap { $0 }.joined(separator: "、")]
            }, rightAligned: [0], empty: "没有接收登记。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一件接收登记（ID 或编号，如 2026-0001）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("ID 或编号", valueName: "ACCESSION")) var accession: String
        @Option(help: ArgumentHelp("政协代码（按编号查找时）", valueName: "CODE")) var office: String?

        func run() throws {
            let (host, context) = try global.open()
            let (a, agents, units) = try host.read { db in
                let a = try AccessionStore.find(accession, officeCode: office, context: context, db: db)
                return (a, try AgentStore.links(accessionID: a.id, db: db), try AccessionStore.units(of: a, db: db))
            }
            if output.json { return try Output.json(a) }
            print("接收登记 \(a.number)：\(a.title)")
            print("接收日期：\(a.receivedOn)　方式：\(a.acquisition)\(a.sanqin.map { "　三亲：\($0)" } ?? "")\(a.extent.map { "　数量：\($0)" } ?? "")　整理：\(a.processingStatus.title)")
            if let p = a.provenance { print("来源：\(p)") }
            if !agents.isEmpty { print("人物：" + agents.map { "\($0.agent.name)（\($0.role.title)）" }.joined(separator: "、")) }
            if let r = a.rightsAgreement { print("权利约定：\(r)") }
            if a.accessRestricted { print("开放限制：\(a.accessNote ?? "")\(a.accessEndsOn.map { "（至 \($0)）" } ?? "（直到取消）")") }
            if a.useRestricted { print("使用限制：\(a.useNote ?? "")\(a.useEndsOn.map { "（至 \($0)）" } ?? "（直到取消）")") }
            if let d = a.deaccessionedOn { print("已于 \(d) 注销：\(a.deaccessionReason ?? "")") }
            if !units.isEmpty { print("著录：" + units.map { "\($0.referenceCode) \($0.title)" }.joined(separator: "；")) }
        }
    }

    struct Restrict: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restrict", abstract: "修改开放和使用限制",
                                                        discussion: "例：lvzhi archive accession restrict 3 --access-restricted --access-note 涉及个人隐私 --access-until 2030-12-31")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("接收登记 ID", valueName: "ID")) var id: Int64
        @OptionGroup var restriction: RestrictionOptions

        func run() throws {
            guard let input = restriction.input else { throw ValidationError("请给出 --access-restricted / --no-access-restricted 或 --use-restricted / --no-use-restricted") }
            let (host, context) = try global.open()
            let a = try host.write(as: context) { tx in try AccessionStore.restrict(id: id, input, tx: tx) }
            print("接收登记 \(a.number)：\(a.accessRestricted ? "限制开放" : "开放")，\(a.useRestricted ? "限制使用" : "使用不受限")")
        }
    }

    struct Process: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "process", abstract: "修改整理状态：未整理、整理中、已整理")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("接收登记 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("未整理、整理中 或 已整理", valueName: "STATUS")) var status: String

        func run() throws {
            let status = try ProcessingStatus.parse(status)
            let (host, context) = try global.open()
            let a = try host.write(as: context) { tx in try AccessionStore.setProcessing(id: id, status, tx: tx) }
            print("接收登记 \(a.number) 现为「\(a.processingStatus.title)」")
        }
    }

    struct Deaccession: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deaccession", abstract: "注销接收登记（须 --reason；不删除任何记录，其著录对一般用户不再可见）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("接收登记 ID", valueName: "ID")) var id: Int64
        @Option(help: ArgumentHelp("理由（如 退还寄存人）", valueName: "REASON")) var reason: String
        @Option(help: ArgumentHelp("注销日期，默认今天", valueName: "DATE")) var on: String?

        func run() throws {
            let (host, context) = try global.open()
            let a = try host.write(as: context) { tx in try AccessionStore.deaccession(id: id, reason: reason, on: on, tx: tx) }
            print("接收登记 \(a.number) 已于 \(a.deaccessionedOn!) 注销")
        }
    }
}

/// `lvzhi archive agent`: persons and organisations.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agent", abstract: "人物与机构：提供者、作者、口述者、采集者、整理者、涉及人物；可关联本政协委员",
                                                    subcommands: [Add.self, List.self, Link.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "登记人物或机构")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("个人 或 机构（person、organisation）", valueName: "KIND")) var kind: String = "person"
        @Option(help: ArgumentHelp("姓名或名称", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("关联的委员 ID", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("生卒年或存续时间", valueName: "DATES")) var dates: String?
        @Option(help: ArgumentHelp("说明", valueName: "NOTES")) var notes: String?

        func run() throws {
            let (host, context) = try global.open()
            let (a, namesakes) = try host.write(as: context) { tx in
                let namesakes = try AgentStore.list(officeCode: office, context: context, db: tx.db).filter { $0.name == name.trimmingCharacters(in: .whitespaces) }
                return (try AgentStore.add(officeCode: office, kind: kind, name: name, memberID: member, dates: dates, notes: notes, tx: tx), namesakes)
            }
            print("已登记\(ArchiveAgent.kinds[a.kind]!)「\(a.name)」（ID \(a.id!)）")
            if !namesakes.isEmpty {
                // Same names are common and allowed (two people called 王文); the archivist decides.
                Output.note("注意：已有同名的人物或机构：" + namesakes.map { "\($0.name)（ID \($0.id!)）" }.joined(separator: "、")
                            + "；如是同一人，关联时请用已有的 ID")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出人物与机构")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("名称中的字", valueName: "NAME")) var name: String?

        func run() throws {
            let (host, context) = try global.open()
            let list = try host.read { db in try AgentStore.list(officeCode: office, name: name, context: context, db: db) }
            if output.json { return try Output.json(list) }
            Output.table(["ID", "类型", "名称", "委员ID", "生卒", "说明"], list.map {
                [String($0.id!), ArchiveAgent.kinds[$0.kind]!, $0.name, $0.memberID.map(String.init) ?? "", $0.dates ?? "", $0.notes ?? ""]
            }, rightAligned: [0], empty: "没有登记的人物或机构。")
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "link", abstract: "把人物或机构以某种角色关联到接收登记或著录条目")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("人物或机构 ID", valueName: "AGENT")) var agent: Int64
        @Option(help: ArgumentHelp("角色：\(AgentRole.allCases.map { "\($0.rawValue)（\($0.title)）" }.joined(separator: "、"))", valueName: "ROLE")) var role: String
        @Option(help: ArgumentHelp("接收登记 ID", valueName: "ID")) var accession: Int64?
        @Option(help: ArgumentHelp("著录条目 ID", valueName: "ID")) var unit: Int64?

        func run() throws {
            let role = try AgentRole.parse(role)
            let (host, context) = try global.open()
            _ = try host.write(as: context) { tx in try AgentStore.link(agentID: agent, role: role, accessionID: accession, unitID: unit, tx: tx) }
            print("已关联人物 \(agent)（\(role.title)）")
        }
    }
}
