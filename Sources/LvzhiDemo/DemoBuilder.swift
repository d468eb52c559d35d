import Archive
import Foundation
import LvzhiCore
import LvzhiStorage
import Notices
import Proposals

/// Builds the demo database behind `lvzhi demo`: the Ordos city committee and its nine
/// districts and banners, with terms, committees, activity groups, sectors, handling units,
/// invented members, users, a few notices and the city's year of proposals (``DemoProposalYear``).
///
/// Everything goes through the same stores, permission checks and audit trail as real work
/// (members arrive through ``RosterImport``, exactly as an office's CSV would), so the demo
/// also exercises the platform end to end.
public struct DemoBuilder {
    /// What the demo contains, for the summary `lvzhi demo` prints.
    public struct Summary: Sendable, Codable {
        /// Per office: code, name, number of members.
        public var offices: [OfficeCount]
        public var committees: Int
        public var groups: Int
        public var sectors: Int
        public var handlingUnits: Int
        public var users: [String]
        public var notices: Int
        /// Proposals of the city by status (暂存, 已立案 …).
        public var proposals: [String: Int]
        /// The city's year of proposals in detail (nil when the proposals module is not registered).
        public var proposalYear: DemoProposalSummary?
        /// The city's archive (文史资料).
        public var archive: DemoArchiveSummary?
        public var drawnMembers: Int
        /// Names that occur more than once among the city's members.
        public var duplicateNamesInCity: Int
        public var auditEntries: Int

        /// The members of all offices together.
        public var totalMembers: Int { offices.reduce(0) { $0 + $1.members } }
    }

    /// One office of the summary.
    public struct OfficeCount: Sendable, Codable {
        public var code: String
        public var name: String
        public var members: Int
    }

    /// The modules the demo fills: notices and proposals.
    public static let plugins: [PluginManifest] = [NoticesPlugin.manifest, ProposalsPlugin.manifest, ArchivePlugin.manifest]

    public let path: String
    public let plugins: [PluginManifest]
    /// Seed of the invented names: the same seed, the same demo.
    public var seed: UInt64 = 20_260_122
    /// Number of city members (districts get 100–200 each).
    public var cityMembers = 300

    /// A builder for the database at `path` with the modules `plugins` registered.
    public init(path: String, plugins: [PluginManifest]) {
        self.path = path
        self.plugins = plugins
    }

