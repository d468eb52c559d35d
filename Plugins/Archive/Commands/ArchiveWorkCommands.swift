import LvzhiCommandLine
import ArgumentParser
import Foundation
import Archive
import LvzhiCore
import LvzhiStorage

/// `lvzhi archive interview|transcript|segment|review|version|volume|exhibition|request`:
/// oral histories (`ArchiveInterviewCommands`), editorial review (`ArchiveReviewCommands`),
/// volumes (`ArchiveVolumeCommands`), exhibitions (`ArchiveExhibitionCommands`) and copy and
/// use requests (`ArchiveRequestCommands`).
enum ArchiveWorkCommands {
    static let all: [any ParsableCommand.Type] = [
        ArchiveInterviewCommand.self, ArchiveTranscriptCommand.self, ArchiveSegmentCommand.self,
        ArchiveReviewCommand.self, ArchiveVersionCommand.self, ArchiveVolumeCommand.self,
        ArchiveExhibitionCommand.self, ArchiveRequestCommand.self,
    ]

    /// The text of file `path`, in UTF-8 or GB18030 (recognised by itself) or the encoding given.
    static func readText(_ path: String, encoding: String? = nil) throws -> String {
        let data = try InputFile.read(path, what: "文件", limit: InputFile.maxTextBytes)
        return try TextDecoding.decode(data, as: try encoding.map(TextEncoding.parse) ?? .auto).text
    }

    /// 是 / 否.
    static func yesNo(_ value: Bool) -> String { value ? "是" : "否" }

    /// `text` cut to `count` characters with an ellipsis.
    static func short(_ text: String, _ count: Int = 30) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > count ? String(flat.prefix(count)) + "…" : flat
    }
}
