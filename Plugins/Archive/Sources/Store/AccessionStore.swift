import GRDB
import LvzhiCore
import LvzhiStorage

/// What an accession is registered with.
public struct AccessionInput: Sendable {
    public var title: String
    public var receivedOn: String?
    public var acquisition: String
    public var provenance: String?
    public var sanqin: String?
    public var extent: String?
    public var rightsAgreement: String?
    public var campaignID: Int64?
    /// Source agents (提供者).
    public var sourceAgentIDs: [Int64]
    /// Members who gave it (an agent linked to each is found or made).
    public var sourceMemberIDs: [Int64]
    public var restriction: RestrictionInput?

    public init(title: String, receivedOn: String? = nil, acquisition: String, provenance: String? = nil, sanqin: String? = nil,
                extent: String? = nil, rightsAgreement: String? = nil, campaignID: Int64? = nil, sourceAgentIDs: [Int64] = [],
                sourceMemberIDs: [Int64] = [], restriction: RestrictionInput? = nil) {
        self.title = title; self.receivedOn = receivedOn; self.acquisition = acquisition; self.provenance = provenance; self.sanqin = sanqin
        self.extent = extent; self.rightsAgreement = rightsAgreement; self.campaignID = campaignID; self.sourceAgentIDs = sourceAgentIDs
        self.sourceMemberIDs = sourceMemberIDs; self.restriction = restriction
    }
}

/// Access and use restrictions to set on an accession (nil fields: unchanged).
public struct RestrictionInput: Sendable {
    public var access: Bool?
    public var accessNote: String?
    public var accessEndsOn: String?
    public var use: Bool?
    public var useNote: String?
    public var useEndsOn: String?
    public init(access: Bool? = nil, accessNote: String? = nil, accessEndsOn: String? = nil, use: Bool? = nil, useNote: String? = nil, useEndsOn: String? = nil) {
        self.access = access; self.accessNote = accessNote; self.accessEndsOn = accessEndsOn
        self.use = use; self.useNote = useNote; self.useEndsOn = useEndsOn
    }
}

/// Accessions (接收登记): registration with a gapless year-sequence number, sources, rights,
/// restrictions, processing status and deaccession.
public enum AccessionStore {
    /// Registers an accession; its number is the next of the year it was received in.
    public static func register(officeCode: String, _ input: AccessionInput, tx: AuditedTransaction) throws -> Accession {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard let title = input.title.nonBlank else { throw LvzhiError.invalid("题名", input.title, "不能为空") }
        let received = try input.receivedOn.map { try CalendarDate.parse($0, field: "接收日期") } ?? Timestamp.todayInBeijing()
        guard received <= Timestamp.todayInBeijing() else { throw LvzhiError.invalid("接收日期", received, "不能晚于今天") }
        guard Accession.acquisitions.contains(input.acquisition) else {
            throw LvzhiError.invalid("接收方式", input.acquisition, "不是接收方式", hint: "可用：\(Accession.acquisitions.joined(separator: "、"))")
        }
        if let sanqin = input.sanqin, !Sanqin.all.contains(sanqin) {
            throw LvzhiError.invalid("三亲", sanqin, "应为 亲历、亲见 或 亲闻")
        }
        if let campaign = input.campaignID, try SolicitationCampaign.find(id: campaign, db: tx.db).officeID != office.id {
            throw LvzhiError.invalid("征集活动", "ID \(campaign)", "不属于「\(office.name)」")
        }
        let year = Int(received.prefix(4))!
        let sequence = Int(try GaplessCounter.next(in: "archive_counters", officeID: office.id!, scope: "accession-\(year)", db: tx.db))
        var accession = Accession(officeID: office.id, year: year, sequence: sequence, number: String(format: "%d-%04d", year, sequence),
                                  title: title, campaignID: input.campaignID, receivedOn: received, acquisition: input.acquisition,
                                  provenance: input.provenance.nonBlank, sanqin: input.sanqin, extent: input.extent.nonBlank,
                                  rightsAgreement: input.rightsAgreement.nonBlank, processingStatus: .unprocessed,
                                  createdBy: tx.context.user.username, createdAt: Timestamp.now())
        if let restriction = input.restriction { try apply(restriction, to: &accession) }
        try tx.insert(&accession)
        for agentID in input.sourceAgentIDs {
            guard try ArchiveAgent.find(id: agentID, db: tx.db).officeID == office.id else {
                throw LvzhiError.invalid("提供者", "ID \(agentID)", "不是「\(office.name)」登记的人物或机构")
            }
            try AgentStore.link(agentID: agentID, role: .source, accessionID: accession.id, tx: tx)
        }
        for memberID in input.sourceMemberIDs {
            let member = try Member.find(id: memberID, db: tx.db)
            guard member.officeID == office.id else { throw LvzhiError.invalid("提供者", "委员 ID \(memberID)", "不是「\(office.name)」的委员") }
            try AgentStore.link(agentID: try AgentStore.agent(forMember: memberID, office: office, tx: tx).id!, role: .source,
                                accessionID: accession.id, tx: tx)
        }
        tx.emit(DomainEvent(name: "archive.accessioned", officeID: office.id, entity: Accession.databaseTableName, entityID: accession.id))
        return accession
    }

