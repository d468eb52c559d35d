import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi office`: the offices (the city committee and its districts).
struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "政协组织：市政协及其旗区政协",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "新增政协组织",
            discussion: "例：lvzhi office add ordos 政协鄂尔多斯市委员会；lvzhi office add dongsheng 政协鄂尔多斯市东胜区委员会 --parent ordos"
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("代码：小写英文字母、数字或连字符，如 dongsheng", valueName: "CODE")) var code: String
        @Argument(help: ArgumentHelp("全称，如 政协鄂尔多斯市东胜区委员会", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("上级政协的代码；不指定则为顶级（需系统管理员）", valueName: "CODE")) var parent: String?

        func run() throws {
            let (host, context) = try global.open()
            let office = try OfficeStore(host: host, context: context).add(code: code, name: name, parentCode: parent)
            print("已新增政协：\(office.name)（代码 \(office.code)，ID \(office.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出政协组织（按上下级缩进）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (host, context) = try global.open()
            let offices = try OfficeStore(host: host, context: context).list()
            if output.json { return try Output.json(offices) }
            Output.table(["代码", "名称", "上级", "委员数"],
                         offices.map { [$0.code, String(repeating: "  ", count: $0.depth) + $0.name, $0.parentCode ?? "—", String($0.memberCount)] },
                         rightAligned: [3], empty: "还没有政协组织。用 lvzhi office add 新增。")
        }
    }
}
