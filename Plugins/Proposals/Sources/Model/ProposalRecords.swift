import GRDB
import LvzhiCore

/// A contact between a handling unit and the proposer (办前/办中/办后 沟通), part of 四方联动.
public struct ProposalContact: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var proposalUnitID: Int64?
    /// 面谈、座谈会、电话、邮件、书信、其它.
    public var method: String
    /// 办前、办中、办后.
    public var stage: String
    public var contactedOn: String
    public var participants: String?
    public var summary: String
    public var recordedBy: String
    public var recordedAt: String
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_contacts"
    public static let entityName = "提案沟通记录"

    /// The methods of contact.
    public static let methods = ["面谈", "座谈会", "电话", "邮件", "书信", "其它"]
    /// The stages of handling a contact can belong to.
    public static let stages = ["办前", "办中", "办后"]

    enum CodingKeys: String, CodingKey { case id, proposalID, proposalUnitID, method, stage, contactedOn, participants, summary, recordedBy, recordedAt }
}

/// A supervision note (督办记录), chiefly on key proposals.
public struct ProposalSupervision: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var supervisedOn: String
    public var note: String
    public var recordedBy: String
    public var recordedAt: String
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_supervisions"
    public static let entityName = "提案督办记录"

    enum CodingKeys: String, CodingKey { case id, proposalID, supervisedOn, note, recordedBy, recordedAt }
}

/// A member of the office's reviewer pool (提案审查专家库), recommended by a committee.
public struct ProposalReviewer: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var memberID: Int64
    public var committeeID: Int64?
    public var addedAt: String

    public static let databaseTableName = "proposal_reviewers"
    public static let entityName = "提案审查专家"
}