    /// Changes the access and use restrictions of accession `id`.
    public static func restrict(id: Int64, _ restriction: RestrictionInput, tx: AuditedTransaction) throws -> Accession {
        let (accession, office) = try load(id, tx: tx)
        var updated = accession
        try apply(restriction, to: &updated)
        guard updated != accession else { throw LvzhiError(.conflict, "接收登记 \(accession.number) 的限制本来就是这样") }
        try tx.update(updated, from: accession, action: "restrict")
        tx.emit(DomainEvent(name: "archive.restriction_changed", officeID: office.id, entity: Accession.databaseTableName, entityID: id))
        return updated
    }

    /// Sets how far accession `id` is processed.
    public static func setProcessing(id: Int64, _ status: ProcessingStatus, tx: AuditedTransaction) throws -> Accession {
        let (accession, _) = try load(id, tx: tx)
        guard accession.deaccessionedOn == nil else { throw LvzhiError(.ruleViolation, "接收登记 \(accession.number) 已注销") }
        var updated = accession
        updated.processingStatus = status
        try tx.update(updated, from: accession, action: "process")
        return updated
    }

    /// Deaccessions accession `id` (注销) with a reason; its units are then hidden from everyone
    /// who does not see all. Nothing is deleted.
    public static func deaccession(id: Int64, reason: String, on date: String? = nil, tx: AuditedTransaction) throws -> Accession {
        let (accession, office) = try load(id, tx: tx)
        guard accession.deaccessionedOn == nil else { throw LvzhiError(.conflict, "接收登记 \(accession.number) 已于 \(accession.deaccessionedOn!) 注销") }
        guard let reason = reason.nonBlank else { throw LvzhiError.invalid("注销理由", reason, "须写明理由", hint: "如 退还寄存人、重复接收") }
        var updated = accession
        updated.deaccessionedOn = try date.map { try CalendarDate.parse($0, field: "注销日期") } ?? Timestamp.todayInBeijing()
        updated.deaccessionReason = reason
        try tx.update(updated, from: accession, action: "deaccession")
        tx.emit(DomainEvent(name: "archive.deaccessioned", officeID: office.id, entity: Accession.databaseTableName, entityID: id))
        return updated
    }

    /// The office's accessions (of `year`; in `status`, which leaves out deaccessioned ones), by number.
    public static func list(officeCode: String, year: Int? = nil, status: ProcessingStatus? = nil, context: AccessContext, db: Database) throws -> [Accession] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.manage, db: db)
        try NumberRange.checkIfGiven(year, in: NumberRange.year, field: "年度")
        var request = Accession.filter(Column("office_id") == office.id)
        if let year { request = request.filter(Column("year") == year) }
        // A processing status is that of accessions still held: a deaccessioned one is in none of them.
        if let status { request = request.filter(Column("processing_status") == status.rawValue && Column("deaccessioned_on") == nil) }
        return try request.order(Column("year"), Column("sequence")).fetchAll(db)
    }

    /// Accession `id` by id, or by its number (2026-0001) in `officeCode`.
    public static func find(_ key: String, officeCode: String?, context: AccessContext, db: Database) throws -> Accession {
        let accession: Accession?
        if let id = Int64(key) {
            accession = try Accession.fetchOne(db, key: id)
        } else {
            guard let officeCode else { throw LvzhiError.invalid("接收登记", key, "按编号查找时须给出 --office") }
            let office = try Office.find(code: officeCode, db: db)
            accession = try Accession.filter(Column("office_id") == office.id && Column("number") == key).fetchOne(db)
        }
        guard let accession else { throw LvzhiError.notFound("接收登记", key, hint: "用 lvzhi archive accession list --office 代码 查看") }
        try AccessGate.authorize(context, ArchivePlugin.manage, in: try Office.find(id: accession.officeID!, db: db), db: db)
        return accession
    }

    /// The units described from accession `accession`, by reference code.
    public static func units(of accession: Accession, db: Database) throws -> [DescriptionUnit] {
        try DescriptionUnit.filter(Column("accession_id") == accession.id).order(Column("reference_code")).fetchAll(db)
    }

    static func load(_ id: Int64, tx: AuditedTransaction) throws -> (Accession, Office) {
        let accession = try Accession.find(id: id, db: tx.db)
        let office = try Office.find(id: accession.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        return (accession, office)
    }

    static func apply(_ r: RestrictionInput, to accession: inout Accession) throws {
        if let access = r.access {
            accession.accessRestricted = access
            if access {
                guard let note = r.accessNote.nonBlank ?? accession.accessNote else {
                    throw LvzhiError.invalid("开放限制说明", "", "限制开放须写明理由", hint: "用 --access-note 写明，如 涉及个人隐私，2030 年后开放")
                }
                accession.accessNote = note
                accession.accessEndsOn = try r.accessEndsOn.map { try CalendarDate.parse($0, field: "开放限制截止日期") }
            } else {
                accession.accessNote = nil; accession.accessEndsOn = nil
            }
        }
        if let use = r.use {
            accession.useRestricted = use
            if use {
                guard let note = r.useNote.nonBlank ?? accession.useNote else {
                    throw LvzhiError.invalid("使用限制说明", "", "限制使用须写明理由", hint: "用 --use-note 写明，如 未经提供者同意不得出版")
                }
                accession.useNote = note
                accession.useEndsOn = try r.useEndsOn.map { try CalendarDate.parse($0, field: "使用限制截止日期") }
            } else {
                accession.useNote = nil; accession.useEndsOn = nil
            }
        }
    }
}
