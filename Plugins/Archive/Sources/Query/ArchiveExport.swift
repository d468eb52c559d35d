import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import LvzhiCore
import LvzhiStorage

/// The formats of an export.
public enum ArchiveExportFormat: String, CaseIterable, Sendable, Codable {
    /// A BagIt package (RFC 8493) with the descriptions, Dublin Core and the files themselves.
    case bagit
    /// Dublin Core XML (oai_dc), one record per unit, and the list of files with their checksums.
    case dc
    /// CSV of the descriptions (UTF-8 with BOM), the list of files with their checksums, and the texts.
    case csv

    public static func parse(_ text: String) throws -> ArchiveExportFormat {
        if let format = ArchiveExportFormat(rawValue: text.lowercased()) { return format }
        switch text.lowercased() {
        case "bag", "bagit包": return .bagit
        case "dublin-core", "dublincore", "xml", "oai_dc": return .dc
        default: throw LvzhiError.invalid("导出格式", text, "应为 bagit、dc 或 csv")
        }
    }
}

/// Exports the descriptions and digital files `context` may see in open formats an archive
/// outlives software with: Dublin Core XML (oai_dc, the DA/T 18 fields mapped to the fifteen
/// elements), CSV of the descriptions (the same headers an import manifest takes), the list of
/// files with their SHA-256, and a BagIt package (RFC 8493) holding all of it with the files.
///
/// A public export (`publicOnly`) contains only what everyone may see, even when an archivist
/// makes it, and no restriction notes. Everything is written to a temporary folder beside the
/// destination and moved into place at the end, so a failed export leaves nothing half-written.
/// Files are copied in chunks and their checksums verified on the way: a file that is missing or
/// changed fails the export (run a fixity check).
public enum ArchiveExport {
    /// What an export wrote.
    public struct Outcome: Codable, Sendable, Hashable {
        public var path: String
        public var format: ArchiveExportFormat
        public var units: Int
        /// Digital files listed.
        public var files: Int
        /// Bytes of the files copied (BagIt only).
        public var bytes: Int64
        public var publicOnly: Bool
    }

    /// How far an export is (files copied).
    public struct Progress: Sendable, Hashable {
        public var done: Int
        public var total: Int
        public var bytesDone: Int64
        public var bytesTotal: Int64
    }

