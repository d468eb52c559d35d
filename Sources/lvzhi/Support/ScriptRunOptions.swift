import ArgumentParser
import Foundation
import LvzhiCore
import LvzhiScript
import LvzhiStorage

/// Options of every command that runs Lua: which office, the limits, dry run.
struct ScriptRunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("以哪个政协的身份运行；未指定时取用户被授予角色的第一个政协（系统管理员取最上级政协）", valueName: "CODE"))
    var office: String?

    @Flag(name: .long, help: "试运行：脚本正常结束也撤销全部修改")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("时间限制（秒）；到时停止并撤销修改", valueName: "S"))
    var timeout: Double = ScriptLimits.defaultTimeout

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("内存上限（MB）", valueName: "MB"))
    var maxMemory: Int = ScriptLimits.defaultMaxMemoryMB

    @Option(name: .customLong("max-instructions"), help: ArgumentHelp("指令数上限；默认不限（计数会让紧凑循环慢约一倍）", valueName: "N"))
    var maxInstructions: Int?

    @Option(name: .long, help: ArgumentHelp("报表输出目录：脚本只能在此目录中写文件（lvzhi.report.save）", valueName: "DIR"))
    var out: String?

    /// The `--out` folder, created if missing.
    /// - Throws: ``LvzhiError`` when `--out` is empty, is a file, or cannot be created.
    func outputDirectory() throws -> URL? {
        guard let out else { return nil }
        guard !out.isEmpty else { throw LvzhiError.invalid("--out", out, "不能为空", hint: "给出报表输出目录，如 --out 报表") }
        let url = URL(fileURLWithPath: out)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw LvzhiError.invalid("报表输出目录", out, "已存在，但是一个文件，不是目录", hint: "--out 应给出目录（不存在时会创建）")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            let reason = LvzhiError.translating(error)
            throw LvzhiError(reason.code, "无法创建报表输出目录「\(out.quotedForMessage)」：\(reason.message)", hint: reason.hint, cause: error)
        }
        return url
    }

    /// The largest limits one may ask for: a day, 64 GB, 10¹⁵ instructions.
    static let maxTimeout = 86_400.0, maxMemoryMB = 65_536, maxInstructionCount = 1_000_000_000_000_000

    func validate() throws {
        guard timeout > 0, timeout <= Self.maxTimeout else {
            throw ValidationError("--timeout「\(timeout)」无效：应在 0 到 \(Int(Self.maxTimeout)) 秒之间（不含 0）")
        }
        guard (1...Self.maxMemoryMB).contains(maxMemory) else {
            throw ValidationError("--max-memory「\(maxMemory)」无效：应在 1 到 \(Self.maxMemoryMB) MB 之间")
        }
        if let maxInstructions, !(1...Self.maxInstructionCount).contains(maxInstructions) {
            throw ValidationError("--max-instructions「\(maxInstructions)」无效：应在 1 到 \(Self.maxInstructionCount) 之间")
        }
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
