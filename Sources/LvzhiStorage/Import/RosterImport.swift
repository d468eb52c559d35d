import CSV
import Foundation
import GRDB
import LvzhiCore

/// Imports a member roster from the CSV files Chinese offices really keep.
///
/// Columns are found by their Chinese headers in any order (姓名, 性别, 民族, 出生日期, 界别,
/// 党派, 界别活动组, 职务, 手机; 姓名, 性别 and 界别 are required); unknown columns are
/// reported and ignored. The file may be UTF-8 (with or without BOM) or GB18030.
///
/// Every row is checked before anything is written. If any row is bad, every problem is
/// reported with its line number and value, and **nothing** is imported. Otherwise all
/// members are written in one transaction, each with its audit entry.
public struct RosterImport {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// What an import did (or, for a dry run, would do).
    public struct Outcome: Sendable, Codable {
        public var imported: Int
        public var encoding: String
        public var unknownColumns: [String]
        /// Non-blocking observations, e.g. a possible duplicate of an existing member.
        public var warnings: [String]
        public var dryRun: Bool
    }

    /// Known headers and the field each fills; aliases seen in real rosters included.
    static var headers: [String: WritableKeyPath<MemberInput, String?>] { [
        "民族": \.ethnicity, "出生日期": \.birthDate, "出生年月日": \.birthDate, "党派": \.party, "政治面貌": \.party,
        "界别活动组": \.group, "活动组": \.group, "职务": \.roles, "手机": \.mobile, "手机号": \.mobile, "手机号码": \.mobile,
        "移动电话": \.mobile, "电子邮箱": \.email, "邮箱": \.email, "通讯地址": \.address, "地址": \.address,
    ] }
    static let required = ["姓名", "性别", "界别"]

