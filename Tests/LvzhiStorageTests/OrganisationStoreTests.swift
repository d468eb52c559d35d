import Foundation
import GRDB
import Testing
import LvzhiCore
@testable import LvzhiStorage

/// Offices, roles inherited down the office tree, members and their contact details.
@Suite("组织与权限")
struct OrganisationStoreTests {
    @Test("政协组织是一棵树；代码唯一；上级必须存在")
    func officeTree() throws {
        let org = try TestOrganisation()
        let offices = OfficeStore(host: org.host, context: org.admin)
        let list = try offices.list()
        #expect(list.map(\.code) == ["ordos", "dongsheng"])
        #expect(list.map(\.depth) == [0, 1])
        #expect(list[1].parentCode == "ordos")
        let before = try org.snapshot()
        let duplicate = #expect(throws: LvzhiError.self) { try offices.add(code: "ordos", name: "重复") }
        #expect(duplicate?.code == .conflict)
        let orphan = #expect(throws: LvzhiError.self) { try offices.add(code: "kbs", name: "康巴什区政协", parentCode: "nowhere") }
        #expect(orphan?.message.contains("nowhere") == true)
        #expect(throws: LvzhiError.self) { try offices.add(code: "Bad Code", name: "x", parentCode: "ordos") }
        #expect(try org.snapshot() == before)
    }

    @Test("在上级政协授予的角色在下级政协同样有效，反之不然")
    func rolesInheritDownTheTree() throws {
        let org = try TestOrganisation()
        let cityStaff = try org.user("city.staff", .staff, in: "ordos")
        let districtAdmin = try org.user("ds.admin", .administrator, in: "dongsheng")
        try org.member("东胜委员", office: "dongsheng", as: cityStaff)
        try org.member("东胜委员二", office: "dongsheng", as: districtAdmin)
        let before = try org.snapshot()
        let error = #expect(throws: LvzhiError.self) { try org.member("越权", office: "ordos", as: districtAdmin) }
        #expect(error?.code == .permissionDenied)
        #expect(error?.message.contains("ds.admin") == true)
        #expect(error?.hint?.contains("lvzhi user grant") == true)
        #expect(try org.snapshot() == before)
    }

    @Test("委员角色只能查看，不能登记；没有角色的政协什么也看不到")
    func memberRoleReadsOnly() throws {
        let org = try TestOrganisation()
        let reader = try org.user("weiyuan", .member, in: "dongsheng")
        try org.member("甲", office: "dongsheng")
        #expect(try MemberStore(host: org.host, context: reader).list(officeCode: "dongsheng").count == 1)
        #expect(throws: LvzhiError.self) { try org.member("乙", office: "dongsheng", as: reader) }
        let denied = #expect(throws: LvzhiError.self) { try MemberStore(host: org.host, context: reader).list(officeCode: "ordos") }
        #expect(denied?.code == .permissionDenied)
        #expect(throws: LvzhiError.self) { try OfficeStore(host: org.host, context: reader).add(code: "x1", name: "x") }
    }

    @Test("联系方式只有管理员可见")
    func contactDetailsForAdministratorsOnly() throws {
        let org = try TestOrganisation()
        let member = try org.member("巴特尔", mobile: "13904770001")
        let staff = try org.user("staff", .staff, in: "ordos")
        let cityAdmin = try org.user("city.admin", .administrator, in: "ordos")
        #expect(try MemberStore(host: org.host, context: cityAdmin).show(id: member.id!).mobile == "13904770001")
        #expect(try MemberStore(host: org.host, context: staff).show(id: member.id!).mobile == nil)
        #expect(try MemberStore(host: org.host, context: staff).list(officeCode: "ordos").allSatisfy { $0.mobile == nil })
    }

    @Test("委员视图逐列读取：与先解码为委员记录所得相同（职务、选调、联系方式、空值）")
    func viewSameAsRecord() throws {
        let org = try TestOrganisation()
        let store = MemberStore(host: org.host, context: org.admin)
        _ = try store.add(officeCode: "ordos", MemberInput(name: "其其格", gender: "女", ethnicity: "蒙古族", birthDate: "1975-03-12",
                                                            sector: "文化艺术界", party: "民盟", roles: "常委、召集人", mobile: "13904770002",
                                                            email: "q@example.cn", address: "康巴什区"))
        _ = try store.add(officeCode: "ordos", MemberInput(name: "乌兰", gender: "女", sector: "经济界"))
        for view in try store.list(officeCode: "ordos") {
            let member = try #require(try org.host.read { db in try Member.fetchOne(db, key: view.id) })
            #expect(view.name == member.name && view.gender == member.gender && view.ethnicity == member.ethnicity)
            #expect(view.birthDate == member.birthDate && view.party == member.party && view.roles == member.roles)
            #expect(view.mobile == member.mobile && view.email == member.email && view.address == member.address)
            #expect(view.drawn == (member.drawnCommitteeID != nil) && view.term == "第五届" && view.office == "ordos")
        }
        #expect(try store.list(officeCode: "ordos").map(\.roles) == [["常委", "召集人"], []])
    }

    @Test("同名委员是常态：身份不靠姓名")
    func sameNameMembers() throws {
        let org = try TestOrganisation()
        let first = try org.member("张伟", sector: "经济界")
        let second = try org.member("张伟", sector: "中共")
        #expect(first.id != second.id)
        let found = try MemberStore(host: org.host, context: org.admin).list(officeCode: "ordos", filter: MemberFilter(name: "张伟"))
        #expect(found.map(\.sector).sorted() == ["中共", "经济界"])
    }

    @Test("委员登记：所有错误字段一次列出，且不写入")
    func memberAddReportsEveryField() throws {
        let org = try TestOrganisation()
        let before = try org.snapshot()
        let error = #expect(throws: LvzhiError.self) {
            try MemberStore(host: org.host, context: org.admin).add(officeCode: "ordos", MemberInput(
                name: "李四", gender: "未知", birthDate: "1970-02-30", sector: "外星界", mobile: "12345"))
        }
        let text = error.map { ([$0.message] + $0.details).joined(separator: "\n") } ?? ""
        for value in ["未知", "1970-02-30", "外星界", "12345"] { #expect(text.contains(value), "应提到 \(value)") }
        #expect(try org.snapshot() == before)
    }

    @Test("数据库位置：--db 优先，其次 LVZHI_DB，最后 ./lvzhi.sqlite；不存在的文件不会被悄悄创建")
    func databaseLocation() throws {
        #expect(DatabaseLocation.resolve(explicit: "a.sqlite", environment: ["LVZHI_DB": "b.sqlite"]) == "a.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["LVZHI_DB": "b.sqlite"]) == "b.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: [:]) == "lvzhi.sqlite")
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).sqlite").path
        let error = #expect(throws: LvzhiError.self) { try LvzhiHost(path: missing, plugins: []) }
        #expect(error?.message.contains(missing) == true)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("数据库：WAL 模式、外键开启、迁移按模块命名")
    func storageSettings() throws {
        let org = try TestOrganisation()
        let (mode, foreignKeys) = try org.host.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        let migrations = try org.host.database.appliedMigrations()
        #expect(migrations.contains("core.v1.create-organisation"))
        #expect(migrations.contains("notices.v1.create-notices"))
    }
}