    /// The default folder of the archive's digital files beside the database (`demo.sqlite` → `demo-文史资料文件`).
    var archiveFolder: String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-文史资料文件").path
    }

    /// Builds the demo.
    /// - Parameters:
    ///   - replace: delete an existing file at `path` first; without it an existing file is refused.
    ///   - progress: called with a line of Chinese text at each step.
    public func build(replace: Bool, progress: (String) -> Void = { _ in }) throws -> Summary {
        let files = [path, path + "-wal", path + "-shm"]
        if FileManager.default.fileExists(atPath: path) {
            guard replace else {
                throw LvzhiError(.conflict, "文件「\(path)」已存在，演示数据不会写入已有数据库",
                                 hint: "换一个路径，或加 --force 删除该文件后重建")
            }
            for file in files where FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
            // The archive's digital files of the old demo (the default folder beside the database).
            if FileManager.default.fileExists(atPath: archiveFolder) { try FileManager.default.removeItem(atPath: archiveFolder) }
        }
        do {
            return try populate(progress: progress)
        } catch {
            // A half-built demo is of no use to anyone: leave nothing behind.
            for file in files { try? FileManager.default.removeItem(atPath: file) }
            try? FileManager.default.removeItem(atPath: archiveFolder)
            throw error
        }
    }

    private func populate(progress: (String) -> Void) throws -> Summary {
        let host = try LvzhiHost(path: path, plugins: plugins, create: true)
        _ = try UserStore.bootstrap(host: host)
        let admin = try host.context(for: UserStore.bootstrapUsername)
        let offices = OfficeStore(host: host, context: admin)
        var counts: [OfficeCount] = []
        var summary = Summary(offices: [], committees: 0, groups: 0, sectors: 0, handlingUnits: 0, users: [],
                              notices: 0, proposals: [:], drawnMembers: 0, duplicateNamesInCity: 0, auditEntries: 0)

        for (index, spec) in DemoCatalog.offices.enumerated() {
            let isCity = index == 0
            progress("[\(index + 1)/\(DemoCatalog.offices.count)] \(spec.name)")
            _ = try offices.add(code: spec.code, name: spec.name, parentCode: isCity ? nil : DemoCatalog.city.code)
            try addTerm(spec, isCity: isCity, host: host, admin: admin)
            let committees = isCity ? DemoCatalog.committees : DemoCatalog.districtCommittees
            let groups = isCity ? DemoCatalog.groups : DemoCatalog.districtGroupSpecs
            let sectors = isCity ? DemoCatalog.sectors : DemoCatalog.districtSectors
            let units = isCity ? DemoCatalog.handlingUnits : DemoCatalog.districtHandlingUnits(for: spec)
            let committeeStore = CommitteeStore(host: host, context: admin)
            for committee in committees {
                try committeeStore.add(officeCode: spec.code, code: committee.code, name: committee.name,
                                       drawsFromOtherGroups: committee.drawsFromOtherGroups)
            }
            for group in groups {
                try ActivityGroupStore(host: host, context: admin).add(officeCode: spec.code, name: group.name, committeeCode: group.committeeCode)
            }
            var groupOfSector: [String: String] = [:]
            for group in groups { for sector in group.sectors { groupOfSector[sector] = group.name } }
            for sector in sectors {
                try SectorStore(host: host, context: admin).add(officeCode: spec.code, name: sector, groupName: groupOfSector[sector])
            }
            for unit in units {
                try HandlingUnitStore(host: host, context: admin).add(officeCode: spec.code, name: unit.name, kind: unit.kind)
            }
            summary.committees += committees.count
            summary.groups += groups.count
            summary.sectors += sectors.count
            summary.handlingUnits += units.count

            let count = isCity ? cityMembers : 100 + Int((seed &+ UInt64(index) &* 37) % 101)
            var roster = DemoRoster.generate(count: count, sectors: sectors, seed: seed &+ UInt64(index))
            Self.appointConveners(&roster, groups: groups)
            if isCity { Self.appointLeaders(&roster) }
            let csv = DemoRoster.csv(roster)
            let outcome = try RosterImport(host: host, context: admin).run(
                data: Data(csv.utf8), source: "\(spec.code)-名册.csv", officeCode: spec.code)
            counts.append(OfficeCount(code: spec.code, name: spec.name, members: outcome.imported))
            if isCity {
                summary.duplicateNamesInCity = Dictionary(grouping: roster, by: \.name).values.filter { $0.count > 1 }.count
            }
            summary.drawnMembers += try drawMembers(office: spec.code, groups: groups, host: host, admin: admin)
        }
        summary.offices = counts

        progress("用户、模块与通知公告")
        summary.users = try addUsers(host: host, admin: admin)
        summary.notices = try publishNotices(host: host, admin: admin)
        if plugins.contains(where: { $0.id == ProposalsPlugin.id }) {
            progress("提案：五届五次会议以来的一年")
            let year = try DemoProposalYear(host: host, admin: admin, seed: seed).build()
            summary.proposalYear = year
            summary.proposals = Dictionary(uniqueKeysWithValues: year.byStatus.compactMap { key, value in
                ProposalStatus(rawValue: key).map { ($0.title, value) }
            })
        }
        if plugins.contains(where: { $0.id == ArchivePlugin.id }) {
            progress("文史资料：征集、接收登记、著录（含四份原始文件）、口述史、编审、出版、展陈")
            summary.archive = try DemoArchive(host: host, admin: admin).build()
        }
        summary.auditEntries = try host.read { db in try AuditRecord.fetchCount(db) }
        return summary
    }

    /// The current term with its plenary sessions: the city's 第五届 (since January 2022),
    /// Kangbashi's 第二届 and the others' 第十一届, one four-day session each January
    /// (the city's 五届五次会议: 2026-01-08 to 2026-01-11).
    private func addTerm(_ spec: DemoCatalog.OfficeSpec, isCity: Bool, host: LvzhiHost, admin: AccessContext) throws {
        let terms = TermStore(host: host, context: admin)
        let number = isCity ? 5 : (spec.code == "kangbashi" ? 2 : 11)
        _ = try terms.add(officeCode: spec.code, number: number, startsOn: "2022-01-06")
        for session in 1...5 {
            let opens = String(format: "%04d-01-%02d", 2021 + session, 6 + session % 3)
            _ = try terms.addSession(officeCode: spec.code, termNumber: number, number: session, opensOn: opens,
                                     closesOn: CalendarDate.adding(days: 3, to: opens))
        }
    }

    /// Marks one member of each activity group as its convener (召集人) and one as deputy.
    static func appointConveners(_ roster: inout [DemoMemberSpec], groups: [DemoCatalog.GroupSpec]) {
        for group in groups {
            let indices = roster.indices.filter { group.sectors.contains(roster[$0].sector) }
            if let first = indices.first { roster[first].roles.append("召集人") }
            if indices.count > 1 { roster[indices[1]].roles.append("副召集人") }
        }
    }

    /// The city's chairman's meeting (主席会议): one 主席, six 副主席 and one 秘书长, all standing-committee
    /// members; they supervise the key proposals.
    static func appointLeaders(_ roster: inout [DemoMemberSpec]) {
        let roles = ["主席", "副主席", "副主席", "副主席", "副主席", "副主席", "副主席", "秘书长"]
        for (offset, role) in roles.enumerated() {
            let index = 3 + offset * 13
            guard index < roster.count else { break }
            roster[index].roles = [role] + (roster[index].roles.contains("常委") ? [] : ["常委"]) + roster[index].roles
        }
    }

    /// Draws a few members of other groups into the committees that may draw (全员入委).
    private func drawMembers(office: String, groups: [DemoCatalog.GroupSpec], host: LvzhiHost, admin: AccessContext) throws -> Int {
        let committees = CommitteeStore(host: host, context: admin)
        let committeeList = try committees.list(officeCode: office)
        var drawn = 0
        for (code, step) in [("proposals", 41), ("culture", 53)] {
            guard let target = committeeList.first(where: { $0.code == code }) else { continue }
            let members = try MemberStore(host: host, context: admin).list(officeCode: office)
            var index = 7
            var taken = 0
            while index < members.count, taken < 4 {
                let member = members[index]
                if !member.drawn, member.committee != target.name {
                    try committees.draw(memberID: member.id, committeeCode: code)
                    taken += 1
                }
                index += step
            }
            drawn += taken
        }
        return drawn
    }

    /// Users of every role: a city staff member and archivist, an administrator per district,
    /// a member, and a handling unit.
    private func addUsers(host: LvzhiHost, admin: AccessContext) throws -> [String] {
        let users = UserStore(host: host, context: admin)
        let city = DemoCatalog.city.code
        var names: [String] = []
        try users.add(username: "wang.mishu", displayName: "王秘书（市政协办公室）", officeCode: city, role: .staff)
        try users.add(username: "li.wenshi", displayName: "李档案（文化文史和学习委员会）", officeCode: city, role: .archivist)
        names += ["wang.mishu", "li.wenshi"]
        let firstMember = try MemberStore(host: host, context: admin).list(officeCode: city).first!
        try users.add(username: "weiyuan", displayName: "\(firstMember.name)（委员）", officeCode: city, role: .member, memberID: firstMember.id)
        try users.add(username: "fagai", displayName: "市发展和改革委员会", officeCode: city, role: .handlingUnit,
                      handlingUnitName: "市发展和改革委员会")
        names += ["weiyuan", "fagai"]
        for district in DemoCatalog.districts {
            let username = "\(district.code)-admin"
            try users.add(username: username, displayName: "\(district.shortName)管理员", officeCode: district.code, role: .administrator)
            names.append(username)
        }
        return names
    }

    /// Enables the notices module for the city and two districts and publishes notices there.
    private func publishNotices(host: LvzhiHost, admin: AccessContext) throws -> Int {
        let modules = ModuleStore(host: host, context: admin)
        let staff = try host.context(for: "wang.mishu")
        var published = 0
        for office in [DemoCatalog.city.code, "dongsheng", "kangbashi"] where plugins.contains(where: { $0.id == NoticesPlugin.id }) {
            try modules.enable(NoticesPlugin.id, officeCode: office)
            let titles = office == DemoCatalog.city.code ? DemoCatalog.noticeTitles : Array(DemoCatalog.noticeTitles.prefix(3))
            for title in titles {
                let body = "各位委员：\n\(title.replacingOccurrences(of: "关于", with: "现就").replacingOccurrences(of: "的通知", with: "")) 有关事项通知如下，请按时参加（报送）。\n\n联系电话：0477-8588000"
                _ = try NoticeStore(host: host, context: office == DemoCatalog.city.code ? staff : admin)
                    .publish(officeCode: office, title: title, body: body)
                published += 1
            }
        }
        return published
    }
}
