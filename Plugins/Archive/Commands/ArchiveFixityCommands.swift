import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive fixity`: re-verify the files, and the files that failed.
struct ArchiveFixityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixity", abstract: "固定性检查：重新计算数字文件的 SHA-256，与加入时的记录比对",
        discussion: """
        不带子命令即为检查（check）。每个文件记一条检查记录（通过、内容不符、文件缺失）；
        有任何文件未通过时退出码为 1。长时间的检查在标准错误上显示进度。
        例：lvzhi archive fixity --office ordos              # 检查全部文件
            lvzhi archive fixity --office ordos --sample 50  # 随机抽查 50 个
            lvzhi archive fixity --unit 12                   # 只查一个条目的文件
            lvzhi archive fixity failures --office ordos     # 最近一次检查未通过的文件
        """,
        subcommands: [Check.self, Failures.self, History.self], defaultSubcommand: Check.self)

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "检查数字文件（全部、抽查或一个条目的）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String?
        @Option(help: ArgumentHelp("随机抽查的文件个数", valueName: "N")) var sample: Int?
        @Option(help: ArgumentHelp("只检查这一著录条目的文件", valueName: "ID")) var unit: Int64?

        func validate() throws {
            if office == nil && unit == nil { throw ValidationError("请给出 --office 政协代码（或 --unit 条目 ID）") }
            if let sample, sample < 1 { throw ValidationError("--sample 应为正整数") }
        }

        func run() throws {
            let (host, context) = try global.open()
            let progress = ProgressLine("固定性检查")
            defer { progress.finish() }   // also when the work fails: the error starts on a clean line
            let summary = try FixityCheck.run(host: host, context: context, officeCode: office, scope: FixityScope(unitID: unit, sample: sample)) { p in
                progress.update(p.done, of: p.total, detail: "\(FileVault.displaySize(p.bytesDone))/\(FileVault.displaySize(p.bytesTotal))")
            }
            progress.finish()
            if output.json {
                try Output.json(summary)
            } else {
                print("固定性检查：共检查 \(summary.checked) 个文件（\(FileVault.displaySize(summary.bytes))），通过 \(summary.passed)，内容不符 \(summary.failed)，缺失 \(summary.missing)")
                if !summary.problems.isEmpty {
                    Output.table(["文件 ID", "档号", "文件名", "结果", "说明", "应为 SHA-256", "实际 SHA-256"], summary.problems.map {
                        [String($0.fileID), $0.referenceCode, $0.originalName, $0.outcomeTitle, $0.note ?? "", $0.expected, $0.actual ?? "—"]
                    }, rightAligned: [0], empty: "")
                }
            }
            if !summary.ok {
                Output.note("固定性检查发现 \(summary.failed + summary.missing) 个文件有问题（内容不符 \(summary.failed)，缺失 \(summary.missing)）；请从备份恢复后再检查：lvzhi archive fixity failures --office \(office ?? "代码")")
                throw ExitCode.failure
            }
        }
    }

    struct Failures: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "failures", abstract: "最近一次检查未通过（内容不符或缺失）的文件（文史工作人员）",
                                                        discussion: "例：lvzhi archive fixity failures --office ordos --json")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String

        func run() throws {
            let (host, context) = try global.open()
            let rows = try host.read { db in try FixityCheck.failures(officeCode: office, context: context, db: db) }
            if output.json { return try Output.json(rows) }
            Output.table(["文件 ID", "档号", "文件名", "用途", "结果", "最近检查", "首次发现", "说明", "存放位置"], rows.map {
                [String($0.fileID), $0.referenceCode, $0.originalName, $0.use.title, $0.outcomeTitle, Timestamp.display($0.checkedAt),
                 Timestamp.display($0.failingSince), $0.note ?? "", $0.storedPath]
            }, rightAligned: [0], empty: "没有未通过检查的文件。")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "一个文件的全部检查记录（最近的在前）", discussion: "例：lvzhi archive fixity history 3")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("文件 ID", valueName: "ID")) var file: Int64

        func run() throws {
            let (host, context) = try global.open()
            let events = try host.read { db in try FixityCheck.history(fileID: file, context: context, db: db) }
            if output.json { return try Output.json(events) }
            Output.table(["时间", "结果", "检查人", "实际 SHA-256", "说明"], events.map {
                [Timestamp.display($0.checkedAt), $0.outcome.title, $0.checkedBy, $0.actual ?? "—", $0.note ?? ""]
            }, empty: "文件 \(file) 还没有检查过。")
        }
    }
}
