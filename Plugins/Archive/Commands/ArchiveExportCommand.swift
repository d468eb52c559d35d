import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive export`: descriptions and files in open formats.
struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "以开放格式导出著录和数字文件：BagIt 包、都柏林核心 XML、CSV",
        discussion: """
        --format bagit（默认）：BagIt 包（RFC 8493）：bagit.txt、bag-info.txt、manifest-sha256.txt、tagmanifest-sha256.txt，
          data/ 下有 descriptions.csv（著录）、dc.xml（都柏林核心）、files.csv（文件及 SHA-256）、texts/（全文）、files/（文件本身）。
        --format dc：dc.xml 与 files.csv。  --format csv：descriptions.csv、files.csv 与 texts/。
        只导出您可以看到的条目；--public 只导出人人可见的条目（文史工作人员对外提供时用）。
        导出先写到临时目录，完成后才移到 --out；失败时什么也不留下。--out 须是新目录（或空目录）。
        例：lvzhi archive export --office ordos --out 文史资料-2026
            lvzhi archive export --office ordos --out 公开目录 --format dc --public
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("政协代码", valueName: "CODE")) var office: String
    @Option(help: ArgumentHelp("导出到的目录（须不存在或为空）", valueName: "DIR")) var out: String
    @Option(help: ArgumentHelp("bagit、dc 或 csv", valueName: "FORMAT")) var format: String = "bagit"
    @Flag(name: .customLong("public"), help: "只导出人人可见的条目（开放、公开、不受开放限制）") var publicOnly = false

    func run() throws {
        let format = try ArchiveExportFormat.parse(self.format)
        let (host, context) = try global.open()
        let progress = ProgressLine("导出")
        defer { progress.finish() }   // also when the work fails: the error starts on a clean line
        let outcome = try ArchiveExport.run(host: host, context: context, officeCode: office, to: URL(fileURLWithPath: out, isDirectory: true),
                                            format: format, publicOnly: publicOnly) { p in
            progress.update(p.done, of: p.total, detail: "\(FileVault.displaySize(p.bytesDone))/\(FileVault.displaySize(p.bytesTotal))")
        }
        progress.finish()
        if output.json { return try Output.json(outcome) }
        let name: String
        switch format {
        case .bagit: name = "BagIt 包"
        case .dc: name = "都柏林核心 XML"
        case .csv: name = "CSV"
        }
        print("已导出\(publicOnly ? "公开版本" : "")到 \(outcome.path)（\(name)）：著录 \(outcome.units) 条，数字文件 \(outcome.files) 个"
              + (format == .bagit ? "（复制 \(FileVault.displaySize(outcome.bytes))，校验和已核对）" : "（列出校验和，未复制文件）"))
    }
}
