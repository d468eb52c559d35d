import Foundation
import Testing

extension CommandLineRunner {
    /// Runs `calls` (Lua lines calling `try(…)`) in one dry run of the office `ordos` and returns
    /// what `try` recorded in `unclear`. `tryFunction` defines `local function try(…)`, which counts
    /// each call in `count` and appends a line to `unclear` for each that did not behave.
    func unclearCalls(_ calls: [String], tryFunction: String, prelude: String = "",
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let script = """
            \(prelude)
            local unclear, count = {}, 0
            \(tryFunction)
            \(calls.joined(separator: "\n"))
            print("完成 " .. count)
            for _, line in ipairs(unclear) do print(line) end
            """
        let path = try file("calls.lua", Data(script.utf8))
        let out = try run(["run", path, "--office", "ordos", "--dry-run", "--timeout", "600"])
        #expect(out.status == 0, "\(out.stderr)", sourceLocation: sourceLocation)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "完成 \(calls.count)", "\(out.stdout.prefix(2000))", sourceLocation: sourceLocation)
        return Array(lines.dropFirst())
    }
}
