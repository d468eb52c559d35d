import CLua
import CLuaShim
import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import LvzhiScript

/// `lvzhi.members.each` and `list` push rows straight into Lua (``LuaMemberStream``); the tables
/// must be exactly what the encoder makes of the member's view (what `--json` shows).
@Suite("委员直接成表")
struct MemberStreamTests {
    let scratch: ScratchDatabase

    /// An office with a group linked to a committee, a group without one, a drawing committee,
    /// and members with every kind of value: nil fields, roles with escapes, drawn or not.
    init() throws {
        scratch = try ScratchDatabase(plugins: [], label: "member-stream")
        try scratch.office("ordos", "政协鄂尔多斯市委员会", term: 5)
        let admin = scratch.admin
        try CommitteeStore(host: scratch.host, context: admin).add(officeCode: "ordos", code: "proposals", name: "提案委员会", drawsFromOtherGroups: true)
        try CommitteeStore(host: scratch.host, context: admin).add(officeCode: "ordos", code: "economy", name: "经济委员会")
        try ActivityGroupStore(host: scratch.host, context: admin).add(officeCode: "ordos", name: "第一组", committeeCode: "economy")
        try ActivityGroupStore(host: scratch.host, context: admin).add(officeCode: "ordos", name: "第三组")
        try SectorStore(host: scratch.host, context: admin).add(officeCode: "ordos", name: "经济界", groupName: "第一组")
        try SectorStore(host: scratch.host, context: admin).add(officeCode: "ordos", name: "文化艺术界", groupName: "第三组")
        let members = MemberStore(host: scratch.host, context: admin)
        _ = try members.add(officeCode: "ordos", MemberInput(name: "张伟", gender: "男", ethnicity: "汉族", birthDate: "1970-01-02", sector: "经济界",
                                                             party: "民盟", roles: "常委、召集人", mobile: "13912345678", email: "a@b.cn", address: "康巴什区"))
        _ = try members.add(officeCode: "ordos", MemberInput(name: "乌兰", gender: "女", sector: "文化艺术界"))
        _ = try members.add(officeCode: "ordos", MemberInput(name: "其木格", gender: "女", ethnicity: "蒙古族", sector: "经济界", mobile: "13800000000"))
        try scratch.host.write(as: admin) { tx in
            // Drawn into the proposals committee; roles with characters JSON escapes; no group at all.
            try tx.db.execute(sql: "UPDATE members SET drawn_committee_id = (SELECT id FROM committees WHERE code = 'proposals') WHERE name = '乌兰'")
            try tx.db.execute(sql: "UPDATE members SET roles = ? WHERE name = '其木格'", arguments: [JSONObjectText.array(["引号\"", "换行\n", ""])])
            try tx.db.execute(sql: "UPDATE members SET group_id = NULL WHERE name = '其木格'")
        }
        try scratch.user("staff", .staff, in: "ordos")
    }

    /// Every member as the stream pushes it and as the encoder pushes its view, for `context`.
    func compare(as context: AccessContext) throws -> Int {
        let state = try LuaState()
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        let call = LuaCall(L: state.L)
        return try scratch.host.read { db in
            let views = try Array(MemberStore.cursor(officeCode: "ordos", filter: MemberFilter(), context: context, db: db))
            let stream = LuaMemberStream(try MemberStore.rows(officeCode: "ordos", filter: MemberFilter(), context: context, db: db), state: state, state.L)
            for view in views {
                #expect(try stream.pushNext(state.L))
                let streamed = ScriptValue.read(state.L, -1)
                try call.push(encoding: view)
                let encoded = ScriptValue.read(state.L, -1)
                lua_settop(state.L, 0)
                #expect(streamed.sortedKeys == encoded.sortedKeys, "\(streamed)\n—\n\(encoded)")
                #expect(streamed.sortedKeys == (try JSONReference.value(of: view)).sortedKeys)
            }
            #expect(try !stream.pushNext(state.L), "到头")
            #expect(lua_gettop(state.L) == 0)
            return views.count
        }
    }

    @Test("与编码器给出的委员视图逐字段相同：管理员（含联系方式）与工作人员（不含）")
    func sameAsEncoder() throws {
        #expect(try compare(as: scratch.admin) == 3)
        #expect(try compare(as: try scratch.context("staff")) == 3)
    }

    @Test("职务数据不是 lvzhi 写入的：清楚的错误，栈恢复原状")
    func unreadableRoles() throws {
        try scratch.host.write(as: scratch.admin) { tx in try tx.db.execute(sql: "UPDATE members SET roles = '{坏}' WHERE name = '乌兰'") }
        let state = try LuaState()
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        try scratch.host.read { db in
            let stream = LuaMemberStream(try MemberStore.rows(officeCode: "ordos", filter: MemberFilter(), context: scratch.admin, db: db), state: state, state.L)
            #expect(try stream.pushNext(state.L))
            lua_settop(state.L, 0)
            let error = #expect(throws: LvzhiError.self) { try stream.pushNext(state.L) }
            #expect(error?.message.contains("职务数据无法读取：{坏}") == true)
            #expect(lua_gettop(state.L) == 0)
        }
    }
}
