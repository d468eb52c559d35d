import GRDB
import LvzhiCore

/// An accession (接收登记): one receipt of material, numbered within its year (2026-0001),
/// with how it came, from whom, under what rights and restrictions, and how far it is processed.
public struct Accession: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var year: Int
    public var sequence: Int
    /// 2026-0001.
    public var number: String
    public var title: String
    /// The campaign it answered, if any (counts towards that campaign's plan).
    public var campaignID: Int64?
    public var receivedOn: String
    /// 捐赠、寄存、征购、复制、移交.
    public var acquisition: String
    public var provenance: String?
    /// 亲历、亲见、亲闻 of the source to what the material tells.
    public var sanqin: String?
    public var extent: String?
    /// The rights agreement (授权书, 捐赠协议) in words.
    public var rightsAgreement: String?
    public var accessRestricted: Bool = false
    public var accessNote: String?
    /// When the access restriction ends (nil: until lifted).
    public var accessEndsOn: String?
    public var useRestricted: Bool = false
    public var useNote: String?
    public var useEndsOn: String?
    public var processingStatus: ProcessingStatus
    public var deaccessionedOn: String?
    public var deaccessionReason: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_accessions"
    public static let entityName = "接收登记"

    /// The ways material comes in.
    public static let acquisitions = ["捐赠", "寄存", "征购", "复制", "移交"]

    /// Whether access is restricted on `today` (a restriction whose end date has passed no longer holds).
    public func accessIsRestricted(on today: String) -> Bool {
        accessRestricted && (accessEndsOn.map { $0 > today } ?? true)
    }

    /// Whether use (copying, publication) is restricted on `today`.
    public func useIsRestricted(on today: String) -> Bool {
        useRestricted && (useEndsOn.map { $0 > today } ?? true)
    }
}

/// How far an accession has been arranged and described.
public enum ProcessingStatus: String, Codable, Sendable, CaseIterable, ChineseChoice {
    case unprocessed, inProgress = "in_progress", processed

    public var title: String {
        switch self {
        case .unprocessed: "未整理"
        case .inProgress: "整理中"
        case .processed: "已整理"
        }
    }

    public static func parse(_ text: String) throws -> ProcessingStatus {
        if let status = named(text) { return status }
        throw LvzhiError.invalid("整理状态", text, "应为 未整理、整理中 或 已整理")
    }
}
