import Foundation
import GRDB
import LvzhiCore

/// A lead unit's reply (答复) to a proposal. Internal until the office publishes it; the office
/// may send it back for redoing (the unit then replies again, and the old reply is kept).
public struct ProposalReply: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var proposalUnitID: Int64
    public var outcome: ReplyOutcome
    public var body: String
    /// 文号 of the reply letter.
    public var documentNumber: String?
    /// The unit's contact person and telephone: for the proposer and the office, never public.
    public var contactPerson: String?
    public var contactPhone: String?
    public var repliedBy: String
    public var repliedAt: String
    public var publishedAt: String?
    public var sentBackAt: String?
    public var sentBackReason: String?
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_replies"
    public static let entityName = "提案答复"

    enum CodingKeys: String, CodingKey {
        case id, proposalID, proposalUnitID, outcome, body, documentNumber, contactPerson, contactPhone, repliedBy, repliedAt,
             publishedAt, sentBackAt, sentBackReason
    }

    /// The reply as it may be published: contact fields dropped, and telephone numbers, e-mail
    /// addresses and ID-card numbers inside the text masked.
    public var publicVersion: ProposalReply {
        var copy = self
        copy.contactPerson = nil
        copy.contactPhone = nil
        copy.repliedBy = ""
        copy.body = Self.redact(body)
        return copy
    }

    /// `text` with contact details masked (＊＊＊).
    public static func redact(_ text: String) -> String {
        let patterns = [
            #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,   // e-mail
            #"(?<!\d)\d{17}[\dXx](?!\d)"#,                        // ID card
            #"(?<!\d)1[3-9]\d{9}(?!\d)"#,                         // mobile
            #"(?<!\d)0\d{2,3}[-－ ]?\d{7,8}(?!\d)"#,              // landline with area code
            #"(?<!\d)\d{7,8}(?!\d)"#,                             // landline
        ]
        var result = text
        for pattern in patterns {
            result = result.replacingOccurrences(of: pattern, with: "＊＊＊", options: .regularExpression)
        }
        return result
    }
}

/// How a reply disposes of the proposal: A 已解决或采纳, B 正在解决或列入计划, C 因条件限制留作参考.
public enum ReplyOutcome: String, Codable, Sendable, CaseIterable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        [String(title.dropFirst(2))]   // 「A 类（…）」 written without its letter
    }

    case a = "A", b = "B", c = "C"

    public var title: String {
        switch self {
        case .a: "A 已解决或采纳"
        case .b: "B 正在解决或列入计划"
        case .c: "C 因条件限制留作参考"
        }
    }

    /// Parses `A`/`a`, `已解决或采纳` and the like.
    public static func parse(_ text: String) throws -> ReplyOutcome {
        if let outcome = named(text) { return outcome }
        throw LvzhiError.invalid("答复类别", text, "不是答复类别", hint: allCases.map(\.title).joined(separator: "；") + "（写 A、B 或 C）")
    }
}

/// One proposer's rating of a reply (满意度测评). Office staff may enter it for a member who
/// cannot (`enteredByStaff`), and for the body of a collective proposal (no member).
public struct ProposalRating: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var replyID: Int64
    public var memberID: Int64?
    /// The rater's name (the member, or the body of a collective proposal).
    public var rater: String
    public var rating: Rating
    public var comment: String?
    public var enteredByStaff: Bool
    public var enteredBy: String
    public var ratedAt: String
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_ratings"
    public static let entityName = "提案满意度测评"

    enum CodingKeys: String, CodingKey { case id, proposalID, replyID, memberID, rater, rating, comment, enteredByStaff, enteredBy, ratedAt }
}

/// 满意 / 基本满意 / 不满意.
public enum Rating: String, Codable, Sendable, CaseIterable, ChineseChoice {
    case satisfied, basic, unsatisfied

    public var title: String {
        switch self {
        case .satisfied: "满意"
        case .basic: "基本满意"
        case .unsatisfied: "不满意"
        }
    }

    /// Parses the English id or the Chinese word.
    public static func parse(_ text: String) throws -> Rating {
        if let rating = named(text) { return rating }
        throw LvzhiError.invalid("测评意见", text, "应为 满意、基本满意 或 不满意")
    }
}
