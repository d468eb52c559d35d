import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiDemo
import LvzhiStorage

/// `lvzhi demo`: builds a realistic demo database (Ordos and its nine districts and banners).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "生成演示数据库：鄂尔多斯市政协及其九个旗区政协",
        discussion: """
        内容：市政协与东胜区、康巴什区、达拉特旗、准格尔旗、鄂托克前旗、鄂托克旗、杭锦旗、乌审旗、伊金霍洛旗政协；
        各政协的届次与历次会议、专委会、界别活动组、界别、承办单位；市政协约 300 名、各旗区 100–200 名委员
        （虚构的汉族与蒙古族姓名，含同名委员），通过名册导入写入；用户（管理员、工作人员、文史工作者、委员、承办单位）；
        通知公告模块及若干通知。所有写入都经过权限检查并记入审计日志。
        为防误删，已存在的文件不会被覆盖，除非加 --force。
        例：lvzhi demo --db demo.sqlite && lvzhi member list --office ordos --db demo.sqlite
        """
    )

    @Option(name: .long, help: ArgumentHelp("要生成的数据库文件；未指定时依次使用 LVZHI_DB、./lvzhi.sqlite", valueName: "PATH"))
    var db: String?

    @Flag(name: .long, help: "文件已存在时先删除再重建")
    var force = false

    @Option(name: .long, help: ArgumentHelp("随机种子：相同种子生成相同的演示数据", valueName: "N"))
    var seed: UInt64 = 20_260_122

    @OptionGroup var output: OutputOptions

    func run() throws {
        let path = DatabaseLocation.resolve(explicit: db)
        var builder = DemoBuilder(path: path, plugins: BuiltinPlugins.all)
        builder.seed = seed
        let summary = try builder.build(replace: force) { Output.note("正在生成：\($0)") }
        if output.json { return try Output.json([summary]) }
        print("演示数据库已生成：\(path)")
        Output.table(["代码", "政协", "委员数"], summary.offices.map { [$0.code, $0.name, String($0.members)] },
                     rightAligned: [2], empty: "")
        print("""
        合计：\(summary.offices.count) 个政协，委员 \(summary.totalMembers) 名（市政协同名姓名 \(summary.duplicateNamesInCity) 组），\
        专委会 \(summary.committees) 个，界别活动组 \(summary.groups) 个，界别 \(summary.sectors) 个，承办单位 \(summary.handlingUnits) 个，\
        跨组入委 \(summary.drawnMembers) 人，通知 \(summary.notices) 条，审计记录 \(summary.auditEntries) 条。
        提案（市政协）：\(summary.proposals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "、"))
        用户：admin（系统管理员）、\(summary.users.joined(separator: "、"))
        试试：lvzhi office list --db \(path)
              lvzhi committee list --office ordos --db \(path)
              lvzhi member list --office ordos --name 巴 --db \(path)
              lvzhi proposal list --office ordos --db \(path)
        """)
    }
}
