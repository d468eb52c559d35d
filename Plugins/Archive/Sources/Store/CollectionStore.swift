import GRDB
import LvzhiCore
import LvzhiStorage

/// A plan with how far it has come: the accessions received under its campaigns.
public struct PlanProgress: Codable, Sendable, Hashable {
    public var plan: CollectionPlan
    public var campaigns: Int
    public var accessions: Int
    /// accessions / target, in per cent (nil when the target is 0).
    public var percent: Double?
}

/// Collection plans (届规划、年度计划), solicitation campaigns, and the review queue of submissions.
public enum CollectionStore {
    /// Adds a term plan (`period` = the term's number) or an annual plan (`period` = the year).
    public static func addPlan(officeCode: String, kind: String, period: Int, title: String, themes: [String], target: Int,
                               notes: String? = nil, tx: AuditedTransaction) throws -> CollectionPlan {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard let kind = CollectionPlan.kinds.first(where: { $0.key == kind || $0.value == kind })?.key else {
            throw LvzhiError.invalid("计划类型", kind, "应为 届规划（term）或 年度计划（annual）")
        }
        if kind == "annual" { try NumberRange.check(period, in: NumberRange.year, field: "年度") }
        else { _ = try TermStore.term(office: office, number: try NumberRange.check(period, in: NumberRange.ordinal, field: "届次"), db: tx.db) }
        guard let title = title.nonBlank else { throw LvzhiError.invalid("标题", title, "不能为空") }
        let themes = themes.compactMap(\.nonBlank)
        guard !themes.isEmpty else { throw LvzhiError.invalid("征集主题", "", "至少要有一个主题", hint: "如 --theme 改革开放 --theme 口述史") }
        try NumberRange.check(target, in: NumberRange.count, field: "目标件数")
        var plan = CollectionPlan(officeID: office.id, kind: kind, period: period, title: title, themes: themes.joined(separator: "、"),
                                  targetCount: target, notes: notes.nonBlank, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&plan)
        return plan
    }

