import GRDB
import Testing
import LvzhiCore
@testable import LvzhiStorage

/// Every write lands in the audit trail in the same transaction; refused writes leave none.
@Suite("审计日志")
struct AuditTrailTests {
    @Test("每次写入都有审计记录：谁、何时、哪个政协、什么、前后对比")
    func everyWriteIsAudited() throws {
        let org = try TestOrganisation()
        let staff = try org.user("staff", .staff, in: "ordos")
        let entriesBefore = try org.count("audit_log")
        let member = try org.member("巴特尔", as: staff)
        try CommitteeStore(host: org.host, context: staff).draw(memberID: member.id!, committeeCode: "proposals")
        let entries = try org.host.read { db in
            try AuditRecord.filter(Column("id") > entriesBefore).order(Column("id")).fetchAll(db)
        }
        #expect(entries.map(\.action) == ["insert", "draw"])
        #expect(entries.allSatisfy { $0.username == "staff" && $0.entity == "members" && $0.entityID == member.id })
        #expect(entries[0].before == nil)
        #expect(entries[0].after?.contains("巴特尔") == true)
        #expect(entries[1].before?.contains("\"drawn_committee_id\"") == false)
        #expect(entries[1].after?.contains("\"drawn_committee_id\"") == true)
        let office = try org.host.read { db in try Office.find(code: "ordos", db: db) }
        #expect(entries.allSatisfy { $0.officeID == office.id })
        #expect(entries.allSatisfy { Timestamp.parse($0.at) != nil })
    }

    @Test("被拒绝的操作不留下任何记录（包括审计）")
    func refusedWritesLeaveNothing() throws {
        let org = try TestOrganisation()
        let reader = try org.user("reader", .member, in: "ordos")
        let before = try org.snapshot()
        #expect(throws: LvzhiError.self) { try org.member("越权", as: reader) }
        #expect(throws: LvzhiError.self) { try SectorStore(host: org.host, context: org.admin).add(officeCode: "ordos", name: "经济界") }
        #expect(try org.snapshot() == before)
    }

    @Test("审计日志只能追加，不能修改或删除")
    func auditLogIsAppendOnly() throws {
        let org = try TestOrganisation()
        #expect(throws: DatabaseError.self) { try org.host.database.pool.write { db in try db.execute(sql: "UPDATE audit_log SET username = 'x'") } }
        #expect(throws: DatabaseError.self) { try org.host.database.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") } }
    }

    @Test("按政协（含下级）和日期筛选审计记录；只有管理员可查")
    func auditListing() throws {
        let org = try TestOrganisation()
        try org.member("东胜委员", office: "dongsheng")
        let audit = AuditStore(host: org.host, context: org.admin)
        let district = try audit.list(AuditFilter(officeCode: "dongsheng"))
        let city = try audit.list(AuditFilter(officeCode: "ordos", limit: 10_000))
        #expect(district.contains { $0.entity == "members" })
        #expect(city.count > district.count)
        #expect(try audit.list(AuditFilter(since: "2099-01-01")).isEmpty)
        #expect(throws: LvzhiError.self) { try audit.list(AuditFilter(since: "2024-02-30")) }
        let staff = try org.user("staff", .staff, in: "ordos")
        let denied = #expect(throws: LvzhiError.self) { try AuditStore(host: org.host, context: staff).list(AuditFilter(officeCode: "ordos")) }
        #expect(denied?.code == .permissionDenied)
    }
}
