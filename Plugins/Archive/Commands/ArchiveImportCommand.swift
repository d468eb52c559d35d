import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive import`: a folder of files with a CSV manifest.
struct ArchiveImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "按 CSV 清单批量导入一个目录中的文件及其著录（文史工作人员）",
        discussion: """
        清单为 CSV（UTF-8，带不带 BOM 均可），第一行为表头，中英文列名均可：
          文件/file（相对于导入目录）、档号/reference_code（必需）、层级/level、上级档号/parent、题名/title、
          责任者/creator、形成日期/date、起始时间、终止时间、稿本、文种、数量、提要/summary、人名、地名、主题词、
          分类号、密级、保管期限、开放标识、原件存放、复制件存放、接收登记、全文文件/text_file、
          用途/use、MIME/mime、SHA256/sha256、大小/size、原文件名/original_name。
        档号已存在的行把文件加到该条目；档号不存在的行须写明层级和题名，新建条目（放在上级档号之下）。
        先检查全部行，有任何问题就列出所有问题及行号，什么也不导入；--dry-run 只检查（含核对 SHA256）。
        例：lvzhi archive import 扫描件 --manifest 扫描件/清单.csv --office ordos --dry-run
            lvzhi archive import 扫描件 --manifest 扫描件/清单.csv --office ordos
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("存放文件的目录", valueName: "FOLDER")) var folder: String
    @Option(help: ArgumentHelp("CSV 清单文件", valueName: "CSV")) var manifest: String
    @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
    @Flag(help: "只检查，不导入") var dryRun = false

    func run() throws {
        let (host, context) = try global.open()
        let progress = ProgressLine("导入")
        defer { progress.finish() }
        let outcome = try ArchiveImport(host: host, context: context).run(
            folder: URL(fileURLWithPath: folder, isDirectory: true), manifest: URL(fileURLWithPath: manifest), officeCode: office, dryRun: dryRun
        ) { p in
            let phase: String
            switch p.phase {
            case .checking: phase = "核对校验和"
            case .copying: phase = "复制文件"
            case .writing: phase = "写入"
            }
            progress.update(p.done, of: p.total, detail: p.phase == .writing ? phase
                                : "\(phase)  \(FileVault.displaySize(p.bytesDone))/\(FileVault.displaySize(p.bytesTotal))")
        }
        progress.finish()
        if !outcome.unlisted.isEmpty {
            let shown = outcome.unlisted.prefix(10).joined(separator: "、")
            Output.note("注意：目录中有 \(outcome.unlisted.count) 个文件没有列在清单中（未导入）：\(shown)\(outcome.unlisted.count > 10 ? "……" : "")")
        }
        if output.json { return try Output.json(outcome) }
        if outcome.dryRun {
            print("检查通过（未写入任何内容）：\(outcome.rows) 行，将新建著录 \(outcome.unitsCreated) 条，加入文件 \(outcome.filesAdded) 个（共 \(FileVault.displaySize(outcome.bytes))）；清单编码 \(outcome.encoding)")
        } else {
            print("已导入：\(outcome.rows) 行，新建著录 \(outcome.unitsCreated) 条，加入文件 \(outcome.filesAdded) 个（共 \(FileVault.displaySize(outcome.bytes))）")
        }
    }
}
