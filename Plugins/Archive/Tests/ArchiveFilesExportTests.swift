import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

extension ArchiveFilesTests {
    /// Export in open formats: BagIt (every checksum recomputed), Dublin Core, CSV; visibility; all or nothing.
    @Suite("文史资料：以开放格式导出")
    final class Export {
        let x: FilesFixture
        var f: ArchiveFixture { x.f }
        let out: URL
        var units: [String: DescriptionUnit] = [:]
        var files: [DigitalFile] = []

        init() throws {
            x = try FilesFixture(label: "archive-export")
            out = x.f.scratch.folder.appendingPathComponent("导出", isDirectory: true)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let fonds = try x.f.unit("全宗", "WS", "文史资料 & 口述 <选编>")
            units["WS"] = fonds
            units["WS-001"] = try x.f.write { tx in
                try DescriptionStore.add(officeCode: "ordos", UnitInput(
                    level: "件", parentID: fonds.id, referenceCode: "WS-001", title: "我所经历的伊克昭盟解放", creator: "王文、乌云",
                    createdOn: "约1985年", periodFrom: "1949", periodTo: "1950", manuscript: "手稿", genre: "回忆录", extent: "12页",
                    summary: "回忆伊克昭盟和平解放的经过", persons: "王文", places: "伊克昭盟、东胜", subjects: "和平解放",
                    originalLocation: "文史馆1号柜", body: "一九四九年秋，伊克昭盟和平解放。"), tx: tx)
            }
            units["WS-002"] = try x.f.unit("件", "WS-002", "涉密的回忆录", parent: fonds.id, secrecy: "秘密")
            let accession = try x.f.write { tx in
                try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "口述录音", acquisition: "捐赠", rightsAgreement: "捐赠协议一份",
                    restriction: RestrictionInput(access: true, accessNote: "口述者要求2030年后开放", accessEndsOn: "2030-01-01")), tx: tx)
            }
            units["WS-003"] = try x.f.unit("件", "WS-003", "限制开放的口述", parent: fonds.id, accession: accession.id)
            files.append(try x.ingest(units["WS-001"]!.id!, try x.source("回忆录.tif", bytes: Data((0..<300_000).map { UInt8($0 % 253) }))))
            files.append(try x.ingest(units["WS-001"]!.id!, try x.source("回忆录 100%.pdf", "%PDF-1.4 利用版"), use: .access))
            files.append(try x.ingest(units["WS-002"]!.id!, try x.source("秘密.pdf", "秘密")))
            files.append(try x.ingest(units["WS-003"]!.id!, try x.source("录音.wav", bytes: Data(repeating: 3, count: 4096))))
        }

        func export(_ name: String, _ format: ArchiveExportFormat, publicOnly: Bool = false, as user: String = "dangan") throws -> (ArchiveExport.Outcome, URL) {
            let destination = out.appendingPathComponent(name, isDirectory: true)
            let outcome = try ArchiveExport.run(host: f.host, context: try f.host.context(for: user), officeCode: "ordos", to: destination,
                                                format: format, publicOnly: publicOnly)
            return (outcome, destination)
        }

        func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

        /// Every regular file under `folder`, relative to it.
        func tree(_ folder: URL) -> [String] {
            let base = folder.standardizedFileURL.path
            var result: [String] = []
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                result.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
            }
            return result.sorted()
        }

        /// The identifiers of the Dublin Core records in `xml`, parsed as XML (so it must be well-formed).
        func dcIdentifiers(_ data: Data) throws -> (identifiers: [String], rights: [String]) {
            final class Collector: NSObject, XMLParserDelegate {
                var records = 0
                var identifiers: [String] = []
                var rights: [String] = []
                var current: String?
                var textBuffer = ""
                func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                    if name == "oai_dc:dc" { records += 1 }
                    current = name
                    textBuffer = ""
                }
                func parser(_ parser: XMLParser, foundCharacters string: String) { textBuffer += string }
                func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                    if name == "dc:identifier" { identifiers.append(textBuffer) }
                    if name == "dc:rights" { rights.append(textBuffer) }
                }
            }
            let parser = XMLParser(data: data)
            let collector = Collector()
            parser.delegate = collector
            #expect(parser.parse(), "dc.xml 应为格式正确的 XML：\(String(describing: parser.parserError))")
            #expect(collector.records == collector.identifiers.count)
            return (collector.identifiers, collector.rights)
        }

        @Test("BagIt 包：结构符合 RFC 8493，重新计算每个文件的 SHA-256 与清单一致，Payload-Oxum 正确")
        func bagit() throws {
            let (outcome, bag) = try export("bag", .bagit)
            #expect(outcome.units == 4 && outcome.files == 4 && outcome.format == .bagit)
            #expect(try text(bag.appendingPathComponent("bagit.txt")) == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
            // Every payload file is in the manifest with the right checksum, and nothing else is.
            let manifest = try text(bag.appendingPathComponent("manifest-sha256.txt")).split(separator: "\n").map { line -> (String, String) in
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                return (parts[0], parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%25", with: "%"))
            }
            let payload = tree(bag).filter { $0.hasPrefix("data/") }
            #expect(Set(manifest.map(\.1)) == Set(payload))
            var bytes: Int64 = 0
            for (sum, path) in manifest {
                #expect(try FilesFixture.sha256sum(bag.appendingPathComponent(path)) == sum, "\(path)")
                bytes += Int64(try Data(contentsOf: bag.appendingPathComponent(path)).count)
            }
            for file in files {
                #expect(manifest.contains { $0.1 == "data/files/" + file.storedPath && $0.0 == file.sha256 }, "文件 \(file.originalName) 带着它的校验和进入包中")
            }
            #expect(payload.contains("data/descriptions.csv") && payload.contains("data/dc.xml") && payload.contains("data/files.csv"))
            #expect(payload.contains { $0.hasPrefix("data/texts/") })
            let info = try text(bag.appendingPathComponent("bag-info.txt"))
            #expect(info.contains("Payload-Oxum: \(bytes).\(manifest.count)\n"))
            #expect(info.contains("Source-Organization: 政协鄂尔多斯市委员会") && info.contains("Bagging-Date: "))
            // The tag manifest covers the tag files.
            let tags = try text(bag.appendingPathComponent("tagmanifest-sha256.txt")).split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
            #expect(Set(tags.map { $0[1].trimmingCharacters(in: .whitespaces) }) == ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"])
            for tag in tags { #expect(try FilesFixture.sha256sum(bag.appendingPathComponent(tag[1].trimmingCharacters(in: .whitespaces))) == tag[0]) }
            // No temporary folder is left beside it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["bag"])
        }

        @Test("都柏林核心 XML：每条著录一条记录，DA/T 18 著录项对应到 dc 元素；限制说明只给文史工作人员")
        func dublinCore() throws {
            let (_, folder) = try export("dc", .dc)
            #expect(tree(folder) == ["dc.xml", "files.csv"])
            let data = try Data(contentsOf: folder.appendingPathComponent("dc.xml"))
            let parsed = try dcIdentifiers(data)
            #expect(parsed.identifiers == ["WS", "WS-001", "WS-002", "WS-003"])
            let xml = String(decoding: data, as: UTF8.self)
            for element in ["<dc:title>我所经历的伊克昭盟解放</dc:title>", "<dc:creator>王文</dc:creator>", "<dc:creator>乌云</dc:creator>",
                            "<dc:date>1985</dc:date>", "<dc:coverage>1949/1950</dc:coverage>", "<dc:coverage>伊克昭盟</dc:coverage>",
                            "<dc:subject>和平解放</dc:subject>", "<dc:description>回忆伊克昭盟和平解放的经过</dc:description>",
                            "<dc:type>回忆录</dc:type>", "<dc:format>image/tiff</dc:format>", "<dc:format>application/pdf</dc:format>",
                            "<dc:relation>WS</dc:relation>", "<dc:title>文史资料 &amp; 口述 &lt;选编&gt;</dc:title>",
                            "<dc:source>原件存放：文史馆1号柜</dc:source>", "形成日期为约数", "稿本：手稿"] {
                #expect(xml.contains(element), "dc.xml 应含 \(element)")
            }
            #expect(parsed.rights.contains { $0.contains("密级：秘密") })
            #expect(parsed.rights.contains { $0.contains("限制开放：口述者要求2030年后开放（至2030-01-01）") && $0.contains("授权：捐赠协议一份") })
        }

        @Test("CSV：著录（UTF-8 带 BOM，表头与导入清单相同）、文件及校验和、全文")
        func csv() throws {
            let (_, folder) = try export("csv", .csv)
            let descriptions = try Data(contentsOf: folder.appendingPathComponent("descriptions.csv"))
            #expect(descriptions.starts(with: [0xEF, 0xBB, 0xBF]))
            let lines = String(decoding: descriptions.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("档号,层级,上级档号,题名,责任者,形成日期") == true)
            #expect(lines.count == 5)
            #expect(lines.contains { $0.hasPrefix("WS-001,件,WS,我所经历的伊克昭盟解放,王文、乌云,约1985,1949,1950,手稿,回忆录,12页") })
            let filesCSV = try text(folder.appendingPathComponent("files.csv"))
            #expect(filesCSV.hasPrefix("\u{FEFF}文件,档号,用途,MIME,大小,SHA256,原文件名\r\n"))
            for file in files { #expect(filesCSV.contains("\(file.storedPath),\(file.referenceCodeIn(units)),\(file.use.title),\(file.mimeType),\(file.size),\(file.sha256),")) }
            let texts = tree(folder).filter { $0.hasPrefix("texts/") }
            #expect(texts.count == 1)
            #expect(try text(folder.appendingPathComponent(texts[0])) == "一九四九年秋，伊克昭盟和平解放。")
            #expect(lines.contains { $0.hasSuffix(texts[0]) })
        }

        @Test("--public 与委员的导出：不含涉密、不开放、受开放限制的条目及其文件，也不含限制说明")
        func publicAndMemberExports() throws {
            for (name, user, publicOnly) in [("public", "dangan", true), ("member", "weiyuan", false)] {
                let (outcome, bag) = try export(name, .bagit, publicOnly: publicOnly, as: user)
                #expect(outcome.units == 2 && outcome.files == 2, "\(name)")
                let parsed = try dcIdentifiers(try Data(contentsOf: bag.appendingPathComponent("data/dc.xml")))
                #expect(parsed.identifiers == ["WS", "WS-001"])
                #expect(!parsed.rights.contains { $0.contains("限制") })
                let payload = tree(bag)
                #expect(!payload.contains { $0.contains("秘密.pdf") || $0.contains("录音.wav") })
                let all = try tree(bag).map { try text(bag.appendingPathComponent($0)) }.joined()
                #expect(!all.contains("WS-002") && !all.contains("WS-003") && !all.contains("口述者要求"))
            }
        }

        @Test("导出失败（文件被改动）：什么也不留下；已存在的非空目录不覆盖")
        func failureLeavesNothing() throws {
            try x.tamper(files[0], with: Data("被改动".utf8))
            let error = #expect(throws: LvzhiError.self) { try self.export("broken", .bagit) }
            #expect(error?.code == .fixityFailed && error?.details.first?.contains("回忆录.tif") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "没有半成品，也没有临时目录")
            // Metadata-only formats do not read the files.
            _ = try export("dc-only", .dc)
            let existing = out.appendingPathComponent("已有", isDirectory: true)
            try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
            try Data("旧内容".utf8).write(to: existing.appendingPathComponent("旧.txt"))
            let conflict = #expect(throws: LvzhiError.self) { try self.export("已有", .csv) }
            #expect(conflict?.code == .conflict)
            #expect(try text(existing.appendingPathComponent("旧.txt")) == "旧内容")
            // An empty folder may be the destination.
            try FileManager.default.createDirectory(at: out.appendingPathComponent("空"), withIntermediateDirectories: true)
            #expect(try export("空", .csv).0.units == 4)
        }

        @Test("导出的 descriptions.csv 与 files.csv 可以原样导入另一个政协（不提示包自己的文件未列出）")
        func roundTrip() throws {
            let (_, bag) = try export("bag", .bagit)
            try f.scratch.office("dongsheng", "政协鄂尔多斯市东胜区委员会", parent: "ordos")
            try ModuleStore(host: f.host, context: f.admin).enable(ArchivePlugin.id, officeCode: "dongsheng")
            let importer = ArchiveImport(host: f.host, context: try f.host.context(for: "dangan"))
            let data = bag.appendingPathComponent("data", isDirectory: true)
            let described = try importer.run(folder: data, manifest: data.appendingPathComponent("descriptions.csv"), officeCode: "dongsheng")
            #expect(described.unitsCreated == 4)
            let filed = try importer.run(folder: data, manifest: data.appendingPathComponent("files.csv"), officeCode: "dongsheng")
            #expect(filed.filesAdded == 4)
            #expect(filed.unlisted.isEmpty, "导出包自己的清单和全文不算未列出的文件：\(filed.unlisted)")
            let copied = try f.read { c, db in try DigitalFileStore.list(officeCode: "dongsheng", context: c, db: db) }
            #expect(Set(copied.map(\.sha256)) == Set(files.map(\.sha256)))
            let unit = try f.host.read { db in
                try DescriptionUnit.filter(Column("reference_code") == "WS-001" && Column("office_id") != units["WS-001"]!.officeID).fetchOne(db)
            }
            #expect(unit?.createdApproximate == true && unit?.body == "一九四九年秋，伊克昭盟和平解放。" && unit?.places == "伊克昭盟、东胜")
        }
    }
}

extension DigitalFile {
    /// The 档号 of this file's unit among `units`.
    func referenceCodeIn(_ units: [String: DescriptionUnit]) -> String {
        units.first { $0.value.id == unitID }?.key ?? ""
    }
}
