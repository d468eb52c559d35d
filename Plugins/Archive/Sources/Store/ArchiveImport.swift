import CSV
import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// Imports a folder of files described by a CSV manifest (UTF-8 with or without BOM; GB18030
/// also read). Each row names a file (relative to the folder) and the unit it belongs to: an
/// existing unit by its 档号, or a new unit the row describes (层级, 题名 …), created under its
/// 上级档号 (an existing unit or another row of the manifest). Several rows may give files of the
/// same unit; exactly one of them describes a new unit. A row may also describe a unit without a
/// file (a manifest without the 文件 column only describes), so an export's descriptions.csv and
/// files.csv can be imported again.
///
/// Every row is checked first: missing files, unknown columns, bad values, checksums that do not
/// match, duplicate 档号 … and if anything is wrong, all problems are reported with their line
/// numbers (the header is line 1, as in Excel) and nothing is imported. Otherwise the files are
/// streamed into the vault's incoming folder (hashing on the way) and then everything is recorded
/// in one transaction; if that fails, the copied files are removed again.
public struct ArchiveImport {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// What an import did (or, for a dry run, would do).
    public struct Outcome: Codable, Sendable, Hashable {
        /// Data rows read.
        public var rows: Int
        public var unitsCreated: Int
        public var filesAdded: Int
        public var bytes: Int64
        public var encoding: String
        /// Files of the folder no row names (nothing is done with them).
        public var unlisted: [String]
        public var dryRun: Bool
    }

    /// Where an import is.
    public enum Phase: String, Sendable {
        /// Reading the files that carry a checksum (dry run, or to report every problem).
        case checking
        /// Copying the files into the vault.
        case copying
        /// Recording units and files.
        case writing
    }

    public struct Progress: Sendable, Hashable {
        public var phase: Phase
        public var done: Int
        public var total: Int
        public var bytesDone: Int64
        public var bytesTotal: Int64
    }

    /// The columns of a manifest.
    public enum Field: String, CaseIterable, Sendable {
        case file, referenceCode, level, parent, title, creator, date, periodFrom, periodTo, manuscript, genre, extent, summary
        case persons, places, subjects, classification, secrecy, retention, openness, originalLocation, copyLocation, accession
        case textFile, use, mime, sha256, size, originalName

        /// The Chinese header, as written in the guide.
        public var header: String {
            switch self {
            case .file: "文件"
            case .referenceCode: "档号"
            case .level: "层级"
            case .parent: "上级档号"
            case .title: "题名"
            case .creator: "责任者"
            case .date: "形成日期"
            case .periodFrom: "起始时间"
            case .periodTo: "终止时间"
            case .manuscript: "稿本"
            case .genre: "文种"
            case .extent: "数量"
            case .summary: "提要"
            case .persons: "人名"
            case .places: "地名"
            case .subjects: "主题词"
            case .classification: "分类号"
            case .secrecy: "密级"
            case .retention: "保管期限"
            case .openness: "开放标识"
            case .originalLocation: "原件存放"
            case .copyLocation: "复制件存放"
            case .accession: "接收登记"
            case .textFile: "全文文件"
            case .use: "用途"
            case .mime: "MIME"
            case .sha256: "SHA256"
            case .size: "大小"
            case .originalName: "原文件名"
            }
        }

        /// The English alias (snake_case).
        public var alias: String {
            switch self {
            case .referenceCode: "reference_code"
            case .periodFrom: "period_from"
            case .periodTo: "period_to"
            case .originalLocation: "original_location"
            case .copyLocation: "copy_location"
            case .textFile: "text_file"
            case .originalName: "original_name"
            default: rawValue
            }
        }

        /// Whether the field describes a unit (rather than the file).
        var describes: Bool { ![.file, .referenceCode, .use, .mime, .sha256, .size, .originalName].contains(self) }

