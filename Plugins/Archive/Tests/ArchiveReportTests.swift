import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// The archivists' reports.
@Suite("文史资料：报表")
final class ArchiveReportTests {
    let f: ArchiveFixture
    init() throws { f = try ArchiveFixture(label: "archive-reports") }

    @Test("接收登记簿（注销的记为已注销）、整理积压、限制即将到期、委员提供资料、馆藏分布")
    func reports() throws {
        let today = Timestamp.todayInBeijing()
        let a = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "甲", receivedOn: "2026-01-02", acquisition: "捐赠",
                                                                                                     sourceMemberIDs: [f.members[1]]), tx: tx) }
        let b = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "乙", receivedOn: "2025-06-01", acquisition: "寄存",
            restriction: RestrictionInput(use: true, useNote: "寄存人保留出版权", useEndsOn: CalendarDate.adding(days: 20, to: today))), tx: tx) }
        _ = try f.write { tx in try AccessionStore.setProcessing(id: a.id!, .processed, tx: tx) }
        try f.unit("件", "A-1", "甲之一", accession: a.id).id
        let office = try f.read { _, db in try Office.find(code: "ordos", db: db) }

        let register = try f.read { c, db in try ArchiveReports.register(office: office, year: 2026, context: c, db: db) }
        #expect(register.map(\.number) == ["2026-0001"] && register[0].sources == "乌云" && register[0].units == 1)
        let backlog = try f.read { c, db in try ArchiveReports.backlog(office: office, context: c, db: db) }
        #expect(backlog.map(\.number) == [b.number])
        let ending = try f.read { c, db in try ArchiveReports.restrictionsEnding(office: office, within: nil, context: c, db: db) }
        #expect(ending.map(\.kind) == ["使用限制"] && ending[0].daysLeft == 20)
        #expect(try f.read { c, db in try ArchiveReports.restrictionsEnding(office: office, within: 10, context: c, db: db) }.isEmpty)
        let members = try f.read { c, db in try ArchiveReports.members(office: office, year: nil, context: c, db: db) }
        #expect(members.map(\.member) == ["乌云"] && members[0].accessions == 1)
        let locations = try f.read { c, db in try ArchiveReports.locations(office: office, context: c, db: db) }
        #expect(locations.map(\.total) == [1])
        #expect(throws: LvzhiError.self) { try self.f.read("weiyuan") { c, db in try ArchiveReports.register(office: office, year: nil, context: c, db: db) } }

        // A deaccessioned accession is 已注销 in the register (CLI and Lua alike), and in no processing status.
        let gone = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "丙", receivedOn: "2026-03-01", acquisition: "寄存"), tx: tx) }
        _ = try f.write { tx in try AccessionStore.deaccession(id: gone.id!, reason: "退还寄存人", tx: tx) }
        let row = try f.read { c, db in try ArchiveReports.register(office: office, year: 2026, context: c, db: db) }.first { $0.number == gone.number }
        #expect(row?.processing == "已注销（\(today)）")
        let unprocessed = try f.read { c, db in try AccessionStore.list(officeCode: "ordos", status: .unprocessed, context: c, db: db) }
        #expect(unprocessed.map(\.number) == [b.number])
    }
}
