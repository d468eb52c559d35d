import GRDB
import Testing
import LvzhiCore
@testable import LvzhiStorage

/// 全员入委 in the database: members follow their group; only the proposals and culture
/// committees draw, and a drawn member belongs to that committee alone.
@Suite("全员入委")
struct CommitteeAssignmentTests {
    @Test("委员随界别活动组进入专委会；对应办公室的组不属于任何专委会")
    func membersFollowTheirGroup() throws {
        let org = try TestOrganisation()
        try org.member("经济甲", sector: "经济界")
        try org.member("文艺乙", sector: "文化艺术界")
        let members = try MemberStore(host: org.host, context: org.admin).list(officeCode: "ordos")
        #expect(members.map(\.committee) == ["经济委员会", nil])
        let economy = try CommitteeStore(host: org.host, context: org.admin).list(officeCode: "ordos").first { $0.code == "economy" }
        #expect(economy?.memberCount == 1)
    }

    @Test("提案委、文史委可跨组选调；选调后只属于该专委会；可解除")
    func drawAndRelease() throws {
        let org = try TestOrganisation()
        let member = try org.member("经济甲", sector: "经济界")
        let committees = CommitteeStore(host: org.host, context: org.admin)
        try committees.draw(memberID: member.id!, committeeCode: "proposals")
        var view = try MemberStore(host: org.host, context: org.admin).show(id: member.id!)
        #expect(view.committee == "提案委员会")
        #expect(view.drawn)
        let counts = Dictionary(uniqueKeysWithValues: try committees.list(officeCode: "ordos").map { ($0.code, $0.memberCount) })
        #expect(counts["economy"] == 0)
        #expect(counts["proposals"] == 1)

        let before = try org.snapshot()
        let second = #expect(throws: LvzhiError.self) { try committees.draw(memberID: member.id!, committeeCode: "culture") }
        #expect(second?.code == .ruleViolation)
        #expect(try org.snapshot() == before)

        try committees.release(memberID: member.id!)
        view = try MemberStore(host: org.host, context: org.admin).show(id: member.id!)
        #expect(view.committee == "经济委员会")
        #expect(!view.drawn)
    }

    @Test("其他专委会不能选调，本组专委会无需选调")
    func otherCommitteesCannotDraw() throws {
        let org = try TestOrganisation()
        let culture = try org.member("文艺乙", sector: "文化艺术界")
        let party = try org.member("中共丙", sector: "中共")
        let committees = CommitteeStore(host: org.host, context: org.admin)
        let refused = #expect(throws: LvzhiError.self) { try committees.draw(memberID: culture.id!, committeeCode: "economy") }
        #expect(refused?.message.contains("全员入委") == true)
        #expect(throws: LvzhiError.self) { try committees.draw(memberID: party.id!, committeeCode: "proposals") }
        #expect(throws: LvzhiError.self) { try committees.release(memberID: party.id!) }
    }

    @Test("规则也由数据库守住：绕过程序直接改表同样被拒绝")
    func databaseEnforcesTheRule() throws {
        let org = try TestOrganisation()
        let member = try org.member("文艺乙", sector: "文化艺术界")
        let error = #expect(throws: DatabaseError.self) {
            try org.host.database.pool.write { db in
                try db.execute(sql: """
                    UPDATE members SET drawn_committee_id = (SELECT id FROM committees WHERE code = 'economy' AND office_id = members.office_id)
                    WHERE id = ?
                    """, arguments: [member.id])
            }
        }
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
        let other = #expect(throws: DatabaseError.self) {
            try org.host.database.pool.write { db in
                try db.execute(sql: """
                    UPDATE members SET drawn_committee_id = (SELECT c.id FROM committees c JOIN offices o ON o.id = c.office_id
                                                             WHERE c.code = 'proposals' AND o.code = 'dongsheng')
                    WHERE id = ?
                    """, arguments: [member.id])
            }
        }
        #expect(other?.resultCode == .SQLITE_CONSTRAINT)
    }
}