        /// Every accepted header (lowercased) → field.
        static let headers: [String: Field] = {
            var table: [String: Field] = [:]
            for field in allCases { table[field.header.lowercased()] = field; table[field.alias] = field }
            let extra: [String: Field] = [
                "文件路径": .file, "path": .file, "code": .referenceCode, "上级": .parent, "parent_code": .parent, "日期": .date,
                "created_on": .date, "内容起始时间": .periodFrom, "内容终止时间": .periodTo, "类型": .genre, "原件存放位置": .originalLocation,
                "复制件存放位置": .copyLocation, "接收登记号": .accession, "全文": .textFile, "mime类型": .mime, "mime_type": .mime,
                "sha-256": .sha256, "校验和": .sha256, "大小（字节）": .size, "字节数": .size, "原名": .originalName,
            ]
            table.merge(extra) { a, _ in a }
            return table
        }()
    }

    /// One data row of the manifest.
    struct Line {
        var number: Int
        var values: [Field: String]
        func value(_ field: Field) -> String? { values[field].flatMap { $0.nonBlank } }
        var describes: Bool { values.contains { $0.key.describes && $0.value.nonBlank != nil } }
    }

    /// A row that adds a file, once checked.
    struct FileRow {
        var line: Int
        var code: String
        var url: URL
        var relative: String
        var originalName: String
        var use: FileUse
        var mime: String?
        var sha256: String?
        var size: Int64
    }

    /// A row that describes a new unit, once checked.
    struct NewUnit {
        var line: Int
        var code: String
        var parentCode: String?
        var input: UnitInput
        var textFile: URL?
    }

    /// The manifest once every row is checked.
    struct Plan {
        var office: Office
        var vault: FileVault
        var rows: Int
        var files: [FileRow]
        /// New units, parents before children.
        var units: [NewUnit]
        /// Existing units by 档号.
        var existing: [String: DescriptionUnit]
        var problems: [(line: Int, text: String)]
        var encoding: String
        var unlisted: [String]
    }

    /// Imports the files of `folder` as `manifest` lists them into `officeCode`.
    /// - Parameters:
    ///   - dryRun: check everything (checksums included), write nothing.
    ///   - progress: called while checking, copying and writing.
    public func run(folder: URL, manifest: URL, officeCode: String, dryRun: Bool = false,
                    progress: ((Progress) -> Void)? = nil) throws -> Outcome {
        var plan = try host.read { db in try check(folder: folder, manifest: manifest, officeCode: officeCode, db: db) }
        let bytesTotal = plan.files.reduce(Int64(0)) { $0 + $1.size }

        // Checksums: read (dry run, or when the rows already have problems) or copy while hashing.
        var staged: [Int: StagedFile] = [:]
        if dryRun || !plan.problems.isEmpty {
            let toCheck = plan.files.filter { $0.sha256 != nil }
            let total = toCheck.reduce(Int64(0)) { $0 + $1.size }
            var done: Int64 = 0
            for (index, row) in toCheck.enumerated() {
                let base = done
                do {
                    let digest = try FileVault.digest(of: row.url) { read in
                        progress?(Progress(phase: .checking, done: index, total: toCheck.count, bytesDone: base + read, bytesTotal: total))
                    }
                    if digest.sha256 != row.sha256 {
                        plan.problems.append((row.line, "文件「\(row.relative)」的 SHA256 不符：清单写 \(row.sha256!)，实际 \(digest.sha256)"))
                    }
                } catch let error as LvzhiError {
                    plan.problems.append((row.line, "文件「\(row.relative)」：\(error.message)"))
                }
                done = base + row.size
                progress?(Progress(phase: .checking, done: index + 1, total: toCheck.count, bytesDone: done, bytesTotal: total))
            }
        } else {
            var done: Int64 = 0
            for (index, row) in plan.files.enumerated() {
                let base = done
                do {
                    let file = try plan.vault.stage(row.url) { read in
                        progress?(Progress(phase: .copying, done: index, total: plan.files.count, bytesDone: base + read, bytesTotal: bytesTotal))
                    }
                    staged[index] = file
                    if let expected = row.sha256, expected != file.sha256 {
                        plan.problems.append((row.line, "文件「\(row.relative)」的 SHA256 不符：清单写 \(expected)，实际 \(file.sha256)"))
                    }
                } catch let error as LvzhiError {
                    plan.problems.append((row.line, "文件「\(row.relative)」：\(error.message)"))
                } catch {
                    for file in staged.values { file.discard() }
                    throw error
                }
                done = base + row.size
                progress?(Progress(phase: .copying, done: index + 1, total: plan.files.count, bytesDone: done, bytesTotal: bytesTotal))
            }
        }
        // The same content twice for one unit and use, in the manifest or already stored.
        if plan.problems.isEmpty {
            try checkDuplicateContent(&plan, staged: staged)
        }
        if !plan.problems.isEmpty {
            for file in staged.values { file.discard() }
            throw LvzhiError(.importRejected, Self.summary(of: plan.problems, rows: plan.rows, manifest: manifest.lastPathComponent),
                             hint: "改正以上各行后重新导入；可先加 --dry-run 只做检查",
                             details: plan.problems.sorted { $0.line < $1.line }.map { "第\($0.line)行：\($0.text)" })
        }
        if dryRun {
            return Outcome(rows: plan.rows, unitsCreated: plan.units.count, filesAdded: plan.files.count, bytes: bytesTotal,
                           encoding: plan.encoding, unlisted: plan.unlisted, dryRun: true)
        }
        do {
            let outcome = try host.write(as: context) { tx in try write(plan, staged: staged, manifest: manifest, bytes: bytesTotal, progress: progress, tx: tx) }
            return outcome
        } catch {
            // Files placed are removed by the rollback; those still waiting are removed here.
            for file in staged.values { file.discard() }
            throw error
        }
    }

