import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage

/// Options of every command that runs Lua: which office, the limits, dry run.
struct ScriptOptions: ParsableArguments {
    @Option(help: ArgumentHelp("以哪个政协的身份运行；未指定时取用户被授予角色的第一个政协（系统管理员取最上级政协）", valueName: "CODE"))
    var office: String?

    @Flag(name: .long, help: "试运行：脚本正常结束也撤销全部修改")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("时间限制（秒），默认 30；到时停止并撤销修改", valueName: "S"))
    var timeout: Double = ScriptLimits.defaultTimeout

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("内存上限（MB），默认 \(ScriptLimits.defaultMaxMemoryMB)", valueName: "MB"))
    var maxMemory: Int = ScriptLimits.defaultMaxMemoryMB

    @Option(name: .customLong("max-instructions"), help: ArgumentHelp("指令数上限；默认不限（计数会让紧凑循环慢约一倍）", valueName: "N"))
    var maxInstructions: Int?

    @Option(name: .long, help: ArgumentHelp("报表输出目录：脚本只能在此目录中写文件（lvzhi.report.save）", valueName: "DIR"))
    var out: String?

    /// The `--out` folder, created if missing.
    func outputDirectory() throws -> URL? {
        guard let out else { return nil }
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout 应为正数（秒）") }
        guard maxMemory > 0 else { throw ValidationError("--max-memory 应为正整数（MB）") }
        if let maxInstructions, maxInstructions <= 0 { throw ValidationError("--max-instructions 应为正整数") }
    }

    /// The limits these options ask for.
    var limits: ScriptLimits {
        ScriptLimits(timeout: timeout, maxMemory: maxMemory << 20, maxInstructions: maxInstructions)
    }

    /// The office to run as: `--office`, else the user's first granted office, else the root.
    func officeCode(host: LvzhiHost, context: AccessContext) throws -> String {
        if let office { return office }
        return try host.read { db in
            if let id = context.grants.keys.sorted().first { return try Office.find(id: id, db: db).code }
            guard let root = try Office.filter(sql: "parent_id IS NULL").order(sql: "id").fetchOne(db) else {
                throw LvzhiError(.notFound, "还没有任何政协组织", hint: "先执行 lvzhi office add 代码 名称")
            }
            return root.code
        }
    }
}
