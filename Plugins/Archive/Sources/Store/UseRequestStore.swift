import GRDB
import LvzhiCore
import LvzhiStorage

/// A request as listed: with the unit, when the reader may see it.
public struct UseRequestSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var unitID: Int64
    public var referenceCode: String?
    public var title: String?
    public var kind: String
    public var kindTitle: String
    public var purpose: String
    public var applicant: String
    public var onBehalf: Bool
    public var requestedBy: String
    public var requestedAt: String
    public var status: String
    public var statusTitle: String
    public var decidedBy: String?
    public var decidedAt: String?
    public var decisionNote: String?
}

/// Copy and use requests (复制 / 利用). A member or staff asks for a unit they may see; an
/// archivist may also register a request for someone outside (`applicant`). An archivist
/// approves or refuses it: approval is refused under the rules of ``UnitUse`` (classified,
/// 不开放, deaccessioned, an access restriction; for 复制 a use restriction or an oral history
/// without consent), and for 控制 or 内部 material it must state its basis. Whoever asked sees
/// their own requests; archivists see all; nobody approves their own request.
public enum UseRequestStore {
    /// Files a request to copy or use unit `unitID`. `applicant` registers it for someone else (archivists only).
    public static func request(unitID: Int64, kind: String, purpose: String, applicant: String? = nil, tx: AuditedTransaction) throws -> UseRequest {
        let (unit, office) = try ArchiveAccess.unit(unitID, context: tx.context, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.contribute, in: office, db: tx.db)
        let kind = try UseKind.parse(kind)
        guard let purpose = purpose.nonBlank else {
            throw LvzhiError.invalid("用途", purpose, "须写明用途", hint: "如 编写《准格尔旗志》引用、学术研究、家属留存")
        }
        let use = try UnitUse.of(unit, db: tx.db)
        if use.classified || unit.openness == "不开放" || use.deaccessioned, let refusal = use.refusal(kind == .copy ? .copy : .consult) {
            throw refusal
        }
        var name: String
        var memberID: Int64?
        let onBehalf = applicant.nonBlank != nil
        if let other = applicant.nonBlank {
            guard try AccessGate.allows(tx.context, ArchivePlugin.manage, in: office, db: tx.db) else {
                throw LvzhiError(.permissionDenied, "只有文史工作人员可以代他人登记申请", hint: "去掉 --for，以您本人的名义申请")
            }
            name = other
        } else {
            name = tx.context.user.displayName
            if let id = tx.context.user.memberID, let member = try Member.fetchOne(tx.db, key: id), member.officeID == office.id {
                memberID = id
                name = member.name
            }
        }
        let duplicate = try UseRequest.filter(Column("unit_id") == unitID && Column("kind") == kind.rawValue && Column("status") == UseRequestStatus.pending.rawValue
                                              && Column("requested_by") == tx.context.user.username && Column("applicant") == name).fetchOne(tx.db)
        if let duplicate {
            throw LvzhiError(.conflict, "已有一件相同的\(kind.title)申请（ID \(duplicate.id!)）在等待审批")
        }
        var request = UseRequest(officeID: office.id, unitID: unitID, kind: kind, purpose: purpose, applicant: name, onBehalf: onBehalf,
                                 memberID: memberID, requestedBy: tx.context.user.username, requestedAt: Timestamp.now(), status: .pending)
        try tx.insert(&request)
        tx.emit(DomainEvent(name: "archive.use_requested", officeID: office.id, entity: UseRequest.databaseTableName, entityID: request.id))
        return request
    }

    /// Approves request `id`; `note` states the basis (required for 控制 and 内部 material).
    public static func approve(id: Int64, note: String? = nil, tx: AuditedTransaction) throws -> UseRequest {
        let (request, office) = try pending(id, tx: tx)
        if request.requestedBy == tx.context.user.username, !request.onBehalf {
            throw LvzhiError(.ruleViolation, "不能审批自己提出的申请（ID \(id)）", hint: "请另一位文史工作人员审批")
        }
        let unit = try DescriptionUnit.find(id: request.unitID, db: tx.db)
        let use = try UnitUse.of(unit, db: tx.db)
        if let refusal = use.refusal(request.kind == .copy ? .copy : .consult) { throw refusal }
        if use.needsBasis, note.nonBlank == nil {
            throw LvzhiError.invalid("审批依据", "", "\(use.name)为「\(unit.secrecy)」「\(unit.openness)」，同意\(request.kind.title)须写明依据",
                                     hint: "用 --note 写明，如 经分管副主席批准、依据《文史资料利用办法》第五条")
        }
        var updated = request
        updated.status = .approved
        updated.decidedBy = tx.context.user.username
        updated.decidedAt = Timestamp.now()
        updated.decisionNote = note.nonBlank
        try tx.update(updated, from: request, action: "approve")
        tx.emit(DomainEvent(name: "archive.use_approved", officeID: office.id, entity: UseRequest.databaseTableName, entityID: id))
        return updated
    }

