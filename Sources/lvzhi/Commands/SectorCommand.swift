import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi sector`: sectors (界别).
struct SectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sector", abstract: "界别：新增和查看", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增界别", discussion: "例：lvzhi sector add 经济界 --office ordos --group 第三界别活动组")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Argument(help: ArgumentHelp("界别名称", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("所属界别活动组名称（可选）", valueName: "GROUP")) var group: String?

        func run() throws {
            let (host, context) = try global.open()
            let sector = try SectorStore(host: host, context: context).add(officeCode: office, name: name, groupName: group)
            print("已新增界别：\(sector.name)（ID \(sector.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出某政协的界别")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let sectors = try SectorStore(host: host, context: context).list(officeCode: office)
            if output.json { return try Output.json(sectors) }
            Output.table(["ID", "界别", "界别活动组", "委员数"], sectors.map { [String($0.id), $0.name, $0.group ?? "—", String($0.memberCount)] },
                         rightAligned: [0, 3], empty: "该政协还没有界别。用 lvzhi sector add 新增。")
        }
    }
}

/// `lvzhi group`: sector activity groups (界别活动组).
struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "group", abstract: "界别活动组：新增和查看", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "新增界别活动组",
            discussion: "按“全员入委”，活动组的委员全部编入其对应的专委会。例：lvzhi group add 第三界别活动组 --office ordos --committee economy"
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Argument(help: ArgumentHelp("活动组名称", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("对应专委会的代码；不指定则对应办公室", valueName: "CODE")) var committee: String?

        func run() throws {
            let (host, context) = try global.open()
            let group = try ActivityGroupStore(host: host, context: context).add(officeCode: office, name: name, committeeCode: committee)
            print("已新增界别活动组：\(group.name)（ID \(group.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出某政协的界别活动组")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let groups = try ActivityGroupStore(host: host, context: context).list(officeCode: office)
            if output.json { return try Output.json(groups) }
            Output.table(["ID", "界别活动组", "对应专委会", "委员数", "界别"],
                         groups.map { [String($0.id), $0.name, $0.committee, String($0.memberCount), $0.sectors.joined(separator: "、")] },
                         rightAligned: [0, 3], empty: "该政协还没有界别活动组。用 lvzhi group add 新增。")
        }
    }
}

/// `lvzhi unit`: handling units (承办单位).
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unit", abstract: "承办单位：新增和查看", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增承办单位", discussion: "例：lvzhi unit add 市教育局 --office ordos --kind 政府部门")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Argument(help: ArgumentHelp("单位名称", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("类型：\(HandlingUnit.kinds.joined(separator: "、"))", valueName: "KIND")) var kind = "政府部门"
        @Option(help: ArgumentHelp("联系人和电话（可选）", valueName: "TEXT")) var contact: String?

        func run() throws {
            let (host, context) = try global.open()
            let unit = try HandlingUnitStore(host: host, context: context).add(officeCode: office, name: name, kind: kind, contact: contact)
            print("已新增承办单位：\(unit.name)（\(unit.kind)，ID \(unit.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出某政协的承办单位")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let units = try HandlingUnitStore(host: host, context: context).list(officeCode: office)
            if output.json { return try Output.json(units) }
            Output.table(["ID", "承办单位", "类型"], units.map { [String($0.id!), $0.name, $0.kind] },
                         rightAligned: [0], empty: "该政协还没有承办单位。用 lvzhi unit add 新增。")
        }
    }
}
