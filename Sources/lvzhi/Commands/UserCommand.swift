import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi user`: users and their roles per office.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "用户与角色：新增用户、授予或收回角色",
        discussion: """
        角色：administrator（管理员）、staff（工作人员）、archivist（文史工作人员）、member（委员）、handling_unit（承办单位）。
        在上级政协授予的角色对其下级政协同样有效（市政协管理员也管理各旗区政协）。
        """,
        subcommands: [Add.self, Grant.self, Revoke.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增用户并授予一个角色", discussion: "例：lvzhi user add wangfang --name 王芳 --office ordos --role staff")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("用户名（英文字母、数字、. _ -）", valueName: "USERNAME")) var username: String
        @Option(help: ArgumentHelp("显示名称", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("角色（英文或中文名称）", valueName: "ROLE")) var role: String
        @Option(help: ArgumentHelp("对应的委员 ID（委员账号）", valueName: "ID")) var member: Int64?
        @Option(help: ArgumentHelp("对应的承办单位名称（承办单位账号）", valueName: "NAME")) var unit: String?

        func run() throws {
            let parsedRole = try Role.parse(role)
            let (host, context) = try global.open()
            let user = try UserStore(host: host, context: context).add(username: username, displayName: name, officeCode: office,
                                                                       role: parsedRole, memberID: member, handlingUnitName: unit)
            print("已新增用户 \(user.username)（\(user.displayName)），在 \(office) 为\(parsedRole.title)")
        }
    }

    /// What `grant` and `revoke` both take: who, which role, where.
    struct RoleArguments: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("用户名", valueName: "USERNAME")) var username: String
        @Argument(help: ArgumentHelp("角色：管理员/administrator、工作人员/staff、文史工作人员/archivist、委员/member、承办单位/handling_unit", valueName: "ROLE")) var role: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "授予用户在某政协的角色（下级政协同样适用）")
        @OptionGroup var arguments: RoleArguments

        func run() throws {
            let role = try Role.parse(arguments.role)
            let (host, context) = try arguments.global.open()
            try UserStore(host: host, context: context).grant(username: arguments.username, role: role, officeCode: arguments.office)
            print("已授予 \(arguments.username) 在 \(arguments.office) 的\(role.title)角色")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "收回用户在某政协的角色")
        @OptionGroup var arguments: RoleArguments

        func run() throws {
            let role = try Role.parse(arguments.role)
            let (host, context) = try arguments.global.open()
            try UserStore(host: host, context: context).revoke(username: arguments.username, role: role, officeCode: arguments.office)
            print("已收回 \(arguments.username) 在 \(arguments.office) 的\(role.title)角色")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出用户及其角色")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (host, context) = try global.open()
            let users = try UserStore(host: host, context: context).list()
            if output.json { return try Output.json(users) }
            Output.table(["ID", "用户名", "名称", "角色"], users.map {
                [String($0.id), $0.username, $0.displayName, $0.isSuperuser ? "系统管理员" : $0.roles.map(Self.grantTitle).joined(separator: "、")]
            }, rightAligned: [0], empty: "没有用户。")
        }

        /// A grant as `--json` stores it (`ordos:staff`), as a person reads it: ordos 工作人员.
        static func grantTitle(_ grant: String) -> String {
            guard let colon = grant.lastIndex(of: ":"), let role = Role(rawValue: String(grant[grant.index(after: colon)...])) else { return grant }
            return "\(grant[..<colon]) \(role.title)"
        }
    }
}