    /// Refuses request `id`, saying why.
    public static func refuse(id: Int64, note: String?, tx: AuditedTransaction) throws -> UseRequest {
        let (request, office) = try pending(id, tx: tx)
        guard let note = note.nonBlank else { throw LvzhiError.invalid("理由", "", "不同意须写明理由", hint: "用 --note 写明") }
        var updated = request
        updated.status = .refused
        updated.decidedBy = tx.context.user.username
        updated.decidedAt = Timestamp.now()
        updated.decisionNote = note
        try tx.update(updated, from: request, action: "refuse")
        tx.emit(DomainEvent(name: "archive.use_refused", officeID: office.id, entity: UseRequest.databaseTableName, entityID: id))
        return updated
    }

    /// The office's requests `context` may see (archivists: all; others: their own), newest first.
    public static func list(officeCode: String, status: UseRequestStatus? = nil, context: AccessContext, db: Database) throws -> [UseRequestSummary] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.contribute, db: db)
        var request = UseRequest.filter(Column("office_id") == office.id)
        if try !AccessGate.allows(context, ArchivePlugin.manage, in: office, db: db) {
            request = request.filter(Column("requested_by") == context.user.username)
        }
        if let status { request = request.filter(Column("status") == status.rawValue) }
        let seesAll = try ArchiveAccess.seesAll(context, office: office, db: db)
        return try request.order(Column("id").desc).fetchAll(db).map { try summary($0, seesAll: seesAll, db: db) }
    }

    /// Request `id`, if `context` may see it (one's own, or any for archivists); otherwise not found.
    public static func find(_ id: Int64, context: AccessContext, db: Database) throws -> UseRequestSummary {
        let notFound = LvzhiError.notFound("复制利用申请", "ID \(id)", hint: "用 lvzhi archive request list --office 代码 查看您的申请")
        guard let request = try UseRequest.fetchOne(db, key: id) else { throw notFound }
        let office = try Office.find(id: request.officeID!, db: db)
        try AccessGate.authorize(context, ArchivePlugin.contribute, in: office, db: db)
        guard try request.requestedBy == context.user.username || AccessGate.allows(context, ArchivePlugin.manage, in: office, db: db) else { throw notFound }
        return try summary(request, seesAll: ArchiveAccess.seesAll(context, office: office, db: db), db: db)
    }

    static func pending(_ id: Int64, tx: AuditedTransaction) throws -> (UseRequest, Office) {
        let request = try UseRequest.find(id: id, db: tx.db)
        let office = try Office.find(id: request.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        guard request.status == .pending else {
            throw LvzhiError(.ruleViolation, "申请 \(id) 已审批（\(request.status.title)，\(request.decidedBy ?? "")）", hint: "需要时请申请人重新申请")
        }
        return (request, office)
    }

    static func summary(_ r: UseRequest, seesAll: Bool, db: Database) throws -> UseRequestSummary {
        let unit = try DescriptionUnit.find(id: r.unitID, db: db)
        let visible = try seesAll || ArchiveAccess.isOpen(unit, db: db)
        return UseRequestSummary(id: r.id!, unitID: r.unitID, referenceCode: visible ? unit.referenceCode : nil, title: visible ? unit.title : nil,
                                 kind: r.kind.rawValue, kindTitle: r.kind.title, purpose: r.purpose, applicant: r.applicant, onBehalf: r.onBehalf,
                                 requestedBy: r.requestedBy, requestedAt: r.requestedAt, status: r.status.rawValue, statusTitle: r.status.title,
                                 decidedBy: r.decidedBy, decidedAt: r.decidedAt, decisionNote: r.decisionNote)
    }
}
