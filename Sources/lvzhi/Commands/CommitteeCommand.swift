import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi committee`: special committees and the 全员入委 rule.
struct CommitteeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee",
        abstract: "专委会：新增、查看、委员名单、跨组选调",
        discussion: """
        全员入委：委员全部编入其界别活动组对应的专委会。提案委员会、文化文史和学习委员会可从其他
        界别活动组选调委员（新增时加 --draws-from-other-groups），入委委员不再编入其他专委会。
        """,
        subcommands: [Add.self, List.self, Members.self, Draw.self, Release.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增专委会", discussion: "例：lvzhi committee add proposals 提案委员会 --office ordos --draws-from-other-groups")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Argument(help: ArgumentHelp("专委会代码，如 proposals", valueName: "CODE")) var code: String
        @Argument(help: ArgumentHelp("名称，如 提案委员会", valueName: "NAME")) var name: String
        @Flag(help: "可从其他界别活动组选调委员（仅提案委员会、文化文史和学习委员会）") var drawsFromOtherGroups = false

        func run() throws {
            let (host, context) = try global.open()
            let c = try CommitteeStore(host: host, context: context).add(officeCode: office, code: code, name: name, drawsFromOtherGroups: drawsFromOtherGroups)
            print("已新增专委会：\(c.name)（代码 \(c.code)\(c.drawsFromOtherGroups ? "，可跨组选调" : "")）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出某政协的专委会")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let list = try CommitteeStore(host: host, context: context).list(officeCode: office)
            if output.json { return try Output.json(list) }
            Output.table(["代码", "专委会", "委员数", "其中选调", "对应界别活动组"],
                         list.map { [$0.code, $0.name, String($0.memberCount), $0.drawsFromOtherGroups ? String($0.drawnCount) : "—", $0.groups.joined(separator: "、")] },
                         rightAligned: [2, 3], empty: "该政协还没有专委会。用 lvzhi committee add 新增。")
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "members", abstract: "列出某专委会的委员（按全员入委规则）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Argument(help: ArgumentHelp("专委会代码", valueName: "COMMITTEE")) var committee: String

        func run() throws {
            let (host, context) = try global.open()
            let members = try MemberStore(host: host, context: context).list(officeCode: office, filter: MemberFilter(committee: committee))
            try MemberCommand.printList(members, json: output.json)
        }
    }

    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draw", abstract: "把其他界别活动组的委员选调入本专委会（入委）", discussion: "例：lvzhi committee draw 123 proposals")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("委员 ID", valueName: "MEMBER_ID")) var memberID: Int64
        @Argument(help: ArgumentHelp("专委会代码", valueName: "COMMITTEE")) var committee: String

        func run() throws {
            let (host, context) = try global.open()
            let m = try CommitteeStore(host: host, context: context).draw(memberID: memberID, committeeCode: committee)
            print("已将委员「\(m.name)」（ID \(m.id!)）选调入专委会 \(committee)；其不再编入其他专委会")
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "release", abstract: "解除跨组选调，委员回到其活动组对应的专委会")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("委员 ID", valueName: "MEMBER_ID")) var memberID: Int64

        func run() throws {
            let (host, context) = try global.open()
            let m = try CommitteeStore(host: host, context: context).release(memberID: memberID)
            print("已解除委员「\(m.name)」（ID \(m.id!)）的跨组选调")
        }
    }
}