    // MARK: Checking

    func check(folder: URL, manifest: URL, officeCode: String, db: Database) throws -> Plan {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.manage, db: db)
        let vault = try FileVault.of(office, db: db)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LvzhiError.notFound("导入目录", folder.path, hint: "给出存放文件的目录；清单中的文件路径相对于它")
        }
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            throw LvzhiError.notFound("清单文件", manifest.path, hint: "用 --manifest 给出 CSV 清单")
        }
        let (text, encoding) = try TextDecoding.decode(data, as: .auto)
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        var problems: [(line: Int, text: String)] = []
        let lines = try parse(text, source: manifest.lastPathComponent, problems: &problems)
        guard !lines.isEmpty else {
            throw LvzhiError(.importRejected, "清单 \(manifest.lastPathComponent) 没有任何数据行（只有表头或为空）")
        }

        // Existing units named by the manifest.
        var existing: [String: DescriptionUnit] = [:]
        let codes = Set(lines.compactMap { $0.value(.referenceCode) } + lines.compactMap { $0.value(.parent) })
        for code in codes {
            if let unit = try DescriptionUnit.filter(Column("office_id") == office.id && Column("reference_code") == code).fetchOne(db) {
                existing[code] = unit
            }
        }

        var files: [FileRow] = []
        var describing: [String: Line] = [:]
        var fileOnly: [String: Int] = [:]
        var seenFiles: [String: Int] = [:]
        var textFiles: [Int: URL] = [:]
        for line in lines {
            func problem(_ text: String) { problems.append((line.number, text)) }
            guard let code = line.value(.referenceCode) else { problem("档号为空：每行须写明文件所属条目的档号"); continue }
            if line.describes {
                if let unit = existing[code] {
                    problem("档号「\(code.quotedForMessage)」已有著录条目（ID \(unit.id!)「\(unit.title)」）；为已有条目加入文件时不要填写著录项，修改著录请用 lvzhi archive unit update \(unit.id!)")
                } else if let earlier = describing[code] {
                    problem("档号「\(code.quotedForMessage)」重复：第\(earlier.number)行已著录这一档号")
                } else {
                    describing[code] = line
                }
                if let path = line.value(.textFile) {
                    switch resolve(path, in: root) {
                    case .success(let url): textFiles[line.number] = url
                    case .failure(let reason): problem("全文文件「\(path.quotedForMessage)」\(reason)")
                    }
                }
            } else if line.value(.file) == nil {
                problem("档号「\(code.quotedForMessage)」这一行既没有文件，也没有著录项")
            }
            guard let path = line.value(.file) else { continue }
            if existing[code] == nil, !line.describes { fileOnly[code] = fileOnly[code] ?? line.number }
            let url: URL
            switch resolve(path, in: root) {
            case .success(let found): url = found
            case .failure(let reason): problem("文件「\(path.quotedForMessage)」\(reason)"); continue
            }
            var row = FileRow(line: line.number, code: code, url: url, relative: path, originalName: line.value(.originalName) ?? url.lastPathComponent,
                              use: .master, size: 0)
            if let use = line.value(.use) {
                do { row.use = try FileUse.parse(use) } catch let error as LvzhiError { problem(error.message) }
            }
            if let mime = line.value(.mime) {
                do { row.mime = try DigitalFileStore.validMIME(mime) } catch let error as LvzhiError { problem(error.message) }
            }
            if let sha = line.value(.sha256) {
                do { row.sha256 = try FileVault.normalizedChecksum(sha) } catch let error as LvzhiError { problem(error.message) }
            }
            let actualSize = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
            row.size = actualSize
            if let size = line.value(.size) {
                if let given = Int64(size), given >= 0 {
                    if given != actualSize { problem("文件「\(path.quotedForMessage)」的大小不符：清单写 \(given) 字节，实际 \(actualSize) 字节") }
                } else {
                    problem("大小「\(size)」无效：应为字节数（非负整数）")
                }
            }
            let key = "\(url.path)|\(code)|\(row.use.rawValue)"
            if let earlier = seenFiles[key] {
                problem("文件「\(path.quotedForMessage)」在第\(earlier)行已作为 \(code) 的\(row.use.title)列出")
            } else {
                seenFiles[key] = line.number
            }
            files.append(row)
        }
        for (code, line) in fileOnly where describing[code] == nil {
            problems.append((line, "档号「\(code.quotedForMessage)」既不是已有的著录条目，清单中也没有一行著录它（新条目须写明层级和题名）"))
        }

        // New units: parents before children, each checked as DescriptionStore.add would.
        let units = try order(describing, existing: existing, office: office, textFiles: textFiles, problems: &problems, db: db)
        return Plan(office: office, vault: vault, rows: lines.count, files: files, units: units, existing: existing, problems: problems,
                    encoding: encoding,
                    unlisted: lines.contains { $0.values[.file] != nil } ? unlisted(in: root, files: files, textFiles: Array(textFiles.values), manifest: manifest) : [])
    }

    /// The refusal's first line: how many of the data rows have problems, the header's problems
    /// apart (line 1 is the header, not a data row), and how many problems there are in all.
    static func summary(of problems: [(line: Int, text: String)], rows: Int, manifest: String) -> String {
        let rowsWithProblems = Set(problems.map(\.line).filter { $0 > Self.headerLine }).count
        let headerProblems = problems.filter { $0.line == Self.headerLine }.count
        var parts: [String] = []
        if headerProblems > 0 { parts.append("表头有 \(headerProblems) 处问题") }
        if rowsWithProblems > 0 { parts.append("\(rows) 行数据中有 \(rowsWithProblems) 行有问题") }
        return "导入被拒绝：清单 \(manifest)：\(parts.joined(separator: "，"))（共 \(problems.count) 处），什么也没有导入"
    }

    /// The line of the manifest that holds the header.
    static let headerLine = 1

    /// The rows of the manifest, with their line numbers; header problems are added to `problems`.
    func parse(_ text: String, source: String, problems: inout [(line: Int, text: String)]) throws -> [Line] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            let reason = LvzhiError.translating(error)
            throw LvzhiError(.importRejected, "无法读取清单 \(source.quotedForMessage) 的表头：\(reason.message)", hint: reason.hint)
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var columns: [Int: Field] = [:]
        var seen: [Field: String] = [:]
        for (index, name) in header.enumerated() where !name.isEmpty {
            guard let field = Field.headers[name.lowercased()] else {
                problems.append((1, "不认识的列「\(name.quotedForMessage)」（可用：\(Field.allCases.map { "\($0.header)/\($0.alias)" }.joined(separator: "、"))）"))
                continue
            }
            if let other = seen[field] {
                problems.append((1, "列「\(name.quotedForMessage)」与「\(other.quotedForMessage)」是同一项（\(field.header)），只能出现一次"))
                continue
            }
            seen[field] = name
            columns[index] = field
        }
        for required in [Field.referenceCode] where seen[required] == nil {
            throw LvzhiError(.importRejected, "清单 \(source) 缺少必需的列：\(required.header)（或 \(required.alias)）",
                             hint: "第一行应为表头，例如：文件,档号,层级,上级档号,题名,责任者,形成日期,用途,SHA256（读到的表头：\(header.joined(separator: ","))）")
        }
        var lines: [Line] = []
        var number = 1
        while let fields = reader.next() {
            number += 1
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var values: [Field: String] = [:]
            for (index, value) in fields.enumerated() {
                if let field = columns[index] { values[field] = value }
            }
            lines.append(Line(number: number, values: values))
        }
        if let error = reader.error {
            throw LvzhiError(.importRejected, "清单 \(source) 第\(number + 1)行附近的 CSV 格式有误：\(error)",
                             hint: "检查引号是否成对；含逗号的字段应整体加英文双引号")
        }
        return lines
    }

    /// A path of the manifest as a file inside `root`, or why it is not one.
    func resolve(_ path: String, in root: URL) -> Result<URL, ImportPathProblem> {
        let t = path.replacingOccurrences(of: "\\", with: "/")
        if t.hasPrefix("/") || t.hasPrefix("~") { return .failure(ImportPathProblem("应为相对于导入目录的路径")) }
        if t.split(separator: "/").contains("..") { return .failure(ImportPathProblem("不能含“..”（不能指向导入目录之外）")) }
        let url = root.appendingPathComponent(t).standardizedFileURL.resolvingSymlinksInPath()
        guard url.path.hasPrefix(root.path + "/") else { return .failure(ImportPathProblem("指向导入目录之外")) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .failure(ImportPathProblem("不存在")) }
        if isDirectory.boolValue { return .failure(ImportPathProblem("是目录，不是文件")) }
        guard FileManager.default.isReadableFile(atPath: url.path) else { return .failure(ImportPathProblem("无法读取（没有权限）")) }
        return .success(url)
    }

    /// The new units in creation order (parents first), each checked against its parent.
    func order(_ describing: [String: Line], existing: [String: DescriptionUnit], office: Office, textFiles: [Int: URL],
               problems: inout [(line: Int, text: String)], db: Database) throws -> [NewUnit] {
        var ordered: [NewUnit] = []
        var candidates: [String: DescriptionUnit] = [:]
        var state: [String: Int] = [:]  // 1: in progress, 2: done
        func visit(_ code: String, _ line: Line, problems: inout [(line: Int, text: String)]) throws {
            if state[code] == 2 { return }
            if state[code] == 1 {
                problems.append((line.number, "档号「\(code.quotedForMessage)」的上级档号形成了循环"))
                return
            }
            state[code] = 1
            defer { state[code] = 2 }
            // Every problem of the row at once: the parent, the level, the title and each field.
            var lineProblems: [String] = []
            var parent: DescriptionUnit?
            var parentUsable = true
            let parentCode = line.value(.parent)
            if let parentCode {
                if parentCode == code {
                    lineProblems.append("上级档号「\(parentCode.quotedForMessage)」就是本条的档号"); parentUsable = false
                } else if let found = existing[parentCode] {
                    parent = found
                } else if let parentLine = describing[parentCode] {
                    try visit(parentCode, parentLine, problems: &problems)
                    parent = candidates[parentCode]
                    parentUsable = parent != nil  // the parent's own problems are reported on its line
                } else {
                    lineProblems.append("上级档号「\(parentCode.quotedForMessage)」既不是已有的著录条目，也不在清单中"); parentUsable = false
                }
            }
            var input = UnitInput(level: line.value(.level), referenceCode: code, title: line.value(.title), creator: line.values[.creator],
                                  createdOn: line.values[.date], periodFrom: line.values[.periodFrom], periodTo: line.values[.periodTo],
                                  manuscript: line.values[.manuscript], genre: line.values[.genre], extent: line.values[.extent],
                                  summary: line.values[.summary], persons: line.values[.persons], places: line.values[.places],
                                  subjects: line.values[.subjects], classification: line.values[.classification],
                                  secrecy: line.value(.secrecy), retention: line.values[.retention], openness: line.value(.openness),
                                  originalLocation: line.values[.originalLocation], copyLocation: line.values[.copyLocation])
            var level: DescriptionLevel?
            if let levelText = input.level {
                do { level = try DescriptionLevel.parse(levelText) } catch let error as LvzhiError { lineProblems.append(error.message) }
            } else {
                lineProblems.append("新条目「\(code.quotedForMessage)」须写明层级（全宗、系列、案卷 或 件）")
            }
            if input.title == nil { lineProblems.append("新条目「\(code.quotedForMessage)」须写明题名") }
            if let parent, let level, parent.level >= level {
                lineProblems.append("层级「\(level.title)」不能放在「\(parent.level.title)」\(parent.referenceCode) 之下：下级的层级须低于上级（全宗 → 系列 → 案卷 → 件）")
            }
            if let accession = line.value(.accession) {
                let found = try Int64(accession).flatMap { try Accession.fetchOne(db, key: $0) }
                    ?? Accession.filter(Column("office_id") == office.id && Column("number") == accession).fetchOne(db)
                if let found, found.officeID == office.id { input.accessionID = found.id } else {
                    lineProblems.append("接收登记「\(accession.quotedForMessage)」在「\(office.name)」不存在（写 ID 或编号，如 2026-0001）")
                }
            }
            var text: URL?
            if let url = textFiles[line.number] {
                do {
                    guard let data = FileManager.default.contents(atPath: url.path) else { throw LvzhiError.notFound("文件", url.path) }
                    _ = try TextDecoding.decode(data, as: .auto)
                    text = url
                } catch let error as LvzhiError {
                    lineProblems.append("全文文件「\(line.value(.textFile)!.quotedForMessage)」：\(error.message)")
                }
            }
            var unit = DescriptionUnit(officeID: office.id, parentID: parent?.id, level: level ?? .item, referenceCode: code, title: input.title?.nonBlank ?? "",
                                       secrecy: parent?.secrecy ?? "公开", openness: parent?.openness ?? "开放",
                                       createdBy: context.user.username, createdAt: "", updatedAt: "")
            let checked = UnitInput(creator: input.creator, createdOn: input.createdOn, periodFrom: input.periodFrom, periodTo: input.periodTo,
                                    manuscript: input.manuscript, genre: input.genre, extent: input.extent, summary: input.summary,
                                    persons: input.persons, places: input.places, subjects: input.subjects,
                                    classification: input.classification, secrecy: input.secrecy, retention: input.retention,
                                    openness: input.openness, originalLocation: input.originalLocation, copyLocation: input.copyLocation)
            lineProblems += try DescriptionStore.problems(applying: checked, to: &unit, office: office, parent: parent, db: db).map(\.message)
            if !lineProblems.isEmpty { problems += lineProblems.map { (line.number, $0) }; return }
            guard parentUsable, level != nil else { return }
            candidates[code] = unit
            ordered.append(NewUnit(line: line.number, code: code, parentCode: parentCode, input: input, textFile: text))
        }
        for code in describing.keys.sorted(by: { describing[$0]!.number < describing[$1]!.number }) {
            try visit(code, describing[code]!, problems: &problems)
        }
        return ordered
    }

    /// Files of the folder no row names (the manifest and the text files aside; in a folder an
    /// export wrote, its own descriptions.csv, files.csv, dc.xml and texts/ too: re-importing the
    /// package's files.csv is not missing anything).
    func unlisted(in root: URL, files: [FileRow], textFiles: [URL], manifest: URL) -> [String] {
        let named = Set((files.map(\.url) + textFiles + [manifest.standardizedFileURL.resolvingSymlinksInPath()]).map(\.path))
        let isPackage = FileManager.default.fileExists(atPath: root.appendingPathComponent("descriptions.csv").path)
            && FileManager.default.fileExists(atPath: root.appendingPathComponent("files.csv").path)
        func isPackageFile(_ relative: String) -> Bool {
            isPackage && (["descriptions.csv", "files.csv", "dc.xml"].contains(relative) || relative.hasPrefix("texts/"))
        }
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = String(path.dropFirst(root.path.count + 1))
            if !named.contains(path), !isPackageFile(relative) { result.append(relative) }
        }
        return result.sorted()
    }

    /// The same content twice for the same unit and use, within the manifest or already stored.
    func checkDuplicateContent(_ plan: inout Plan, staged: [Int: StagedFile]) throws {
        var seen: [String: Int] = [:]
        for (index, row) in plan.files.enumerated() {
            guard let sha = staged[index]?.sha256 ?? row.sha256 else { continue }
            let key = "\(row.code)|\(row.use.rawValue)|\(sha)"
            if let earlier = seen[key] {
                plan.problems.append((row.line, "文件「\(row.relative)」与第\(earlier)行的文件内容相同，且属于同一条目、同一用途"))
            } else {
                seen[key] = row.line
            }
            if let unit = plan.existing[row.code] {
                let same = try host.read { db in
                    try DigitalFile.filter(Column("unit_id") == unit.id && Column("use") == row.use.rawValue && Column("sha256") == sha).fetchOne(db)
                }
                if let same {
                    plan.problems.append((row.line, "文件「\(row.relative)」与 \(row.code) 已有的\(row.use.title)「\(same.originalName)」（文件 ID \(same.id!)）内容相同"))
                }
            }
        }
    }

    // MARK: Writing

    func write(_ plan: Plan, staged: [Int: StagedFile], manifest: URL, bytes: Int64, progress: ((Progress) -> Void)?,
               tx: AuditedTransaction) throws -> Outcome {
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: plan.office, db: tx.db)
        var ids = plan.existing.mapValues { $0.id! }
        let total = plan.units.count + plan.files.count
        var done = 0
        for unit in plan.units {
            var input = unit.input
            input.parentID = unit.parentCode.flatMap { ids[$0] }
            if let url = unit.textFile {
                guard let data = FileManager.default.contents(atPath: url.path) else { throw LvzhiError.notFound("全文文件", url.path) }
                input.body = try TextDecoding.decode(data, as: .auto).text
            }
            let created: DescriptionUnit
            do {
                created = try DescriptionStore.add(officeCode: plan.office.code, input, tx: tx)
            } catch {
                throw Self.atLine(unit.line, error)
            }
            ids[unit.code] = created.id!
            done += 1
            if done % 50 == 0 { progress?(Progress(phase: .writing, done: done, total: total, bytesDone: bytes, bytesTotal: bytes)) }
        }
        for (index, row) in plan.files.enumerated() {
            guard let file = staged[index], let unitID = ids[row.code] else {
                throw LvzhiError(.storage, "第\(row.line)行的文件「\(row.relative)」没有复制成功")
            }
            do {
                _ = try DigitalFileStore.add(unitID: unitID, staged: file, originalName: row.originalName, use: row.use, mimeType: row.mime, tx: tx)
            } catch {
                throw Self.atLine(row.line, error)
            }
            done += 1
            if done % 50 == 0 || done == total { progress?(Progress(phase: .writing, done: done, total: total, bytesDone: bytes, bytesTotal: bytes)) }
        }
        let summary = "{\"units\":\(plan.units.count),\"files\":\(plan.files.count),\"bytes\":\(bytes),\"manifest\":\(Self.jsonString(manifest.lastPathComponent))}"
        try tx.log(action: "import", entity: DigitalFile.databaseTableName, entityID: nil, officeID: plan.office.id, before: nil, after: summary)
        tx.emit(DomainEvent(name: "archive.imported", officeID: plan.office.id, entity: DigitalFile.databaseTableName, entityID: nil))
        return Outcome(rows: plan.rows, unitsCreated: plan.units.count, filesAdded: plan.files.count, bytes: bytes, encoding: plan.encoding,
                       unlisted: plan.unlisted, dryRun: false)
    }

    /// `error` with the line of the manifest it arose from (a database refusal made readable).
    static func atLine(_ line: Int, _ error: any Error) -> LvzhiError {
        var refusal: LvzhiError
        if let error = error as? LvzhiError {
            refusal = error
        } else if let error = error as? DatabaseError {
            let message = error.message ?? "\(error)"
            let code: LvzhiError.Code = error.resultCode == .SQLITE_CONSTRAINT ? (message.hasPrefix("UNIQUE") ? .conflict : .ruleViolation) : .storage
            refusal = LvzhiError(code, message, cause: error)
        } else {
            refusal = LvzhiError(.storage, "\(error)", cause: error)
        }
        refusal.message = "第\(line)行：" + refusal.message + "（导入已全部撤销）"
        return refusal
    }

    static func jsonString(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

/// Why a path of a manifest is not a file that can be imported.
struct ImportPathProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