    /// What is exported, read in one transaction.
    struct Content {
        var office: Office
        var vault: FileVault
        var units: [DescriptionUnit]
        var files: [DigitalFile]
        var accessions: [Int64: Accession]
        var publicOnly: Bool
        /// Whether restriction notes may be written (not in a public export; only for those who see all).
        var showsRestrictions: Bool
        var codes: [Int64: String] { Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.referenceCode) }) }
    }

    /// Exports `officeCode`'s descriptions and files to the folder `out` (which must not exist,
    /// or be empty) in `format`.
    public static func run(host: LvzhiHost, context: AccessContext, officeCode: String, to out: URL, format: ArchiveExportFormat,
                           publicOnly: Bool = false, progress: ((Progress) -> Void)? = nil) throws -> Outcome {
        let destination = out.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue && ((try? FileManager.default.contentsOfDirectory(atPath: destination.path))?.isEmpty ?? false)
            guard empty else {
                throw LvzhiError(.conflict, "导出目录「\(destination.path)」已存在且不是空目录", hint: "换一个新的目录名，或先移走原有内容；导出从不覆盖已有文件")
            }
        }
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LvzhiError.notFound("导出目录的上级目录", parent.path, hint: "先建立该目录")
        }
        let content = try host.read { db in try gather(officeCode: officeCode, publicOnly: publicOnly, context: context, db: db) }

        let temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
            let bytes = try write(content, format: format, to: temporary, progress: progress)
            if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
            guard rename(temporary.path, destination.path) == 0 else {
                throw LvzhiError(.storage, "无法把导出结果移到「\(destination.path)」：\(String(cString: strerror(errno)))")
            }
            return Outcome(path: destination.path, format: format, units: content.units.count, files: content.files.count, bytes: bytes,
                           publicOnly: publicOnly)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// The units (and their files) of the office `context` may see; with `publicOnly`, only those everyone may see.
    static func gather(officeCode: String, publicOnly: Bool, context: AccessContext, db: Database) throws -> Content {
        let office = try Office.find(code: officeCode, db: db)
        var sql = SQL(sql: "SELECT u.* FROM archive_units u WHERE ") + (try ArchiveAccess.visible(context, office: office, db: db))
        if publicOnly { sql += SQL(sql: " AND ") + ArchiveAccess.openCondition() }
        let units = try DescriptionUnit.fetchAll(db, SQLRequest<DescriptionUnit>(literal: sql + SQL(sql: " ORDER BY u.reference_code")))
        var fileSQL = SQL(sql: "SELECT f.* FROM archive_files f JOIN archive_units u ON u.id = f.unit_id WHERE ") + (try ArchiveAccess.visible(context, office: office, db: db))
        if publicOnly { fileSQL += SQL(sql: " AND ") + ArchiveAccess.openCondition() }
        let files = try DigitalFile.fetchAll(db, SQLRequest<DigitalFile>(literal: fileSQL + SQL(sql: " ORDER BY u.reference_code, f.id")))
        let showsRestrictions = try !publicOnly && ArchiveAccess.seesAll(context, office: office, db: db)
        var accessions: [Int64: Accession] = [:]
        if showsRestrictions {
            for id in Set(units.compactMap(\.accessionID)) { accessions[id] = try Accession.fetchOne(db, key: id) }
        }
        return Content(office: office, vault: try FileVault.of(office, db: db), units: units, files: files, accessions: accessions,
                       publicOnly: publicOnly, showsRestrictions: showsRestrictions)
    }

    /// Writes the export into `folder`; returns the bytes of files copied.
    static func write(_ content: Content, format: ArchiveExportFormat, to folder: URL, progress: ((Progress) -> Void)?) throws -> Int64 {
        let fm = FileManager.default
        switch format {
        case .csv:
            let texts = try writeTexts(content, to: folder)
            try descriptionsCSV(content, texts: texts).write(to: folder.appendingPathComponent("descriptions.csv"))
            try filesCSV(content, paths: nil).write(to: folder.appendingPathComponent("files.csv"))
            return 0
        case .dc:
            try Data(dublinCore(content).utf8).write(to: folder.appendingPathComponent("dc.xml"))
            try filesCSV(content, paths: nil).write(to: folder.appendingPathComponent("files.csv"))
            return 0
        case .bagit:
            let data = folder.appendingPathComponent("data", isDirectory: true)
            try fm.createDirectory(at: data, withIntermediateDirectories: false)
            // The files, copied and verified.
            var manifest: [(path: String, sha256: String)] = []
            var paths: [Int64: String] = [:]
            var problems: [String] = []
            let total = content.files.reduce(Int64(0)) { $0 + $1.size }
            var bytes: Int64 = 0
            for (index, file) in content.files.enumerated() {
                let relative = "files/" + file.storedPath
                let source = content.vault.url(of: file.storedPath)
                do {
                    let copied = try FileVault.copy(source, to: data.appendingPathComponent(relative))
                    if copied.sha256 != file.sha256 {
                        problems.append("文件 ID \(file.id!)「\(file.originalName)」（\(file.storedPath)）内容已改变：应为 \(file.sha256)，实际 \(copied.sha256)")
                    }
                    bytes += copied.size
                    manifest.append(("data/" + relative, copied.sha256))
                    paths[file.id!] = relative
                } catch let error as LvzhiError {
                    problems.append("文件 ID \(file.id!)「\(file.originalName)」（\(file.storedPath)）：\(error.message)")
                }
                progress?(Progress(done: index + 1, total: content.files.count, bytesDone: bytes, bytesTotal: total))
            }
            if !problems.isEmpty {
                throw LvzhiError(.fixityFailed, "导出中止：\(problems.count) 个数字文件缺失或内容已改变，什么也没有导出",
                                 hint: "用 lvzhi archive fixity --office \(content.office.code) 检查全部文件，修复后重新导出", details: problems)
            }
            // The metadata.
            let texts = try writeTexts(content, to: data)
            var payload: [(String, Data)] = [
                ("descriptions.csv", descriptionsCSV(content, texts: texts)),
                ("dc.xml", Data(dublinCore(content).utf8)),
                ("files.csv", filesCSV(content, paths: paths)),
            ]
            for (unitID, path) in texts.sorted(by: { $0.key < $1.key }) {
                let text = content.units.first { $0.id == unitID }?.body ?? ""
                payload.append((path, Data(text.utf8)))
            }
            for (name, bytes) in payload {
                if !name.hasPrefix("texts/") { try bytes.write(to: data.appendingPathComponent(name)) }
                manifest.append(("data/" + name, FileVault.sha256(bytes)))
            }
            let payloadBytes = bytes + payload.reduce(Int64(0)) { $0 + Int64($1.1.count) }
            let manifestText = manifest.sorted { $0.path < $1.path }.map { "\($0.sha256)  \(bagPath($0.path))\n" }.joined()
            let tagFiles: [(String, Data)] = [
                ("bagit.txt", Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)),
                ("bag-info.txt", Data(bagInfo(content, payloadBytes: payloadBytes, payloadCount: manifest.count).utf8)),
                ("manifest-sha256.txt", Data(manifestText.utf8)),
            ]
            for (name, bytes) in tagFiles { try bytes.write(to: folder.appendingPathComponent(name)) }
            let tagManifest = tagFiles.map { "\(FileVault.sha256($0.1))  \($0.0)\n" }.joined()
            try Data(tagManifest.utf8).write(to: folder.appendingPathComponent("tagmanifest-sha256.txt"))
            return bytes
        }
    }

    /// Writes the texts (bodies) of the units to `texts/<id>-<档号>.txt`; returns unit id → path.
    static func writeTexts(_ content: Content, to folder: URL) throws -> [Int64: String] {
        var paths: [Int64: String] = [:]
        for unit in content.units {
            guard let body = unit.body, !body.isEmpty else { continue }
            let path = "texts/\(unit.id!)-\(FileVault.safeName(unit.referenceCode)).txt"
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("texts", isDirectory: true), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: folder.appendingPathComponent(path))
            paths[unit.id!] = path
        }
        return paths
    }

    // MARK: CSV

    /// The headers of descriptions.csv: the import manifest's, so an export can be imported again.
    static let descriptionHeaders: [ArchiveImport.Field] = [
        .referenceCode, .level, .parent, .title, .creator, .date, .periodFrom, .periodTo, .manuscript, .genre, .extent, .summary,
        .persons, .places, .subjects, .classification, .secrecy, .retention, .openness, .originalLocation, .copyLocation, .textFile,
    ]

    /// The descriptions, one row per unit, UTF-8 with BOM.
    static func descriptionsCSV(_ content: Content, texts: [Int64: String]) -> Data {
        let codes = content.codes
        let rows = content.units.map { u -> [String] in
            func date(_ value: String?, _ approximate: Bool) -> String { value.map { approximate ? "约\($0)" : $0 } ?? "" }
            return [u.referenceCode, u.level.title, u.parentID.flatMap { codes[$0] } ?? "", u.title, u.creator ?? "",
                    date(u.createdOn, u.createdApproximate), date(u.periodFrom, u.periodApproximate), date(u.periodTo, u.periodApproximate),
                    u.manuscript ?? "", u.genre ?? "", u.extent ?? "", u.summary ?? "", u.persons ?? "", u.places ?? "", u.subjects ?? "",
                    u.classification ?? "", u.secrecy, u.retention ?? "", u.openness, u.originalLocation ?? "", u.copyLocation ?? "",
                    texts[u.id!] ?? ""]
        }
        return csv(descriptionHeaders.map(\.header), rows)
    }

    /// The files with their checksums, one row per file, UTF-8 with BOM; `paths`: where each is
    /// in the package (BagIt), else the stored path in the vault.
    static func filesCSV(_ content: Content, paths: [Int64: String]?) -> Data {
        let codes = content.codes
        let headers: [ArchiveImport.Field] = [.file, .referenceCode, .use, .mime, .size, .sha256, .originalName]
        let rows = content.files.map { f in
            [paths?[f.id!] ?? f.storedPath, codes[f.unitID] ?? "", f.use.title, f.mimeType, String(f.size), f.sha256, f.originalName]
        }
        return csv(headers.map(\.header), rows)
    }

    /// RFC 4180 CSV (CRLF line ends) with a UTF-8 byte-order mark, for Excel.
    static func csv(_ headers: [String], _ rows: [[String]]) -> Data {
        func field(_ value: String) -> String {
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var text = "\u{FEFF}"
        for row in [headers] + rows { text += row.map(field).joined(separator: ",") + "\r\n" }
        return Data(text.utf8)
    }

    // MARK: Dublin Core

    /// Dublin Core XML: an `oai_dc:dc` record per unit inside a `records` element.
    static func dublinCore(_ content: Content) -> String {
        let codes = content.codes
        let formats = Dictionary(grouping: content.files, by: \.unitID)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <records xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" source="\(xmlEscape(content.office.name))" count="\(content.units.count)">

            """
        for u in content.units {
            var elements: [(String, String)] = [("identifier", u.referenceCode), ("title", u.title)]
            for creator in list(u.creator) { elements.append(("creator", creator)) }
            if let date = u.createdOn { elements.append(("date", date)) }
            for subject in list(u.subjects) + list(u.persons) { elements.append(("subject", subject)) }
            if let classification = u.classification { elements.append(("subject", classification)) }
            if let summary = u.summary { elements.append(("description", summary)) }
            var notes: [String] = []
            if let manuscript = u.manuscript { notes.append("稿本：\(manuscript)") }
            if let extent = u.extent { notes.append("数量：\(extent)") }
            if u.createdApproximate { notes.append("形成日期为约数") }
            if !notes.isEmpty { elements.append(("description", notes.joined(separator: "；"))) }
            if u.periodFrom != nil || u.periodTo != nil {
                let period = [u.periodFrom ?? "..", u.periodTo ?? ".."].joined(separator: "/")
                elements.append(("coverage", u.periodApproximate ? "\(period)（约）" : period))
            }
            for place in list(u.places) { elements.append(("coverage", place)) }
            if let genre = u.genre { elements.append(("type", genre)) }
            elements.append(("type", u.level.title))
            for mime in Set((formats[u.id!] ?? []).map(\.mimeType)).sorted() { elements.append(("format", mime)) }
            if let extent = u.extent { elements.append(("format", extent)) }
            if let parent = u.parentID.flatMap({ codes[$0] }) { elements.append(("relation", parent)) }
            if let original = u.originalLocation { elements.append(("source", "原件存放：\(original)")) }
            elements.append(("rights", rights(u, content: content)))
            xml += "  <oai_dc:dc xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n"
            for (name, value) in elements { xml += "    <dc:\(name)>\(xmlEscape(value))</dc:\(name)>\n" }
            xml += "  </oai_dc:dc>\n"
        }
        return xml + "</records>\n"
    }

    /// 密级 and 开放标识, and (for those who see all, outside a public export) the restrictions of the accession.
    static func rights(_ u: DescriptionUnit, content: Content) -> String {
        var parts = ["密级：\(u.secrecy)", "开放标识：\(u.openness)"]
        if content.showsRestrictions, let accession = u.accessionID.flatMap({ content.accessions[$0] }) {
            let today = Timestamp.todayInBeijing()
            if accession.accessIsRestricted(on: today) {
                parts.append("限制开放：\(accession.accessNote ?? "")" + (accession.accessEndsOn.map { "（至\($0)）" } ?? ""))
            }
            if accession.useIsRestricted(on: today) {
                parts.append("限制使用：\(accession.useNote ?? "")" + (accession.useEndsOn.map { "（至\($0)）" } ?? ""))
            }
            if let agreement = accession.rightsAgreement { parts.append("授权：\(agreement)") }
        }
        return parts.joined(separator: "；")
    }

    /// A list field (separated by 、，, ; or ；) as its items.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { "、，,;；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Text safe inside an XML element or attribute (characters XML 1.0 cannot carry are dropped).
    static func xmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v >= 0x20 && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: BagIt

    static func bagInfo(_ content: Content, payloadBytes: Int64, payloadCount: Int) -> String {
        let scope = content.publicOnly ? "公开版本" : "导出者可见的全部资料"
        let lines = [
            "Source-Organization: \(content.office.name)",
            "External-Identifier: lvzhi-archive-\(content.office.code)",
            "External-Description: 文史资料导出（\(scope)）：\(content.units.count) 条著录，\(content.files.count) 个数字文件",
            "Bagging-Date: \(Timestamp.todayInBeijing())",
            "Bag-Software-Agent: lvzhi 履职（lvzhi archive export）",
            "Payload-Oxum: \(payloadBytes).\(payloadCount)",
            "Bag-Size: \(FileVault.displaySize(payloadBytes))",
        ]
        return lines.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
    }

    /// A path as a BagIt manifest writes it: `%`, CR and LF percent-encoded (RFC 8493 §2.1.3).
    static func bagPath(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
