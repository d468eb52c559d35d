import Foundation
import Testing
import LvzhiCore
@testable import LvzhiScript

/// Where `lvzhi.report.save` may write: only inside `--out`, never through a symbolic link.
@Suite("报表路径：只写在 --out 目录中")
struct ReportPathTests {
    /// A fresh `--out` folder and a folder beside it that reports must not reach.
    static func folders() throws -> (out: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-reportpath-\(UUID().uuidString)")
        let out = base.appendingPathComponent("out"), outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        return (out, outside)
    }

    @Test("--out 中指向目录外的符号链接文件夹：拒绝，不写到目录外")
    func linkedFolder() throws {
        let (out, outside) = try Self.folders()
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("link"), withDestinationURL: outside)
        #expect(throws: LvzhiError.self) { try ReportPath.resolve("link/x.csv", in: out) }
        do { _ = try ReportPath.resolve("link/x.csv", in: out) } catch let error as LvzhiError {
            #expect(error.message.contains("符号链接"), "\(error)")
        }
    }

    @Test("--out 中的符号链接文件：拒绝（写入会跟随链接）")
    func linkedFile() throws {
        let (out, outside) = try Self.folders()
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("x.csv"), withDestinationURL: outside.appendingPathComponent("x.csv"))
        #expect(throws: LvzhiError.self) { try ReportPath.resolve("x.csv", in: out) }
    }

    @Test("普通的子文件夹与尚不存在的文件夹：允许")
    func plainFolders() throws {
        let (out, _) = try Self.folders()
        try FileManager.default.createDirectory(at: out.appendingPathComponent("a"), withIntermediateDirectories: true)
        #expect(try ReportPath.resolve("a/x.csv", in: out).path.hasSuffix("/out/a/x.csv"))
        #expect(try ReportPath.resolve("new/deeper/x.md", in: out).path.hasSuffix("/out/new/deeper/x.md"))
    }

    @Test("--out 本身是符号链接：允许（链接解析后作为根）")
    func linkedRoot() throws {
        let (out, outside) = try Self.folders()
        let link = outside.appendingPathComponent("out-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: out)
        #expect(try ReportPath.resolve("x.csv", in: link).path.hasSuffix("/out/x.csv"))
    }

    @Test("文件名太长（300 个字符）：说明每一级的上限，而不是 cannotOpenFile")
    func longName() throws {
        let (out, _) = try Self.folders()
        let error = #expect(throws: LvzhiError.self) { try ReportPath.resolve(String(repeating: "长", count: 100) + ".csv", in: out) }
        #expect(error?.message.contains("太长") == true, "\(String(describing: error))")
    }
}
