import GRDB
import LvzhiCore
import LvzhiStorage

/// Persons and organisations, and their links to accessions and units in a role.
public enum AgentStore {
    /// Adds an agent; `memberID` links it to one of the office's members.
    public static func add(officeCode: String, kind: String, name: String, memberID: Int64? = nil, dates: String? = nil,
                           notes: String? = nil, tx: AuditedTransaction) throws -> ArchiveAgent {
        let office = try Office.authorized(code: officeCode, tx.context, ArchivePlugin.manage, db: tx.db)
        guard let kind = ArchiveAgent.kinds.first(where: { $0.key == kind || $0.value == kind })?.key else {
            throw LvzhiError.invalid("类型", kind, "应为 个人 或 机构（person、organisation）")
        }
        guard let name = name.nonBlank else { throw LvzhiError.invalid("名称", name, "不能为空") }
        if let memberID {
            let member = try Member.find(id: memberID, db: tx.db)
            guard member.officeID == office.id else { throw LvzhiError.invalid("委员", "ID \(memberID)", "不是「\(office.name)」的委员") }
            guard kind == "person" else { throw LvzhiError.invalid("委员", "ID \(memberID)", "只有个人可以关联委员") }
        }
        var agent = ArchiveAgent(officeID: office.id, kind: kind, name: name, memberID: memberID, dates: dates.nonBlank, notes: notes.nonBlank,
                                 createdAt: Timestamp.now())
        try tx.insert(&agent)
        return agent
    }

    /// The agent linked to member `memberID`, created (as a person) when there is none yet.
    static func agent(forMember memberID: Int64, office: Office, tx: AuditedTransaction) throws -> ArchiveAgent {
        if let found = try ArchiveAgent.filter(Column("office_id") == office.id && Column("member_id") == memberID).fetchOne(tx.db) { return found }
        let member = try Member.find(id: memberID, db: tx.db)
        var agent = ArchiveAgent(officeID: office.id, kind: "person", name: member.name, memberID: memberID, notes: "本政协委员", createdAt: Timestamp.now())
        try tx.insert(&agent)
        return agent
    }

    /// Links agent `agentID` in `role` to accession `accessionID` or unit `unitID` (exactly one).
    @discardableResult
    public static func link(agentID: Int64, role: AgentRole, accessionID: Int64? = nil, unitID: Int64? = nil, tx: AuditedTransaction) throws -> AgentLink {
        let agent = try ArchiveAgent.find(id: agentID, db: tx.db)
        let office = try Office.find(id: agent.officeID!, db: tx.db)
        try AccessGate.authorize(tx.context, ArchivePlugin.manage, in: office, db: tx.db)
        guard (accessionID == nil) != (unitID == nil) else { throw LvzhiError.invalid("关联对象", "", "须且只能指定一个接收登记或著录条目") }
        if let accessionID, try Accession.find(id: accessionID, db: tx.db).officeID != office.id {
            throw LvzhiError.invalid("接收登记", "ID \(accessionID)", "不属于「\(office.name)」")
        }
        if let unitID, try DescriptionUnit.find(id: unitID, db: tx.db).officeID != office.id {
            throw LvzhiError.invalid("著录条目", "ID \(unitID)", "不属于「\(office.name)」")
        }
        let exists = try AgentLink.filter(Column("agent_id") == agentID && Column("role") == role.rawValue
                                          && Column("accession_id") == accessionID && Column("unit_id") == unitID).fetchOne(tx.db)
        if let exists { return exists }
        var link = AgentLink(agentID: agentID, role: role, accessionID: accessionID, unitID: unitID)
        try tx.insert(&link)
        if let memberID = agent.memberID, role == .source || role == .narrator, let accessionID {
            let accession = try Accession.find(id: accessionID, db: tx.db)
            try DutyRecordStore.append(memberID: memberID, kind: role == .source ? ArchivePlugin.Duty.contributed : ArchivePlugin.Duty.narrated,
                                       title: accession.title, entity: Accession.databaseTableName, entityID: accessionID,
                                       occurredOn: accession.receivedOn, tx: tx)
        }
        return link
    }

    /// The office's agents, by name (filtered by a part of the name).
    public static func list(officeCode: String, name: String? = nil, context: AccessContext, db: Database) throws -> [ArchiveAgent] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.read, db: db)
        var request = ArchiveAgent.filter(Column("office_id") == office.id)
        if let name { request = request.filter(Column("name").like("%\(name)%")) }
        return try request.order(Column("id")).fetchAll(db)
    }

    /// The agents of accession `accessionID` or unit `unitID`, with their roles.
    public static func links(accessionID: Int64? = nil, unitID: Int64? = nil, db: Database) throws -> [(agent: ArchiveAgent, role: AgentRole)] {
        try AgentLink.filter(Column("accession_id") == accessionID && Column("unit_id") == unitID).order(Column("id")).fetchAll(db).map {
            (try ArchiveAgent.find(id: $0.agentID, db: db), $0.role)
        }
    }
}