    /// Imports `data` (the file's bytes) into `officeCode`.
    /// - Parameters:
    ///   - source: the file name, for messages and the audit trail.
    ///   - dryRun: check everything, write nothing.
    ///   - progress: called with (rows done, rows total) while writing.
    public func run(data: Data, source: String, officeCode: String, encoding: TextEncoding = .auto, termNumber: Int? = nil,
                    dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> Outcome {
        let (text, usedEncoding) = try TextDecoding.decode(data, as: encoding)
        let table = try Self.parse(text, source: source)
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.memberWrite, db: tx.db)
            let term = try TermStore.term(office: office, number: termNumber, db: tx.db)
            let validator = try MemberValidator(office: office, term: term, db: tx.db)
            var members: [(line: Int, member: Member)] = []
            var problems: [String] = []
            var badRows = 0
            for (line, input) in table.rows {
                switch validator.validate(input) {
                case .success(let member): members.append((line, member))
                case .failure(let list):
                    badRows += 1
                    problems += list.issues.map { "第\(line)行 \($0.field)「\($0.value)」：\(Self.reason($0))" }
                }
            }
            if table.rows.isEmpty {
                throw LvzhiError(.importRejected, "文件 \(source) 没有任何委员数据（只有表头或为空）")
            }
            if !problems.isEmpty {
                throw LvzhiError(.importRejected,
                                 "导入被拒绝：\(table.rows.count) 行数据中有 \(badRows) 行有错误（共 \(problems.count) 处），未导入任何委员",
                                 hint: "改正以上各行后重新导入；可先加 --dry-run 只做检查", details: problems)
            }
            let warnings = try Self.duplicateWarnings(members, officeID: office.id!, termID: term.id!, db: tx.db)
            if dryRun {
                return Outcome(imported: members.count, encoding: usedEncoding, unknownColumns: table.unknownColumns, warnings: warnings, dryRun: true)
            }
            // In slices, so progress can be drawn.
            var written = 0
            for start in stride(from: 0, to: members.count, by: 500) {
                var slice = members[start..<min(start + 500, members.count)].map(\.member)
                try tx.insertAll(&slice)
                for member in slice {
                    tx.emit(DomainEvent(name: "member.added", officeID: office.id, entity: Member.databaseTableName, entityID: member.id))
                }
                written += slice.count
                progress?(written, members.count)
            }
            let summary = "{\"count\":\(members.count),\"encoding\":\"\(usedEncoding)\",\"file\":\(Self.jsonString(source))}"
            try tx.log(action: "import", entity: Member.databaseTableName, entityID: nil, officeID: office.id, before: nil, after: summary)
            tx.emit(DomainEvent(name: "member.imported", officeID: office.id, entity: Member.databaseTableName, entityID: nil))
            return Outcome(imported: members.count, encoding: usedEncoding, unknownColumns: table.unknownColumns, warnings: warnings, dryRun: false)
        }
    }

    /// The rows of a roster: each with its line number (the header is line 1, as in Excel).
    struct Table {
        var rows: [(line: Int, input: MemberInput)]
        var unknownColumns: [String]
    }

    static func parse(_ text: String, source: String) throws -> Table {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false)
        } catch {
            let reason = LvzhiError.translating(error)
            throw LvzhiError(.importRejected, "无法读取 \(source.quotedForMessage) 的表头：\(reason.message)", hint: reason.hint)
        }
        let header = (reader.headerRow ?? []).map { $0.trimmed }
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw LvzhiError(.importRejected, "文件 \(source) 缺少必需的列：\(missing.joined(separator: "、"))",
                             hint: "第一行应为表头，例如：姓名,性别,民族,出生日期,界别,党派,界别活动组,职务,手机（读到的表头：\(header.joined(separator: ","))）")
        }
        var seen = Set<String>()
        for name in header where !name.isEmpty {
            if !seen.insert(name).inserted { throw LvzhiError(.importRejected, "文件 \(source) 的表头中「\(name.quotedForMessage)」出现了不止一次") }
        }
        let known = headers
        let unknown = header.filter { !$0.isEmpty && !required.contains($0) && known[$0] == nil }
        // Where each field is, found once from the header (a later alias wins over an earlier one).
        let name = header.firstIndex(of: "姓名")!, gender = header.firstIndex(of: "性别")!, sector = header.firstIndex(of: "界别")!
        let optional = header.enumerated().compactMap { index, column in known[column].map { (index, $0) } }
        var rows: [(Int, MemberInput)] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            func cell(_ index: Int) -> String { index < fields.count ? fields[index].trimmed : "" }
            var input = MemberInput(name: cell(name), gender: cell(gender), sector: cell(sector))
            for (index, keyPath) in optional {
                let value = cell(index)
                if !value.isEmpty { input[keyPath: keyPath] = value }
            }
            rows.append((line, input))
        }
        if let error = reader.error {
            throw LvzhiError(.importRejected, "文件 \(source) 第\(line + 1)行附近的 CSV 格式有误：\(error)",
                             hint: "检查引号是否成对；含逗号的字段应整体加英文双引号")
        }
        return Table(rows: rows, unknownColumns: unknown)
    }

    private static func reason(_ issue: MemberFieldIssue) -> String {
        // The validators phrase messages as 「字段「值」无效：原因」; keep just the reason.
        if let range = issue.message.range(of: "无效：") { return String(issue.message[range.upperBound...]) }
        return issue.message
    }

    /// Same name and birth date as an existing member of the term, or as another row: worth a look, not an error.
    private static func duplicateWarnings(_ members: [(line: Int, member: Member)], officeID: Int64, termID: Int64, db: Database) throws -> [String] {
        var warnings: [String] = []
        var firstLine: [String: Int] = [:]
        // The term's members by name and birth date, read once (not one query per row).
        var registered: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, birth_date FROM members WHERE term_id = ? AND birth_date IS NOT NULL ORDER BY id",
                                       arguments: [termID])
        while let row = try rows.next() {
            let key = (row["name"] as String) + "|" + (row["birth_date"] as String)
            if registered[key] == nil { registered[key] = row["id"] }
        }
        for (line, member) in members {
            guard let birth = member.birthDate else { continue }
            let key = member.name + "|" + birth
            if let earlier = firstLine[key] {
                warnings.append("第\(line)行「\(member.name)」（\(birth)）与第\(earlier)行同名同出生日期，请核对是否重复")
            } else {
                firstLine[key] = line
            }
            if let existing = registered[key] {
                warnings.append("第\(line)行「\(member.name)」（\(birth)）与已登记委员 ID \(existing) 同名同出生日期，请核对是否重复")
            }
        }
        return warnings
    }

    private static func jsonString(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
