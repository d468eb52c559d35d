import LvzhiStorage

/// The reference of the `lvzhi` API, built from the same ``ScriptModule`` values the engine
/// binds: `help()` in scripts and `docs/lua-api.md` (printed by `lvzhi lua-api`) never drift
/// from the code.
public enum ScriptAPIDocs {
    /// The full name of a function: `lvzhi.members.list{…}`.
    static func qualified(_ module: ScriptModule, _ function: ScriptFunction) -> String {
        "lvzhi.\(module.name).\(function.signature)"
    }

    /// `help(lvzhi.xxx.f)`: signature and summary.
    static func functionHelp(_ module: ScriptModule, _ function: ScriptFunction) -> String {
        qualified(module, function) + "\n  " + function.summary + (function.writes ? "（写入，记入审计）" : "")
            + (function.parameters.isEmpty ? "" : "\n  参数：" + parameters(function))
    }

    /// What each parameter (and each option key) takes: `id：ID（正整数）；note：文字`.
    static func parameters(_ function: ScriptFunction) -> String {
        function.parameters.flatMap(\.reference).joined(separator: "；")
    }

    /// `help(lvzhi.xxx)`: the table and its functions.
    static func moduleHelp(_ module: ScriptModule) -> String {
        let width = module.functions.map { $0.signature.count }.max() ?? 0
        return (["lvzhi.\(module.name)：\(module.summary)" + (module.moduleID.map { "（模块 \($0)）" } ?? "")]
            + module.functions.map { "  " + $0.signature.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary })
            .joined(separator: "\n")
    }

    /// `help()`: every table present in this run, each name written whole (it can be copied as is).
    static func overview(_ modules: [ScriptModule]) -> String {
        let rows = [("lvzhi.office", "当前政协 {id, code, name}"), ("lvzhi.user", "当前用户 {username, display_name, superuser}")]
            + modules.map { ("lvzhi.\($0.name)", $0.summary) }
        let width = rows.map(\.0.count).max() ?? 0
        return (["lvzhi 接口（help(lvzhi.members) 查看某一组，help(lvzhi.members.list) 查看某个函数）："]
            + rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 })
            .joined(separator: "\n")
    }

    /// `docs/lua-api.md`.
    public static func markdown(_ modules: [ScriptModule]) -> String {
        var lines = [
            "# Lua 接口参考（lvzhi）",
            "",
            "本文件由 `lvzhi lua-api` 根据代码中的接口登记生成，请勿手工修改；测试会核对它与代码一致。",
            "",
            "脚本以 `lvzhi run FILE.lua`、`lvzhi eval 'CODE'` 运行，身份为 `--as` 指定的用户、`--office` 指定的政协；",
            "每个函数都与命令行一样检查权限，写入记入审计日志；整次运行是一个事务。",
            "未启用的模块不出现在 `lvzhi` 中，访问时报“模块未启用”。在脚本中 `help()` 返回同样的说明。",
            "",
            "约定：`each{条件}` 逐条遍历（配合 `for … in`），`list{条件}` 返回数组，`count{条件}` 计数，`get(id)` 取一条；",
            "记录是普通的 Lua 表，字段名为 snake_case，每条记录都有 `id`。",
            "",
            "参数：每个参数、每个选项只接受所写的一种值，别的类型一律报错（说明参数名、给出的值和应为什么），不会被悄悄忽略：",
            "文字（整数也可，按数字写出，如 mobile = 13800000000；小数、NaN、无穷大、布尔值、表都不行）；",
            "ID（正整数，文字请先 tonumber）；整数（写明范围）；true 或 false（1、0、\"yes\" 都不行）；日期（如 2026-08-31）；",
            "列表（1…n 的序列，如 {12, 57}，最多 \(ScriptParameterKind.listMaximum) 项，单个值不算列表）。选项表只能有带名字的键，不认识的键也报错。",
            "",
            "## lvzhi.office、lvzhi.user",
            "",
            "- `lvzhi.office`：当前政协 `{id, code, name}`",
            "- `lvzhi.user`：当前用户 `{username, display_name, superuser}`",
            "- `arg`：命令行 `--` 之后的参数（字符串数组）",
        ]
        for module in modules {
            lines += ["", "## lvzhi.\(module.name)：\(module.summary)", ""]
            if let moduleID = module.moduleID { lines += ["仅在本政协启用模块 `\(moduleID)` 时可用。", ""] }
            lines += ["| 函数 | 说明 | 参数 | 写入 |", "| --- | --- | --- | --- |"]
            for function in module.functions {
                lines.append("| `\(qualified(module, function))` | \(function.summary) | \(parameters(function)) | \(function.writes ? "是" : "") |")
            }
        }
        lines += [
            "",
            "## 沙箱",
            "",
            "可用：基础函数（不含 `dofile`、`loadfile`）、`string`（不含 `dump`）、`table`、`math`、`utf8`、`coroutine`，",
            "以及 `os.time`、`os.date`、`os.clock`、`os.difftime`。没有 `io`、`debug`、`package`；`load` 只接受文本代码；",
            "`setmetatable` 不接受 `__gc`；`collectgarbage` 只接受 `count`、`collect`、`step`。",
            "",
            "限制：`--timeout`（秒，默认 30）、`--max-memory`（MB，默认 256）、`--max-instructions`（默认不限）。",
            "超出任何一项，脚本停止并撤销全部修改，`pcall` 无法拦住。",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
