import GRDB
import LvzhiCore
import LvzhiStorage

/// Who sees which proposals: the one rule behind every read of the module (lists, `each`,
/// counts, `show`/`detail`, similar proposals, statistics, unit evaluation, overdue warnings,
/// the rules report, exports) and the first check of every step on a proposal by id.
///
/// | viewer | sees |
/// | --- | --- |
/// | staff, administrators (``ProposalsPlugin/review``) | every proposal of the office, in full |
/// | a member | his own (first proposer, co-signer, author, or proposer of a proposal merged into it) in every state, in full; others' once filed and public, as their public version |
/// | a handling unit | only the proposals assigned to it (also after it gave one back), with its own part and reply in full |
/// | anyone else with the read permission | filed and public proposals, as their public version |
///
/// A merged proposal counts as filed once the proposal it was merged into is. A proposal one may
/// not see is "not found", whether it exists or not. docs/proposals.md §2.1 has the full table.
public enum ProposalAccess {
    /// The states in which a proposal counts as filed (立案) for the public.
    static let filedStates = ProposalStatus.allCases.filter(\.isFiled).map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// How the acting user looks at one office's proposals.
    public struct Scope: Sendable {
        /// The office whose proposals are in scope.
        public let office: Office
        /// Staff and administrators: everything.
        public let seesAll: Bool
        /// The viewer's own member record (his proposals).
        public let memberID: Int64?
        /// The viewer's handling unit (the proposals assigned to it).
        public let unitID: Int64?

        /// Whether the public (filed and public proposals) is in view: for everyone but a unit's account.
        var seesPublic: Bool { memberID != nil || unitID == nil }

        /// The condition a proposal (table alias `alias`) must meet to be in scope.
        public func condition(alias: String = "p") -> SQL {
            let p = SQL(sql: alias)
            let own: SQL = "\(p).office_id = \(office.id)"
            if seesAll { return own }
            var visible: [SQL] = []
            if let memberID {
                visible.append("""
                    \(p).id IN (SELECT proposal_id FROM proposal_proposers WHERE member_id = \(memberID))
                    OR \(p).id IN (SELECT q.merged_into_id FROM proposals q JOIN proposal_proposers pp ON pp.proposal_id = q.id
                                  WHERE pp.member_id = \(memberID) AND q.merged_into_id IS NOT NULL)
                    """)
            }
            if let unitID {
                visible.append("\(p).id IN (SELECT proposal_id FROM proposal_units WHERE handling_unit_id = \(unitID))")
            }
            if seesPublic {
                let filed = SQL(sql: ProposalAccess.filedStates)
                visible.append("""
                    \(p).is_public AND (\(p).status IN (\(filed))
                     OR (\(p).status = 'merged' AND \(p).merged_into_id IN (
                         SELECT id FROM proposals WHERE office_id = \(office.id) AND is_public AND status IN (\(filed)))))
                    """)
            }
            return "(\(own) AND ((\(visible.joined(separator: ") OR (")))))"
        }

        /// What a listing says about its scope, for the statistics of someone who does not see all.
        public var note: String? {
            guard !seesAll else { return nil }
            if unitID != nil && memberID == nil { return "只统计交办给本单位的提案" }
            return memberID == nil ? "只统计已立案并公开的提案" : "只统计本人的提案和已立案并公开的提案"
        }
    }

    /// The scope of `context` in `office`, once he may read its proposals.
    public static func scope(_ context: AccessContext, office: Office, db: Database) throws -> Scope {
        try AccessGate.authorize(context, ProposalsPlugin.read, in: office, db: db)
        return Scope(office: office, seesAll: try AccessGate.allows(context, ProposalsPlugin.review, in: office, db: db),
                     memberID: context.user.memberID, unitID: context.user.handlingUnitID)
    }

    /// How much of one proposal a viewer sees.
    public enum View: Sendable {
        /// The office: everything.
        case office
        /// One of its proposers (or of a proposal merged into it).
        case proposer
        /// A handling unit it was assigned to (`unitID`).
        case unit(Int64)
        /// Everyone else: the public version.
        case publicVersion
    }

    /// Proposal `id` and its office, if `context` may see it (otherwise not found, whether it
    /// exists or not), once he has been authorized for `permission` there; with how he sees it.
    public static func load(_ id: Int64, context: AccessContext, permission: Permission = ProposalsPlugin.read,
                            db: Database) throws -> (proposal: Proposal, office: Office, view: View) {
        let notFound = LvzhiError.notFound("提案", "ID \(id)", hint: "用 lvzhi proposal list --office 代码 查看您可以看到的提案")
        guard let proposal = try Proposal.fetchOne(db, key: id) else { throw notFound }
        let office = try Office.find(id: proposal.officeID!, db: db)
        let scope = try scope(context, office: office, db: db)
        guard let view = try view(of: proposal, scope: scope, db: db) else { throw notFound }
        if permission.id != ProposalsPlugin.read.id { try AccessGate.authorize(context, permission, in: office, db: db) }
        return (proposal, office, view)
    }

    /// How `scope`'s viewer sees `proposal`; nil when he may not see it.
    static func view(of proposal: Proposal, scope: Scope, db: Database) throws -> View? {
        if scope.seesAll { return .office }
        let visible = try Bool.fetchOne(db, SQLRequest<Bool>(literal: "SELECT EXISTS (SELECT 1 FROM proposals p WHERE p.id = \(proposal.id) AND \(scope.condition()))")) ?? false
        guard visible else { return nil }
        if let memberID = scope.memberID, try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM proposal_proposers pp JOIN proposals q ON q.id = pp.proposal_id
                           WHERE pp.member_id = ?1 AND (q.id = ?2 OR q.merged_into_id = ?2))
            """, arguments: [memberID, proposal.id]) == true { return .proposer }
        if let unitID = scope.unitID, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM proposal_units WHERE proposal_id = ? AND handling_unit_id = ?)",
                                                          arguments: [proposal.id, unitID]) == true { return .unit(unitID) }
        return .publicVersion
    }

    /// `proposal` as a viewer who is not the office sees it: without the non-public reason.
    public static func redacted(_ proposal: Proposal, for scope: Scope) -> Proposal {
        scope.redaction?(proposal) ?? proposal
    }
}

extension ProposalAccess.Scope {
    /// What to take out of each proposal before this viewer gets it; nil when nothing (the office
    /// sees every field), so listings may hand rows over as they are.
    public var redaction: (@Sendable (Proposal) -> Proposal)? {
        if seesAll { return nil }
        return { proposal in
            var copy = proposal
            copy.privateReason = nil
            return copy
        }
    }
}
