import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage

/// Options every command that touches the database takes: which file, and who is acting.
public struct GlobalOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("数据库文件路径；未指定时依次使用环境变量 LVZHI_DB、当前目录的 lvzhi.sqlite", valueName: "PATH"))
    public var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("以哪个用户的身份操作；未指定时使用环境变量 LVZHI_USER，再否则为 admin", valueName: "USER"))
    public var user: String?

    public func validate() throws {
        try BlankOption.refuse(db, "--db", otherwise: "要用默认的数据库（LVZHI_DB 或 ./lvzhi.sqlite）")
        try BlankOption.refuse(user, "--as", otherwise: "要用默认的身份（LVZHI_USER 或 admin）")
    }

    /// The resolved database path.
    public var databasePath: String { DatabaseLocation.resolve(explicit: db) }

    /// The acting username.
    public var username: String {
        if let user { return user }
        if let env = ProcessInfo.processInfo.environment["LVZHI_USER"], !env.isEmpty { return env }
        return UserStore.bootstrapUsername
    }

    /// Opens the existing database and loads the acting user. The office's event handlers
    /// are attached: they run after each change commits, and a failing one is reported here.
    public func open() throws -> (LvzhiHost, AccessContext) {
        let host = try LvzhiHost(path: databasePath, plugins: CommandLineModules.manifests)
        let automation = EventAutomation(host: host, modules: CommandLineModules.scriptModules)
        automation.output = { Output.note("［自动化］\($0)") }
        automation.onFailure = { failure in
            Output.note("注意：自动化脚本「\(failure.scriptName)」处理事件 \(failure.event) 时出错（已记录，您的操作不受影响）：\(failure.message.split(separator: "\n").first ?? "")")
        }
        automation.attach()
        return (host, try host.context(for: username))
    }
}

/// `--json`: print a listing as a JSON array of objects instead of a table.
public struct OutputOptions: ParsableArguments {
    public init() {}

    @Flag(name: .long, help: "以 JSON 数组输出（每条记录一个对象），便于脚本处理")
    public var json = false
}
