import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive file|fixity|import|export`: digital files, fixity checks, import of a folder
/// with a CSV manifest, export in open formats. The commands are in this file and in
/// `ArchiveFixityCommands`, `ArchiveImportCommand`, `ArchiveExportCommand`.
enum ArchiveFilesCommands {
    static let all: [any ParsableCommand.Type] = [ArchiveFileCommand.self, ArchiveFixityCommand.self, ArchiveImportCommand.self, ArchiveExportCommand.self]
}

/// `lvzhi archive file`: the digital files of description units.
struct ArchiveFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "数字文件：为著录条目加入母版、利用版、缩略图，查看文件及其 SHA-256",
        discussion: """
        文件保存在数据库旁的数字文件存放目录（模块设置 files_folder，默认为数据库旁的「数据库名-文史资料文件」，如 demo.sqlite 旁的 demo-文史资料文件；也可写相对于数据库所在目录的路径或绝对路径）。
        加入时边复制边计算 SHA-256；给出 --sha256 时先核对，不符则拒绝，什么也不留下。
        例：lvzhi archive file add 12 扫描/王文回忆录.tif --use 母版 --sha256 3a7bd3e2…
            lvzhi archive file list --unit 12
            lvzhi archive file list --office ordos --json
        """,
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "为著录条目加入一个数字文件（文史工作人员）",
            discussion: """
            例：lvzhi archive file add 12 扫描/王文回忆录.tif
                lvzhi archive file add 12 利用/王文回忆录.pdf --use 利用版
                lvzhi archive file add 12 录音.wav --use master --mime audio/wav --sha256 $(sha256sum 录音.wav | cut -d' ' -f1)
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("著录条目 ID", valueName: "UNIT")) var unit: Int64
        @Argument(help: ArgumentHelp("要加入的文件", valueName: "PATH")) var path: String
        @Option(help: ArgumentHelp("用途：母版（master）、利用版（access）、缩略图（thumbnail）", valueName: "USE")) var use: String = "master"
        @Option(help: ArgumentHelp("MIME 类型（不写则按扩展名判断），如 image/tiff", valueName: "TYPE")) var mime: String?
        @Option(help: ArgumentHelp("文件的 SHA-256（64 位十六进制）；给出则先核对，不符即拒绝", valueName: "HEX")) var sha256: String?
        @Option(help: ArgumentHelp("记录的文件名（默认为原文件名）", valueName: "NAME")) var name: String?

        func run() throws {
            let use = try FileUse.parse(self.use)
            if let sha256 { _ = try FileVault.normalizedChecksum(sha256) }
            let source = URL(fileURLWithPath: path)
            let (host, context) = try global.open()
            let progress = ProgressLine("复制文件")
            defer { progress.finish() }   // also when the work fails: the error starts on a clean line
            let total = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0
            let file = try DigitalFileStore.ingest(host: host, context: context, unitID: unit, source: source, use: use, mimeType: mime,
                                                   expectedSHA256: sha256, originalName: name) { copied in
                progress.update(Int(copied), of: total, detail: FileVault.displaySize(copied))
            }
            progress.finish()
            let code = try host.read { db in try DescriptionUnit.find(id: file.unitID, db: db).referenceCode }
            print("已为 \(code) 加入\(file.use.title)「\(file.originalName)」（文件 ID \(file.id!)，\(FileVault.displaySize(file.size))，\(file.mimeType)）")
            print("SHA-256：\(file.sha256)\(sha256 == nil ? "" : "（与给出的一致）")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "列出数字文件（一个条目的，或一个政协可见的全部）",
            discussion: "例：lvzhi archive file list --unit 12；lvzhi archive file list --office ordos --json")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("著录条目 ID", valueName: "ID")) var unit: Int64?
        @Option(help: ArgumentHelp("政协代码：列出该政协您可以看到的全部文件", valueName: "CODE")) var office: String?

        func validate() throws {
            if (unit == nil) == (office == nil) { throw ValidationError("请给出 --unit 条目 ID 或 --office 政协代码（二者选一）") }
        }

        func run() throws {
            let (host, context) = try global.open()
            let files = try host.read { db in
                if let unit { return try DigitalFileStore.files(unitID: unit, context: context, db: db) }
                return try DigitalFileStore.list(officeCode: office!, context: context, db: db)
            }
            if output.json { return try Output.json(files) }
            let rows: [[String]] = files.map { f in
                var checked = "未检查"
                if let at = f.lastCheckedAt { checked = (f.lastOutcome?.title ?? "") + "（" + Timestamp.beijingDay(at) + "）" }
                let digest: String = String(f.sha256.prefix(16)) + "…"
                return [String(f.id), f.referenceCode, f.useTitle, f.originalName, f.mimeType, FileVault.displaySize(f.size), digest, checked]
            }
            Output.table(["ID", "档号", "用途", "文件名", "类型", "大小", "SHA-256", "最近检查"], rows,
                         rightAligned: [0, 5], empty: "没有数字文件。")
        }
    }
}
