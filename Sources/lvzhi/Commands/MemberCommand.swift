import LvzhiCommandLine
import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiStorage

/// `lvzhi member`: the roster.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "委员名册：登记、查看、批量导入",
        discussion: "同名委员很常见：请以 ID 区分委员，而不是姓名。联系方式只有管理员可见。",
        subcommands: [Add.self, List.self, Show.self, Import.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "登记一位委员（登记在当前届次）",
            discussion: "例：lvzhi member add --office ordos --name 张伟 --gender 男 --ethnicity 汉族 --birth 1972-05-03 --sector 经济界 --party 中共党员 --role 常委 --mobile 13904770000"
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("姓名", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("性别：男 或 女", valueName: "GENDER")) var gender: String
        @Option(help: ArgumentHelp("民族，如 汉族、蒙古族", valueName: "ETHNICITY")) var ethnicity: String?
        @Option(help: ArgumentHelp("出生日期，如 1972-05-03", valueName: "DATE")) var birth: String?
        @Option(help: ArgumentHelp("界别（须为该政协已登记的界别）", valueName: "SECTOR")) var sector: String
        @Option(help: ArgumentHelp("界别活动组；默认取界别所属的活动组", valueName: "GROUP")) var group: String?
        @Option(help: ArgumentHelp("党派，如 中共党员、民盟、无党派人士", valueName: "PARTY")) var party: String?
        @Option(help: ArgumentHelp("职务，可多次给出：常委、召集人、副召集人、主席、副主席、秘书长", valueName: "ROLE")) var role: [String] = []
        @Option(help: ArgumentHelp("手机号码", valueName: "MOBILE")) var mobile: String?
        @Option(help: ArgumentHelp("电子邮箱", valueName: "EMAIL")) var email: String?
        @Option(help: ArgumentHelp("通讯地址", valueName: "ADDRESS")) var address: String?
        @Option(help: ArgumentHelp("第几届；默认当前届次", valueName: "TERM")) var term: Int?

        func validate() throws {
            for (value, option) in [(ethnicity, "--ethnicity"), (birth, "--birth"), (group, "--group"), (party, "--party"),
                                    (mobile, "--mobile"), (email, "--email"), (address, "--address")] {
                try BlankOption.refuse(value, option, otherwise: "不填这一项")
            }
        }

        func run() throws {
            let (host, context) = try global.open()
            let input = MemberInput(name: name, gender: gender, ethnicity: ethnicity, birthDate: birth, sector: sector, group: group,
                                    party: party, roles: role.isEmpty ? nil : role.joined(separator: "、"), mobile: mobile, email: email,
                                    address: address)
            let member = try MemberStore(host: host, context: context).add(officeCode: office, input, termNumber: term)
            print("已登记委员：\(member.name)（ID \(member.id!)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出某政协的委员", discussion: "可按姓名（包含）、界别、活动组、专委会、职务筛选。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("姓名包含", valueName: "NAME")) var name: String?
        @Option(help: ArgumentHelp("界别", valueName: "SECTOR")) var sector: String?
        @Option(help: ArgumentHelp("界别活动组", valueName: "GROUP")) var group: String?
        @Option(help: ArgumentHelp("专委会代码", valueName: "CODE")) var committee: String?
        @Option(help: ArgumentHelp("职务，如 常委", valueName: "ROLE")) var role: String?

        func run() throws {
            let (host, context) = try global.open()
            let filter = MemberFilter(name: name, sector: sector, group: group, committee: committee, role: role)
            let members = try MemberStore(host: host, context: context).list(officeCode: office, filter: filter)
            try MemberCommand.printList(members, json: output.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一位委员的详细信息")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("委员 ID（见 member list）", valueName: "ID")) var id: Int64

        func run() throws {
            let (host, context) = try global.open()
            let m = try MemberStore(host: host, context: context).show(id: id)
            if output.json { return try Output.json([m]) }
            var lines: [(String, String)] = [
                ("ID", String(m.id)), ("姓名", m.name), ("性别", m.gender), ("民族", m.ethnicity ?? "—"),
                ("出生日期", m.birthDate ?? "—"), ("政协", m.office), ("届次", m.term), ("界别", m.sector),
                ("界别活动组", m.group ?? "—"), ("专委会", (m.committee ?? "办公室") + (m.drawn ? "（跨组选调）" : "")),
                ("党派", m.party ?? "—"), ("职务", m.roles.isEmpty ? "委员" : m.roles.joined(separator: "、")),
            ]
            if m.mobile != nil || m.email != nil || m.address != nil {
                lines += [("手机", m.mobile ?? "—"), ("电子邮箱", m.email ?? "—"), ("通讯地址", m.address ?? "—")]
            }
            let width = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
            for (label, value) in lines { Swift.print(DisplayWidth.pad(label, to: width) + "  " + value) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", 
            abstract: "从 CSV 名册批量导入委员（全部成功或全部不导入）",
            discussion: """
            表头（顺序不限）：姓名,性别,民族,出生日期,界别,党派,界别活动组,职务,手机；其中姓名、性别、界别必需。
            未识别的列会列出并忽略。编码：UTF-8（含或不含 BOM）或 GB18030/GBK（中文版 Excel 的“CSV（逗号分隔）”），默认自动识别。
            任何一行有错，会一次列出所有错误行（行号与 Excel 一致）及取值，且不导入任何委员。
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("CSV 文件路径", valueName: "FILE")) var file: String
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
        @Option(help: ArgumentHelp("文件编码：auto、utf-8、gb18030", valueName: "ENCODING")) var encoding = "auto"
        @Option(help: ArgumentHelp("第几届；默认当前届次", valueName: "TERM")) var term: Int?
        @Flag(help: "只检查，不写入") var dryRun = false

        func run() throws {
            let enc = try TextEncoding.parse(encoding)
            let data = try InputFile.read(file, what: "名册文件", limit: InputFile.maxTextBytes)
            let (host, context) = try global.open()
            let progress = ProgressLine("导入委员")
            defer { progress.finish() }
            let outcome = try RosterImport(host: host, context: context).run(
                data: data, source: (file as NSString).lastPathComponent, officeCode: office, encoding: enc,
                termNumber: term, dryRun: dryRun, progress: { done, total in progress.update(done, of: total) })
            progress.finish()
            if output.json { return try Output.json([outcome]) }
            if !outcome.unknownColumns.isEmpty { Output.note("注意：未识别的列已忽略：\(outcome.unknownColumns.joined(separator: "、"))") }
            for warning in outcome.warnings { Output.note("注意：\(warning)") }
            if outcome.dryRun {
                print("检查通过：\(outcome.imported) 位委员可以导入（文件编码 \(outcome.encoding)）。这是 --dry-run，未写入任何数据。")
            } else {
                print("已导入 \(outcome.imported) 位委员（文件编码 \(outcome.encoding)）。")
            }
        }
    }

    /// Prints members as a table or JSON.
    static func printList(_ members: [MemberView], json: Bool) throws {
        if json { return try Output.json(members) }
        let showContact = members.contains { $0.mobile != nil }
        var headers = ["ID", "姓名", "性别", "民族", "出生日期", "界别", "专委会", "党派", "职务"]
        if showContact { headers.append("手机") }
        Output.table(headers, members.map { m in
            var row = [String(m.id), m.name, m.gender, m.ethnicity ?? "", m.birthDate ?? "", m.sector,
                       (m.committee ?? "办公室") + (m.drawn ? "*" : ""), m.party ?? "", m.roles.joined(separator: "、")]
            if showContact { row.append(m.mobile ?? "") }
            return row
        }, rightAligned: [0], empty: "没有符合条件的委员。")
        if !members.isEmpty { Swift.print("共 \(members.count) 位委员\(members.contains(where: \.drawn) ? "（* 为跨组选调入委）" : "")") }
    }
}
