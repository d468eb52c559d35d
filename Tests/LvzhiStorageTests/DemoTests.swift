import Foundation
import Testing
import LvzhiCore
import LvzhiDemo
@testable import LvzhiStorage
import Notices

/// The demo builds a plausible, valid organisation through the real stores.
@Suite("演示数据")
struct DemoTests {
    @Test("名册生成：同名约 6%，蒙古族姓名约两成，手机号唯一，每个界别都有人")
    func rosterShape() {
        let roster = DemoRoster.generate(count: 300, sectors: DemoCatalog.sectors, seed: 7)
        #expect(roster.count == 300)
        let duplicateNames = Dictionary(grouping: roster, by: \.name).values.filter { $0.count > 1 }.count
        #expect((6...30).contains(duplicateNames))
        let mongolian = roster.filter { $0.ethnicity == "蒙古族" }.count
        #expect((30...100).contains(mongolian))
        #expect(Set(roster.map(\.mobile)).count == 300)
        #expect(Set(roster.map(\.sector)) == Set(DemoCatalog.sectors))
        #expect(DemoRoster.generate(count: 50, sectors: DemoCatalog.sectors, seed: 7) == Array(roster.prefix(50)))
    }

    @Test("lvzhi demo 生成十个政协；已有文件不覆盖")
    func demoDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        var builder = DemoBuilder(path: path, plugins: [NoticesPlugin.manifest])
        builder.cityMembers = 120
        let summary = try builder.build(replace: false)
        #expect(summary.offices.count == 10)
        #expect(summary.offices[0].members == 120)
        #expect(summary.offices.dropFirst().allSatisfy { (100...200).contains($0.members) })
        #expect(summary.drawnMembers > 0)
        #expect(summary.notices > 0)
        let error = #expect(throws: LvzhiError.self) { try builder.build(replace: false) }
        #expect(error?.hint?.contains("--force") == true)

        let host = try LvzhiHost(path: path, plugins: [NoticesPlugin.manifest])
        let admin = try host.context(for: "admin")
        let offices = try OfficeStore(host: host, context: admin).list()
        #expect(offices.map(\.name).contains("政协伊金霍洛旗委员会"))
        #expect(offices.filter { $0.depth == 1 }.count == 9)
        let district = try host.context(for: "dongsheng-admin")
        #expect(throws: LvzhiError.self) { try MemberStore(host: host, context: district).list(officeCode: "ordos") }
        #expect(try MemberStore(host: host, context: district).list(officeCode: "dongsheng").count == summary.offices[1].members)
    }
}
