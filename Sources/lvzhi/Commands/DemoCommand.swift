import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiDemo
import LvzhiStorage
import Proposals

/// `lvzhi demo`: builds a realistic demo database (Ordos and its nine districts and banners).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "生成演示数据库：鄂尔多斯市政协及其九个旗区政协",
        discussion: """
        内容：市政协与东胜区、康巴什区、达拉特旗、准格尔旗、鄂托克前旗、鄂托克旗、杭锦旗、乌审旗、伊金霍洛旗政协；
        各政协的届次与历次会议、专委会、界别活动组、界别、承办单位；市政协约 300 名、各旗区 100–200 名委员
        （虚构的汉族与蒙古族姓名，含同名委员），通过名册导入写入；用户（管理员、工作人员、文史工作者、委员、承办单位）；
        通知公告模块及若干通知。

        提案：市政协五届五次会议（2026-01-08 开幕）以来的一年，约 320 件。2025-10-10 起征集的大会提案，
        1 月中旬审查立案（审查专家库的专家记入审查步骤），2 月交办会交办，承办单位接收或 10 日内退回、
        与提案人沟通、协办单位提出意见，3–6 月答复（三个月期限，有逾期、延期、退回重办和至今未答复的），
        6 月 30 日和 9 月 30 日两轮集中公布，7 月和 10 月测评，不满意的重新办理；平时提案全年陆续提出。
        最后每种状态都有：暂存、待审查、退回修改、撤回、不予立案、转为意见建议、并案、待交办、已交办、
        办理中（部分超期）、已答复未公布、已办结（多数）。另有联名、集体（多数专委会和界别活动组各有，
        民族和宗教委员会与第七界别活动组没有，规则报告因此有达到和未达到）、重点提案（主席会议成员督办
        或副市长领办，有督办记录）、优秀提案、一件不公开的提案。每位委员、每个承办单位都有自己的账号
        （委员为 wy0002 这样的用户名，承办单位如 fagai、jiaoti、nengyuan，不在摘要的用户列表中），
        每一步都以应当操作的人的身份、在当时的日期上经提案模块的接口完成，
        所以权限、审计、履职档案和事件都是真实走过的。相同种子生成相同的数据；今天之后的日期一律不写。

        文史资料（市政协，文史工作者 li.wenshi）：届规划与年度征集计划、两次征集活动、来稿（接收、不采用、待审核）、
        十余件接收登记（捐赠、寄存、复制、移交；有开放限制、即将到期的使用限制、注销的一件）、著录树
        （全宗 → 系列 → 案卷 → 件），其中“政协工作制度文件”系列收录本平台依据的四份原始文件全文，可以全文检索；
        回忆录、两部口述史（整理稿两版、时间索引）、编审、《鄂尔多斯文史资料》第十二辑、文史馆基本陈列、复制和利用申请。

        所有写入都经过权限检查并记入审计日志。为防误删，已存在的文件不会被覆盖，除非加 --force。
        例：lvzhi demo --db demo.sqlite
            lvzhi member list --office ordos --db demo.sqlite
            lvzhi proposal stats --office ordos --year 2026 --db demo.sqlite
            lvzhi proposal units --office ordos --year 2026 --db demo.sqlite
            lvzhi proposal overdue --office ordos --within 30 --db demo.sqlite
            lvzhi proposal rules --office ordos --year 2026 --db demo.sqlite
            lvzhi proposal list --office ordos --key --db demo.sqlite
            lvzhi run scripts/examples/承办单位考评.lua --office ordos --db demo.sqlite
        """
    )

    @Option(name: .long, help: ArgumentHelp("要生成的数据库文件；未指定时依次使用 LVZHI_DB、./lvzhi.sqlite", valueName: "PATH"))
    var db: String?

    @Flag(name: .long, help: "文件已存在时先删除再重建")
    var force = false

    @Option(name: .long, help: ArgumentHelp("随机种子：相同种子生成相同的演示数据", valueName: "N"))
    var seed: UInt64 = 20_260_122

    @OptionGroup var output: OutputOptions

    func validate() throws { try BlankOption.refuse(db, "--db", otherwise: "要用默认的位置（LVZHI_DB 或 ./lvzhi.sqlite）") }

    func run() throws {
        // Absolute in the hints below, so that they work from any directory.
        let path = URL(fileURLWithPath: DatabaseLocation.resolve(explicit: db)).standardizedFileURL.path
        var builder = DemoBuilder(path: path, plugins: BuiltinModules.manifests)
        builder.seed = seed
        let progress = ProgressLine("正在生成")
        defer { progress.finish() }   // also when the work fails: the error starts on a clean line
        let summary = try builder.build(replace: force) { progress.step($0) }
        progress.finish()
        if output.json { return try Output.json([summary]) }
        print("演示数据库已生成：\(path)")
        Output.table(["代码", "政协", "委员数"], summary.offices.map { [$0.code, $0.name, String($0.members)] },
                     rightAligned: [2], empty: "")
        print("""
        合计：\(summary.offices.count) 个政协，委员 \(summary.totalMembers) 名（市政协同名姓名 \(summary.duplicateNamesInCity) 组），\
        专委会 \(summary.committees) 个，界别活动组 \(summary.groups) 个，界别 \(summary.sectors) 个，承办单位 \(summary.handlingUnits) 个，\
        跨组入委 \(summary.drawnMembers) 人，通知 \(summary.notices) 条，审计记录 \(summary.auditEntries) 条。
        用户：admin（系统管理员）、\(summary.users.joined(separator: "、"))
        \(Self.proposalLines(summary.proposalYear, path: path))\(Self.archiveLines(summary.archive, path: path))试试：lvzhi office list --db \(path)
              lvzhi committee list --office ordos --db \(path)
              lvzhi member list --office ordos --name 巴 --db \(path)
              lvzhi proposal list --office ordos --db \(path)
        """)
    }

    /// The lines about the archive, and what to try on it.
    static func archiveLines(_ archive: DemoArchiveSummary?, path: String) -> String {
        guard let archive else { return "" }
        return """
        文史资料（市政协）：接收登记 \(archive.accessions) 件，著录 \(archive.units) 条（含四份原始文件全文），数字文件 \(archive.files) 个，\
        口述史 \(archive.interviews) 部，文史资料 \(archive.volumes) 辑，来稿 \(archive.submissions) 件，利用申请 \(archive.requests) 件。
        文史资料：lvzhi archive search 文史 --office ordos --db \(path)
                  lvzhi archive unit tree --office ordos --as li.wenshi --db \(path)
                  lvzhi archive report register --office ordos --as li.wenshi --db \(path)

        """
    }

    /// The lines about the proposal year, and what to try on it.
    static func proposalLines(_ year: DemoProposalSummary?, path: String) -> String {
        guard let year else { return "" }
        let states = ProposalStatus.allCases.map { "\($0.title) \(year.byStatus[$0.rawValue] ?? 0)" }.joined(separator: "、")
        let unmet = year.rulesUnmet.isEmpty ? "" : "（\(year.rulesUnmet.joined(separator: "、"))）"
        return """
        提案（市政协，五届五次会议以来的一年）：共 \(year.total) 件，大会提案 \(year.session)、平时提案 \(year.everyday)；\
        联名 \(year.joint)、集体 \(year.collective)。
          按状态：\(states)
          重点提案 \(year.key) 件（主席会议成员督办 \(year.supervised)、副市长领办 \(year.led)），优秀提案 \(year.excellent) 件，\
        今天超期未答复 \(year.overdue) 件；涉及承办单位 \(year.unitsInvolved) 个；审查专家库 \(year.reviewers) 人。
          集体提案规则（\(year.ruleYear) 年）：达到 \(year.rulesMet) 个，未达到 \(year.rulesUnmet.count) 个\(unmet)。
          另有账号：委员 \(year.memberAccounts) 个（如 wy0002）、承办单位 \(year.unitAccounts) 个（如 jiaoti、nengyuan），未列在上面。
        提案报表：lvzhi proposal stats --office ordos --year \(year.ruleYear) --db \(path)
                  lvzhi proposal units --office ordos --year \(year.ruleYear) --db \(path)
                  lvzhi proposal overdue --office ordos --within 30 --db \(path)
                  lvzhi proposal rules --office ordos --year \(year.ruleYear) --db \(path)
                  \(ExamplesFolder.runHint("提案统计.lua", arguments: "--office ordos --db \(path)"))

        """
    }
}
