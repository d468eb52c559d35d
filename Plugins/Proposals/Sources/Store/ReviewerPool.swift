import GRDB
import LvzhiCore
import LvzhiStorage

/// A reviewer of the pool as `reviewer list` shows it.
public struct ReviewerView: Codable, Sendable, Hashable {
    public var memberID: Int64
    public var name: String
    public var sector: String
    /// The committee that recommended the member.
    public var committee: String?
    public var addedAt: String
}

/// The office's reviewer pool (提案审查专家库): members recommended by the committees, from whom
/// reviewers are drawn; review steps may record which of them took part.
public enum ReviewerPool {
    /// Adds member `memberID` (of the current term), recommended by committee `committeeCode`.
    public static func add(officeCode: String, memberID: Int64, committeeCode: String?, tx: AuditedTransaction) throws -> ProposalReviewer {
        let office = try Office.authorized(code: officeCode, tx.context, ProposalsPlugin.review, db: tx.db)
        let term = try TermStore.term(office: office, number: nil, db: tx.db)
        try ProposalStore.requireCurrentMember(memberID, office: office, term: term, db: tx.db)
        let committee = try committeeCode.map { try Committee.find(named: $0, officeID: office.id!, db: tx.db, column: "code") }
        if try ProposalReviewer.filter(Column("office_id") == office.id && Column("member_id") == memberID).fetchCount(tx.db) > 0 {
            throw LvzhiError(.conflict, "委员 ID \(memberID) 已在「\(office.name)」的提案审查专家库中")
        }
        var reviewer = ProposalReviewer(officeID: office.id, memberID: memberID, committeeID: committee?.id, addedAt: Timestamp.now())
        try tx.insert(&reviewer)
        return reviewer
    }

    /// Removes member `memberID` from the pool.
    public static func remove(officeCode: String, memberID: Int64, tx: AuditedTransaction) throws {
        let office = try Office.authorized(code: officeCode, tx.context, ProposalsPlugin.review, db: tx.db)
        guard let reviewer = try ProposalReviewer.filter(Column("office_id") == office.id && Column("member_id") == memberID).fetchOne(tx.db) else {
            throw LvzhiError.notFound("提案审查专家", "委员 ID \(memberID)", hint: "用 lvzhi proposal reviewer list --office \(office.code) 查看")
        }
        try tx.delete(reviewer)
    }

    /// The pool, by member id.
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [ReviewerView] {
        let office = try Office.authorized(code: officeCode, context, ProposalsPlugin.read, db: db)
        return try Row.fetchAll(db, sql: """
            SELECT r.member_id, m.name, s.name AS sector, c.name AS committee, r.added_at FROM proposal_reviewers r
            JOIN members m ON m.id = r.member_id JOIN sectors s ON s.id = m.sector_id LEFT JOIN committees c ON c.id = r.committee_id
            WHERE r.office_id = ? ORDER BY r.member_id
            """, arguments: [office.id]).map {
            ReviewerView(memberID: $0["member_id"], name: $0["name"], sector: $0["sector"], committee: $0["committee"], addedAt: $0["added_at"])
        }
    }

    /// Draws `count` reviewers at random, at most one per committee while others remain, and
    /// records the draw in the audit trail so it can be shown to have been fair.
    public static func draw(officeCode: String, count: Int, tx: AuditedTransaction) throws -> [ReviewerView] {
        let office = try Office.authorized(code: officeCode, tx.context, ProposalsPlugin.review, db: tx.db)
        let pool = try list(officeCode: officeCode, context: tx.context, db: tx.db)
        try NumberRange.check(count, in: 1...NumberRange.count.upperBound, field: "人数")
        guard pool.count >= count else {
            throw LvzhiError(.ruleViolation, "「\(office.name)」的提案审查专家库只有 \(pool.count) 人，不够抽取 \(count) 人",
                             hint: "用 lvzhi proposal reviewer add 委员ID --office \(office.code) 充实专家库")
        }
        var remaining = pool.shuffled()
        var drawn: [ReviewerView] = []
        while drawn.count < count {
            let used = Set(drawn.compactMap(\.committee))
            let index = remaining.firstIndex { $0.committee == nil || !used.contains($0.committee!) } ?? 0
            drawn.append(remaining.remove(at: index))
        }
        drawn.sort { $0.memberID < $1.memberID }
        try tx.log(action: "draw", entity: ProposalReviewer.databaseTableName, entityID: nil, officeID: office.id, before: nil,
                   after: "{\"drawn\":[\(drawn.map { String($0.memberID) }.joined(separator: ","))]}")
        return drawn
    }

    /// The reviewers `ids` as a step note names them (张晓英（ID 12）), each checked to be in the pool.
    static func names(_ ids: [Int64], office: Office, db: Database) throws -> [String] {
        try ids.map { id in
            guard try ProposalReviewer.filter(Column("office_id") == office.id && Column("member_id") == id).fetchCount(db) > 0 else {
                throw LvzhiError.invalid("审查专家", "委员 ID \(id)", "不在「\(office.name)」的提案审查专家库中",
                                         hint: "用 lvzhi proposal reviewer list --office \(office.code) 查看专家库")
            }
            // Always with the id: same-name members are common (two 张晓英 in one office).
            return "\(try Member.find(id: id, db: db).name)（ID \(id)）"
        }
    }
}