    /// The office's plans with their progress.
    public static func plans(officeCode: String, context: AccessContext, db: Database) throws -> [PlanProgress] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.read, db: db)
        return try CollectionPlan.filter(Column("office_id") == office.id).order(Column("kind").desc, Column("period")).fetchAll(db).map { plan in
            let campaigns = try SolicitationCampaign.filter(Column("plan_id") == plan.id).fetchCount(db)
            let accessions = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM archive_accessions a JOIN archive_campaigns c ON c.id = a.campaign_id
                WHERE c.plan_id = ? AND a.deaccessioned_on IS NULL
                """, arguments: [plan.id]) ?? 0
            return PlanProgress(plan: plan, campaigns: campaigns, accessions: accessions,
                                percent: plan.targetCount == 0 ? nil : (Double(accessions) * 1000 / Double(plan.targetCount)).rounded() / 10)
        }
    }

    /// Opens a solicitation campaign, optionally under plan `planID`.
    public static func addCampaign(officeCode: String, planID: Int64?, title: String, theme: String?, startsOn: String?, endsOn: String?,
                                   description: String?, tx: AuditedTransaction) throws -> SolicitationCampaign {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        if let planID, try CollectionPlan.find(id: planID, db: tx.db).officeID != office.id {
            throw LvzhiError.invalid("征集计划", "ID \(planID)", "不属于「\(office.name)」")
        }
        guard let title = title.nonBlank else { throw LvzhiError.invalid("标题", title, "不能为空") }
        let starts = try startsOn.map { try CalendarDate.parse($0, field: "开始日期") } ?? Timestamp.todayInBeijing()
        let ends = try endsOn.map { try CalendarDate.parse($0, field: "截止日期") }
        if let ends, ends < starts { throw LvzhiError.invalid("截止日期", ends, "早于开始日期 \(starts)") }
        var campaign = SolicitationCampaign(officeID: office.id, planID: planID, title: title, theme: theme.nonBlank, startsOn: starts, endsOn: ends,
                                            description: description.nonBlank, createdBy: tx.context.user.username, createdAt: Timestamp.now())
        try tx.insert(&campaign)
        return campaign
    }

    /// The office's campaigns, newest first.
    public static func campaigns(officeCode: String, context: AccessContext, db: Database) throws -> [SolicitationCampaign] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.read, db: db)
        return try SolicitationCampaign.filter(Column("office_id") == office.id).order(Column("starts_on").desc, Column("id").desc).fetchAll(db)
    }

    /// A submission to the review queue: by the acting member (or by staff for member
    /// `memberID`), or for a member of the public by name (`submitter`, `contact`).
    public static func submit(officeCode: String, campaignID: Int64?, title: String, summary: String, sanqin: String?,
                              memberID: Int64? = nil, submitter: String? = nil, contact: String? = nil, tx: AuditedTransaction) throws -> ArchiveSubmission {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.contribute, db: tx.db)
        if let campaignID {
            let campaign = try SolicitationCampaign.find(id: campaignID, db: tx.db)
            guard campaign.officeID == office.id else { throw LvzhiError.invalid("征集活动", "ID \(campaignID)", "不属于「\(office.name)」") }
            if let ends = campaign.endsOn, Timestamp.todayInBeijing() > ends {
                throw LvzhiError(.ruleViolation, "征集活动「\(campaign.title)」已于 \(ends) 截止")
            }
        }
        guard let title = title.nonBlank else { throw LvzhiError.invalid("题名", title, "不能为空") }
        if let sanqin, !Sanqin.all.contains(sanqin) { throw LvzhiError.invalid("三亲", sanqin, "应为 亲历、亲见 或 亲闻") }
        let isStaff = try AccessGate.allows(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
            || AccessGate.effectiveRoles(tx.context, in: office, db: tx.db).contains(.staff) || tx.context.user.isSuperuser
        var member = memberID ?? (submitter == nil ? tx.context.user.memberID : nil)
        if let memberID, memberID != tx.context.user.memberID, !isStaff {
            throw LvzhiError(.permissionDenied, "委员只能以本人名义提交来稿")
        }
        if member == nil && submitter == nil {
            throw LvzhiError.invalid("来稿人", "", "须写明来稿人", hint: "委员本人提交时自动记为本人；代社会公众登记时用 --submitter 姓名 --contact 联系方式")
        }
        var name = submitter.nonBlank ?? ""
        if let id = member {
            let found = try Member.find(id: id, db: tx.db)
            guard found.officeID == office.id else { throw LvzhiError.invalid("来稿人", "委员 ID \(id)", "不是「\(office.name)」的委员") }
            name = found.name
        } else if !isStaff {
            member = nil
        }
        var submission = ArchiveSubmission(officeID: office.id, campaignID: campaignID, memberID: member, submitter: name, contact: contact.nonBlank,
                                           title: title, summary: summary.nonBlank ?? "", sanqin: sanqin, status: .needsReview,
                                           submittedBy: tx.context.user.username, submittedAt: Timestamp.now())
        try tx.insert(&submission)
        tx.emit(DomainEvent(name: "archive.submitted", officeID: office.id, entity: ArchiveSubmission.databaseTableName, entityID: submission.id))
        return submission
    }

    /// Reviews submission `id`: accepted ones are registered as an accession (acquisition
    /// `acquisition`, the submitter as its source), declined ones keep the reviewer's note.
    public static func review(id: Int64, accept: Bool, note: String?, acquisition: String = "捐赠", tx: AuditedTransaction) throws -> ArchiveSubmission {
        let submission = try ArchiveSubmission.find(id: id, db: tx.db)
        let office = try Office.find(id: submission.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        guard submission.status == .needsReview else {
            throw LvzhiError(.ruleViolation, "来稿 \(id)「\(submission.title)」已审核（\(submission.status.title)）")
        }
        if !accept, note.nonBlank == nil { throw LvzhiError.invalid("审核意见", "", "不采用须写明理由", hint: "用 --note 写明") }
        var updated = submission
        updated.status = accept ? .accepted : .declined
        updated.reviewedBy = tx.context.user.username
        updated.reviewedAt = Timestamp.now()
        updated.reviewNote = note.nonBlank
        if accept {
            var input = AccessionInput(title: submission.title, acquisition: acquisition, provenance: "征集来稿（\(submission.submitter)）",
                                       sanqin: submission.sanqin, campaignID: submission.campaignID)
            if let member = submission.memberID { input.sourceMemberIDs = [member] }
            let accession = try AccessionStore.register(officeCode: office.code, input, tx: tx)
            if submission.memberID == nil {
                // The contact stays on the submission, which only archivists (and the submitter) see:
                // an agent's notes are shown to every reader of the archive.
                let agent = try AgentStore.add(officeCode: office.code, kind: "person", name: submission.submitter,
                                               notes: "社会公众来稿（来稿 ID \(id)）", tx: tx)
                try AgentStore.link(agentID: agent.id!, role: .source, accessionID: accession.id, tx: tx)
            }
            updated.accessionID = accession.id
        }
        try tx.update(updated, from: submission, action: accept ? "accept" : "decline")
        tx.emit(DomainEvent(name: "archive.submission_reviewed", officeID: office.id, entity: ArchiveSubmission.databaseTableName, entityID: id))
        return updated
    }

    /// The review queue (or all submissions): archivists see all, contributors their own.
    public static func submissions(officeCode: String, status: SubmissionStatus?, context: AccessContext, db: Database) throws -> [ArchiveSubmission] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.contribute, db: db)
        var request = ArchiveSubmission.filter(Column("office_id") == office.id)
        if try !AccessGate.allows(context, ArchivePlugin.manage, in: office, db: db) {
            request = request.filter(Column("submitted_by") == context.user.username)
        }
        if let status { request = request.filter(Column("status") == status.rawValue) }
        return try request.order(Column("id")).fetchAll(db)
    }
}
