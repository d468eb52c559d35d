import GRDB
import LvzhiCore

/// A committee with its groups and member count, as listings show it.
public struct CommitteeSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String
    public var drawsFromOtherGroups: Bool
    public var groups: [String]
    /// Members under 全员入委: those of its groups not drawn elsewhere, plus those it drew.
    public var memberCount: Int
    public var drawnCount: Int
}

/// Special committees (专委会) and the 全员入委 rule: members follow their activity group;
/// the proposals and culture-history-study committees may draw members from other groups.
public struct CommitteeStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Adds a committee. Only a committee with `drawsFromOtherGroups` may later draw members.
    @discardableResult
    public func add(officeCode: String, code: String, name: String, drawsFromOtherGroups: Bool = false) throws -> Committee {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LvzhiError.invalid("专委会名称", name, "不能为空") }
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw LvzhiError.invalid("专委会代码", code, "只能由英文字母、数字、- 或 _ 组成", hint: "例如 proposals、culture、economy")
        }
        try Committee.validateDrawing(name: name, drawsFromOtherGroups: drawsFromOtherGroups)
        return try host.write(as: context) { tx in
            let office = try Office.authorized(code: officeCode, context, CorePermission.organisationManage, db: tx.db)
            if try Committee.filter(Column("office_id") == office.id && (Column("code") == code || Column("name") == name)).fetchCount(tx.db) > 0 {
                throw LvzhiError(.conflict, "「\(office.name)」已有代码为「\(code.quotedForMessage)」或名称为「\(name.quotedForMessage)」的专委会")
            }
            var committee = Committee(officeID: office.id!, code: code, name: name, drawsFromOtherGroups: drawsFromOtherGroups)
            try tx.insert(&committee)
            return committee
        }
    }

    /// The office's committees with their groups and member counts.
    public func list(officeCode: String) throws -> [CommitteeSummary] {
        try host.read { db in try Self.list(officeCode: officeCode, context: context, db: db) }
    }

    /// ``list(officeCode:)`` inside a transaction someone else holds (a script run).
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [CommitteeSummary] {
        let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
        let committees = try Committee.filter(Column("office_id") == office.id).order(Column("id")).fetchAll(db)
        return try committees.map { c in
            let groups = try String.fetchAll(db, sql: "SELECT name FROM activity_groups WHERE committee_id = ? ORDER BY id", arguments: [c.id])
            let count = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM members m LEFT JOIN activity_groups g ON g.id = m.group_id
                WHERE COALESCE(m.drawn_committee_id, g.committee_id) = ?
                """, arguments: [c.id]) ?? 0
            let drawn = try Member.filter(Column("drawn_committee_id") == c.id).fetchCount(db)
            return CommitteeSummary(id: c.id!, code: c.code, name: c.name, drawsFromOtherGroups: c.drawsFromOtherGroups,
                                    groups: groups, memberCount: count, drawnCount: drawn)
        }
    }

    /// Draws member `memberID` into the committee `committeeCode` of his office (入委). He then
    /// belongs to that committee alone.
    /// - Throws: ``LvzhiError`` `ruleViolation` when the committee may not draw, or he is drawn elsewhere.
    @discardableResult
    public func draw(memberID: Int64, committeeCode: String) throws -> Member {
        try host.write(as: context) { tx in
            let member = try Member.find(id: memberID, db: tx.db)
            let office = try Office.find(id: member.officeID!, db: tx.db)
            try AccessGate.authorize(context, CorePermission.memberWrite, in: office, db: tx.db)
            let committee = try Committee.find(named: committeeCode, officeID: office.id!, db: tx.db, column: "code")
            let groupCommitteeID = try member.groupID.flatMap { try ActivityGroup.fetchOne(tx.db, key: $0)?.committeeID }
            try CommitteeAssignment.validateDraw(member: member, committee: committee, groupCommitteeID: groupCommitteeID)
            var updated = member
            updated.drawnCommitteeID = committee.id
            try tx.update(updated, from: member, action: "draw")
            return updated
        }
    }

    /// Ends a draw: the member returns to the committee of his activity group.
    @discardableResult
    public func release(memberID: Int64) throws -> Member {
        try host.write(as: context) { tx in
            let member = try Member.find(id: memberID, db: tx.db)
            let office = try Office.find(id: member.officeID!, db: tx.db)
            try AccessGate.authorize(context, CorePermission.memberWrite, in: office, db: tx.db)
            guard member.drawnCommitteeID != nil else {
                throw LvzhiError(.ruleViolation, "委员「\(member.name)」（ID \(memberID)）没有被跨组选调，无需解除")
            }
            var updated = member
            updated.drawnCommitteeID = nil
            try tx.update(updated, from: member, action: "release")
            return updated
        }
    }
}
