import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// What a proposer writes: the text, and who proposes.
public struct ProposalDraft: Sendable {
    public var title: String
    public var body: String
    public var category: String
    public var kind: ProposalKind
    /// The first proposer (a member of the current term); nil: the acting user's own member record.
    public var firstProposerID: Int64?
    /// Co-signers of a joint proposal.
    public var cosignerIDs: [Int64]
    /// The body a collective proposal is made in the name of.
    public var collectiveBody: String?
    /// Members who wrote a collective proposal (执笔); they get it in their duty record.
    public var authorIDs: [Int64]

    public init(title: String, body: String, category: String, kind: ProposalKind = .individual,
                firstProposerID: Int64? = nil, cosignerIDs: [Int64] = [], collectiveBody: String? = nil, authorIDs: [Int64] = []) {
        self.title = title; self.body = body; self.category = category; self.kind = kind
        self.firstProposerID = firstProposerID; self.cosignerIDs = cosignerIDs; self.collectiveBody = collectiveBody
        self.authorIDs = authorIDs
    }
}

/// Proposals: drafting, co-signing and every step of the transition table, each checked,
/// audited, recorded in the proposal's history and announced as an event.
public struct ProposalStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// The default categories (each office may set its own: the `categories` setting).
    public static let categories = SettingDescriptor.listItems(ProposalsPlugin.Setting.categories.defaultValue)

    /// The categories in use in `office`.
    public static func categories(office: Office, db: Database) throws -> [String] {
        try ProposalsPlugin.settings(office, db: db).list(ProposalsPlugin.Setting.categories.key)
    }

    /// Keeps a draft (暂存).
    @discardableResult
    public func draft(officeCode: String, _ draft: ProposalDraft) throws -> Proposal {
        try host.write(as: context) { tx in try Self.draft(officeCode: officeCode, draft, tx: tx) }
    }

    /// A co-signer confirms his signature (附议).
    public func confirm(id: Int64) throws {
        try host.write(as: context) { tx in try Self.confirm(id: id, tx: tx) }
    }

    /// Applies `action` to proposal `id` (see ``ProposalWorkflow``).
    @discardableResult
    public func apply(_ action: ProposalAction, id: Int64, note: String? = nil, ground: String? = nil, mergeInto: Int64? = nil,
                      reviewers: [Int64] = []) throws -> Proposal {
        try host.write(as: context) { tx in
            try Self.apply(action, id: id, note: note, ground: ground, mergeInto: mergeInto, reviewers: reviewers, tx: tx)
        }
    }

    /// The office's proposals, optionally in one status, by id.
    public func list(officeCode: String, status: ProposalStatus? = nil) throws -> [Proposal] {
        try list(officeCode: officeCode, ProposalQuery(status: status))
    }

    /// The office's proposals matching `query`, by id.
    public func list(officeCode: String, _ query: ProposalQuery) throws -> [Proposal] {
        try host.read { db in
            let scope = try ProposalAccess.scope(context, office: try Office.find(code: officeCode, db: db), db: db)
            return try query.request(scope: scope, db: db).fetchAll(db).map { ProposalAccess.redacted($0, for: scope) }
        }
    }

    // MARK: - Inside a transaction

    /// ``draft(officeCode:_:)`` inside `tx`.
    public static func draft(officeCode: String, _ draft: ProposalDraft, tx: AuditedTransaction) throws -> Proposal {
        let office = try Office.authorized(code: officeCode, tx.context, ProposalsPlugin.propose, db: tx.db)
        let term = try TermStore.term(office: office, number: nil, db: tx.db)
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw LvzhiError.invalid("案由（标题）", draft.title, "不能为空") }
        let categories = try categories(office: office, db: tx.db)
        guard categories.contains(draft.category) else {
            throw LvzhiError.invalid("类别", draft.category, "不是「\(office.name)」的提案类别", hint: "可用类别：\(categories.joined(separator: "、"))")
        }
        var proposers: [(Int64, String)] = []
        var collectiveBody: String?
        switch draft.kind {
        case .collective:
            guard let body = draft.collectiveBody?.trimmingCharacters(in: .whitespaces), !body.isEmpty else {
                throw LvzhiError.invalid("提案单位", "", "集体提案须写明以哪个专委会、党派、界别或活动组的名义提出")
            }
            guard let name = try Self.collectiveBodyName(body, office: office, db: tx.db) else {
                throw LvzhiError.invalid("提案单位", body, "不是「\(office.name)」的专委会、界别、界别活动组或民主党派",
                                         hint: "党派可写简称或全称：\(parties.joined(separator: "、"))")
            }
            collectiveBody = name
            guard try mayActForOthers(tx.context, office: office, db: tx.db) else {
                throw LvzhiError(.permissionDenied, "集体提案由工作人员或管理员登记")
            }
            guard draft.firstProposerID == nil, draft.cosignerIDs.isEmpty else {
                throw LvzhiError.invalid("提案人", "", "集体提案以单位名义提出，没有第一提案人和附议人", hint: "执笔的委员用 --author 列出")
            }
            for id in draft.authorIDs {
                guard !proposers.contains(where: { $0.0 == id }) else { throw LvzhiError.invalid("执笔人", String(id), "重复") }
                try requireCurrentMember(id, office: office, term: term, db: tx.db)
                proposers.append((id, "author"))
            }
        case .individual, .joint:
            guard draft.authorIDs.isEmpty else {
                throw LvzhiError.invalid("执笔人", draft.authorIDs.map(String.init).joined(separator: ","), "只有集体提案才有执笔人")
            }
            guard draft.collectiveBody == nil else { throw LvzhiError.invalid("提案单位", draft.collectiveBody!, "只有集体提案才写提案单位") }
            guard let first = draft.firstProposerID ?? tx.context.user.memberID else {
                throw LvzhiError.invalid("提案人", "", "没有指定第一提案人", hint: "工作人员代录时用 --member 指定委员 ID")
            }
            if first != tx.context.user.memberID, try !mayActForOthers(tx.context, office: office, db: tx.db) {
                throw LvzhiError(.permissionDenied, "委员只能以本人名义提出提案（第一提案人应为本人）")
            }
            try requireCurrentMember(first, office: office, term: term, db: tx.db)
            proposers.append((first, "first"))
            if draft.kind == .joint {
                guard !draft.cosignerIDs.isEmpty else { throw LvzhiError.invalid("附议人", "", "联名提案至少要有一位附议人") }
            } else if !draft.cosignerIDs.isEmpty {
                throw LvzhiError.invalid("附议人", draft.cosignerIDs.map(String.init).joined(separator: ","), "个人提案没有附议人；请改为联名提案")
            }
            for id in draft.cosignerIDs {
                guard id != first, !proposers.contains(where: { $0.0 == id }) else {
                    throw LvzhiError.invalid("附议人", String(id), "重复，或与第一提案人相同")
                }
                try requireCurrentMember(id, office: office, term: term, db: tx.db)
                proposers.append((id, "cosigner"))
            }
        }
        var proposal = Proposal(officeID: office.id, termID: term.id!, kind: draft.kind, collectiveBody: collectiveBody,
                                title: title, body: draft.body, category: draft.category, occasion: nil, status: .draft,
                                createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&proposal)
        for (memberID, role) in proposers {
            // The first proposer confirms by proposing, authors are entered by staff; co-signers confirm themselves.
            var proposer = ProposalProposer(proposalID: proposal.id!, memberID: memberID, role: role,
                                            confirmedAt: role == "cosigner" ? nil : Timestamp.now())
            try tx.insert(&proposer)
        }
        tx.emit(DomainEvent(name: "proposals.drafted", officeID: office.id, entity: Proposal.databaseTableName, entityID: proposal.id))
        return proposal
    }

    /// ``confirm(id:)`` inside `tx`.
    public static func confirm(id: Int64, tx: AuditedTransaction) throws {
        let (proposal, _) = try load(id, context: tx.context, permission: ProposalsPlugin.propose, db: tx.db)
        guard [.draft, .returned].contains(proposal.status) else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」已\(proposal.status.title)，不能再附议")
        }
        guard let memberID = tx.context.user.memberID,
              let proposer = try ProposalProposer.filter(Column("proposal_id") == id && Column("member_id") == memberID && Column("role") == "cosigner").fetchOne(tx.db) else {
            throw LvzhiError(.permissionDenied, "用户「\(tx.context.user.username)」不是提案 \(id) 的附议人")
        }
        guard proposer.confirmedAt == nil else { throw LvzhiError(.conflict, "已经确认过附议") }
        var updated = proposer
        updated.confirmedAt = Timestamp.now()
        try tx.update(updated, from: proposer, action: "confirm")
    }

    /// ``apply(_:id:note:ground:mergeInto:reviewers:)`` inside `tx`: the one place every review step happens.
    public static func apply(_ action: ProposalAction, id: Int64, note: String? = nil, ground: String? = nil, mergeInto: Int64? = nil,
                             reviewers: [Int64] = [], tx: AuditedTransaction) throws -> Proposal {
        let transition = ProposalWorkflow.transition(action)
        let (proposal, office) = try load(id, context: tx.context, permission: transition.permission, db: tx.db)
        guard transition.from.contains(proposal.status) else {
            let allowed = transition.from.map(\.title).sorted().joined(separator: "、")
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，不能\(action.title)（只有\(allowed)的提案可以）")
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if transition.requiresNote, note?.isEmpty ?? true {
            throw LvzhiError.invalid("说明", "", "\(action.title)须写明理由", hint: "用 --note 写明")
        }
        var updated = proposal
        updated.status = transition.to
        switch action {
        case .submit:
            let unconfirmed = try String.fetchAll(tx.db, sql: """
                SELECT m.name FROM proposal_proposers p JOIN members m ON m.id = p.member_id
                WHERE p.proposal_id = ? AND p.confirmed_at IS NULL ORDER BY p.id
                """, arguments: [id])
            guard unconfirmed.isEmpty else {
                throw LvzhiError(.ruleViolation, "附议人尚未全部确认：\(unconfirmed.joined(separator: "、"))", hint: "附议人用 lvzhi proposal confirm \(id) 确认")
            }
            // A proposal returned for revision keeps the day it was first submitted, so a 大会提案
            // resubmitted after the session closes stays one.
            if proposal.submittedAt == nil {
                let today = Timestamp.todayInBeijing()
                let (occasion, sessionYear) = try occasion(termID: proposal.termID, on: today, db: tx.db)
                updated.submittedAt = Timestamp.now()
                updated.occasion = occasion
                updated.submittedYear = sessionYear ?? Int(today.prefix(4))
            }
        case .withdraw:
            let first = try Int64.fetchOne(tx.db, sql: "SELECT member_id FROM proposal_proposers WHERE proposal_id = ? AND role = 'first'", arguments: [id])
            guard first != nil, first == tx.context.user.memberID else {
                throw LvzhiError(.permissionDenied, "只有第一提案人本人可以撤回提案")
            }
        case .file:
            let (scope, label) = try numberingScope(termID: proposal.termID, on: Timestamp.todayInBeijing(), db: tx.db)
            let number = try nextNumber(officeID: office.id!, scope: scope, db: tx.db)
            updated.numberScope = scope
            updated.number = number
            updated.numberLabel = "\(label) 第\(String(format: "%04d", number))号"
            updated.filedAt = Timestamp.now()
        case .reject:
            guard let ground else { throw LvzhiError.invalid("不予立案理由", "", "须指明标准理由", hint: "用 --ground 1–10") }
            updated.rejectionGround = try RejectionGround.parse(ground)
        case .merge:
            guard let target = mergeInto else { throw LvzhiError.invalid("并入的提案", "", "须指明并入哪一件提案", hint: "用 --into ID") }
            guard target != id, let main = try Proposal.fetchOne(tx.db, key: target), main.officeID == proposal.officeID,
                  main.status == .submitted || main.status.isFiled, main.mergedIntoID == nil else {
                throw LvzhiError.invalid("并入的提案", String(target), "应为本政协另一件已提交或已立案的提案")
            }
            updated.mergedIntoID = target
        case .returnForRevision, .convert:
            break
        }
        if !reviewers.isEmpty && ![.returnForRevision, .file, .reject, .convert, .merge].contains(action) {
            throw LvzhiError.invalid("审查专家", reviewers.map(String.init).joined(separator: ","), "只有审查步骤才记审查专家")
        }
        let reviewerNames = try ReviewerPool.names(reviewers, office: office, db: tx.db)
        try tx.update(updated, from: proposal, action: action.rawValue)
        var step = ProposalStep(proposalID: id, action: action.rawValue, fromStatus: proposal.status.rawValue, toStatus: updated.status.rawValue,
                                note: note, username: tx.context.user.username, at: Timestamp.now(),
                                reviewers: reviewerNames.isEmpty ? nil : reviewerNames.joined(separator: "、"))
        try tx.insert(&step)
        switch action {
        case .file:
            try ProposalDuty.record(for: updated, tx: tx)
            for merged in try Proposal.filter(Column("merged_into_id") == id).fetchAll(tx.db) { try ProposalDuty.record(for: merged, tx: tx) }
        case .merge:
            if let main = try Proposal.fetchOne(tx.db, key: updated.mergedIntoID), main.status.isFiled { try ProposalDuty.record(for: updated, tx: tx) }
        default: break
        }
        tx.emit(DomainEvent(name: "proposals.\(action.eventName)", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return updated
    }

    // MARK: - Rules

    /// Proposal `id` and its office, if `context` may see it (``ProposalAccess``: otherwise not
    /// found), once he has been authorized for `permission` there.
    public static func load(_ id: Int64, context: AccessContext, permission: Permission, db: Database) throws -> (proposal: Proposal, office: Office) {
        let found = try ProposalAccess.load(id, context: context, permission: permission, db: db)
        return (found.proposal, found.office)
    }

    static func mayActForOthers(_ context: AccessContext, office: Office, db: Database) throws -> Bool {
        try AccessGate.allows(context, ProposalsPlugin.review, in: office, db: db)
    }

    static func requireCurrentMember(_ memberID: Int64, office: Office, term: Term, db: Database) throws {
        guard let member = try Member.fetchOne(db, key: memberID) else { throw LvzhiError.notFound("委员", "ID \(memberID)") }
        guard member.officeID == office.id, member.termID == term.id else {
            throw LvzhiError(.ruleViolation, "委员「\(member.name)」（ID \(memberID)）不是「\(office.name)」\(term.label)的委员，不能提出提案")
        }
    }

    /// The democratic parties, which may make collective proposals in their own name.
    static let parties = ["民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟"]

    /// The name a collective proposal is recorded under: the office's committee, sector or
    /// activity group of that name, or a democratic party in its short form (中国民主同盟 → 民盟);
    /// nil when `name` is none of these.
    static func collectiveBodyName(_ name: String, office: Office, db: Database) throws -> String? {
        if let party = try? PartyAffiliation.parse(name), parties.contains(party) { return party }
        let count = try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM committees WHERE office_id = ?1 AND name = ?2)
                 + (SELECT COUNT(*) FROM sectors WHERE office_id = ?1 AND name = ?2)
                 + (SELECT COUNT(*) FROM activity_groups WHERE office_id = ?1 AND name = ?2)
            """, arguments: [office.id, name]) ?? 0
        return count > 0 ? name : nil
    }

    /// 大会 from three months before a plenary session opens until it closes (or its opening
    /// day when no closing day is known), with the session's year, which the annual figures
    /// count the proposal in; 平时 otherwise.
    static func occasion(termID: Int64, on date: String, db: Database) throws -> (occasion: String, sessionYear: Int?) {
        for session in try PlenarySession.filter(Column("term_id") == termID).fetchAll(db) {
            let start = CalendarDate.adding(months: -3, to: session.opensOn)
            if date >= start && date <= (session.closesOn ?? session.opensOn) { return ("大会", Int(session.opensOn.prefix(4))) }
        }
        return ("平时", nil)
    }

    /// The numbering scope on `date`: the latest plenary session opened by then (四届二次会议),
    /// else the year (2026年).
    static func numberingScope(termID: Int64, on date: String, db: Database) throws -> (scope: String, label: String) {
        let term = try Term.find(id: termID, db: db)
        let sessions = try PlenarySession.filter(Column("term_id") == termID).order(Column("opens_on")).fetchAll(db)
        // A proposal filed up to three months before a session belongs to that session.
        if let session = sessions.first(where: { date >= CalendarDate.adding(months: -3, to: $0.opensOn) && date <= $0.opensOn })
            ?? sessions.last(where: { $0.opensOn <= date }) {
            return ("s\(session.id!)", session.label(termNumber: term.number))
        }
        let year = String(date.prefix(4))
        return ("y\(year)", "\(year)年")
    }

    /// The next number of `scope`, handed out inside the filing transaction (``GaplessCounter``).
    static func nextNumber(officeID: Int64, scope: String, db: Database) throws -> Int64 {
        try GaplessCounter.next(in: "proposal_counters", officeID: officeID, scope: scope, db: db)
    }
}
