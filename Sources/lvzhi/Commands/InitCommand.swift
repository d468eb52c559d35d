import LvzhiCommandLine
import ArgumentParser
import LvzhiCore
import LvzhiStorage

/// `lvzhi init`: creates the database (or brings an existing one up to date).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "创建数据库（已存在时只升级结构），并创建系统管理员 admin",
        discussion: "可重复执行：已有的数据不会改变。"
    )

    @Option(name: .long, help: ArgumentHelp("数据库文件路径；未指定时依次使用 LVZHI_DB、./lvzhi.sqlite", valueName: "PATH"))
    var db: String?

    func validate() throws { try BlankOption.refuse(db, "--db", otherwise: "要用默认的位置（LVZHI_DB 或 ./lvzhi.sqlite）") }

    func run() throws {
        let path = DatabaseLocation.resolve(explicit: db)
        let host = try LvzhiHost(path: path, plugins: BuiltinModules.manifests, create: true)
        let created = try UserStore.bootstrap(host: host)
        let migrations = try host.database.appliedMigrations()
        print("数据库已就绪：\(path)（结构版本 \(migrations.count) 项迁移）")
        if created {
            print("已创建系统管理员 admin。下一步：lvzhi office add 代码 名称 --db \(path)")
        }
    }
}
