import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Notices

/// The plugin contract end to end, through the built-in 通知公告 module: its own migration,
/// its permissions, per-office enablement, refusal while disabled, data kept, events.
@Suite("插件契约：通知公告模块")
final class NoticesModuleTests {
    let scratch: ScratchDatabase
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }

    init() throws {
        scratch = try ScratchDatabase(plugins: [NoticesPlugin.manifest], label: "notices")
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        try OfficeStore(host: host, context: admin).add(code: "dongsheng", name: "政协鄂尔多斯市东胜区委员会", parentCode: "ordos")
        try UserStore(host: host, context: admin).add(username: "staff", displayName: "工作人员", officeCode: "ordos", role: .staff)
        try UserStore(host: host, context: admin).add(username: "weiyuan", displayName: "委员", officeCode: "ordos", role: .member)
    }

    func notices(_ username: String = "staff") throws -> NoticeStore { NoticeStore(host: host, context: try host.context(for: username)) }
    func noticeRows() throws -> Int { try host.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notices") ?? 0 } }

    @Test("模块自带的迁移已执行，表已建好")
    func pluginMigrationRan() throws {
        #expect(try host.database.appliedMigrations().contains("notices.v1.create-notices"))
        #expect(try noticeRows() == 0)
    }

    @Test("未启用的模块拒绝一切操作，并说明如何启用")
    func disabledModuleRefuses() throws {
        let error = #expect(throws: LvzhiError.self) { try self.notices().publish(officeCode: "ordos", title: "通知", body: "") }
        #expect(error?.code == .moduleDisabled)
        #expect(error?.message.contains("notices") == true)
        #expect(error?.hint?.contains("lvzhi modules enable notices --office ordos") == true)
        #expect(throws: LvzhiError.self) { try self.notices().list(officeCode: "ordos") }
        #expect(try noticeRows() == 0)
    }

    @Test("按政协启用：市政协启用不等于东胜区启用")
    func enablementIsPerOffice() throws {
        try ModuleStore(host: host, context: admin).enable("notices", officeCode: "ordos")
        _ = try notices().publish(officeCode: "ordos", title: "关于召开全体会议的通知", body: "请准时参加")
        let error = #expect(throws: LvzhiError.self) { try self.notices().publish(officeCode: "dongsheng", title: "通知", body: "") }
        #expect(error?.code == .moduleDisabled)
        let status = try ModuleStore(host: host, context: admin).list(officeCode: "dongsheng")
        #expect(status.first { $0.id == "notices" }?.enabled == false)
    }

    @Test("停用不删除数据；停用期间拒绝；重新启用后数据仍在")
    func disablingKeepsData() throws {
        let modules = ModuleStore(host: host, context: admin)
        try modules.enable("notices", officeCode: "ordos")
        _ = try notices().publish(officeCode: "ordos", title: "关于报送履职情况的通知", body: "")
        try modules.disable("notices", officeCode: "ordos")
        #expect(try noticeRows() == 1)
        #expect(throws: LvzhiError.self) { try self.notices("weiyuan").list(officeCode: "ordos") }
        #expect(throws: LvzhiError.self) { try self.notices().withdraw(id: 1) }
        try modules.enable("notices", officeCode: "ordos")
        #expect(try notices("weiyuan").list(officeCode: "ordos").map(\.title) == ["关于报送履职情况的通知"])
    }

    @Test("模块权限：委员可读不可发；只有管理员能启停模块")
    func modulePermissions() throws {
        #expect(throws: LvzhiError.self) { try ModuleStore(host: self.host, context: self.host.context(for: "staff")).enable("notices", officeCode: "ordos") }
        try ModuleStore(host: host, context: admin).enable("notices", officeCode: "ordos")
        let denied = #expect(throws: LvzhiError.self) { try self.notices("weiyuan").publish(officeCode: "ordos", title: "x", body: "") }
        #expect(denied?.code == .permissionDenied)
        #expect(try notices("weiyuan").list(officeCode: "ordos").isEmpty)
        let unknown = #expect(throws: LvzhiError.self) { try ModuleStore(host: self.host, context: self.admin).enable("proposals", officeCode: "ordos") }
        #expect(unknown?.code == .notFound)
    }

    @Test("启停与发布都记入审计；事件在提交后送达，失败的操作不发事件")
    func auditAndEvents() throws {
        let received = EventLog()
        host.events.subscribe { received.append($0.name) }
        try ModuleStore(host: host, context: admin).enable("notices", officeCode: "ordos")
        let notice = try notices().publish(officeCode: "ordos", title: "关于召开常委会议的通知", body: "")
        #expect(throws: LvzhiError.self) { try self.notices("weiyuan").publish(officeCode: "ordos", title: "x", body: "") }
        #expect(received.names == ["module.enabled", "notices.published"])
        let actions = try host.read { db in
            try AuditRecord.filter(Column("entity") == "office_modules" || Column("entity") == "notices").order(Column("id")).fetchAll(db)
        }
        #expect(actions.map(\.action) == ["enable", "insert"])
        #expect(actions.last?.entityID == notice.id)
        #expect(actions.last?.username == "staff")
    }
}

/// Collects event names from the bus (which may call from any thread).
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ name: String) { lock.lock(); list.append(name); lock.unlock() }
    var names: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
