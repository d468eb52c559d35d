import CLua
import CLuaShim
import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// Builds the `lvzhi` table of one run from the script modules: the core's tables, and each
/// plugin's table when its module is enabled for the office. A module that is not enabled is
/// absent, and touching it says 模块未启用; an unknown name says so too.
public struct ScriptAPIBinder {
    public let modules: [ScriptModule]
    public let session: ScriptSession

    public init(modules: [ScriptModule], session: ScriptSession) {
        self.modules = modules
        self.session = session
    }

    /// The modules this run gets (core tables and enabled plugins), and the names of the
    /// registered plugin tables it does not get.
    func partition() throws -> (present: [ScriptModule], disabled: [String: String]) {
        var present: [ScriptModule] = []
        var disabled: [String: String] = [:]
        for module in modules {
            if let moduleID = module.moduleID,
               try !ModuleStore.isEnabled(moduleID, officeID: session.office.id!, db: session.tx.db) {
                disabled[module.name] = moduleID
            } else {
                present.append(module)
            }
        }
        return (present, disabled)
    }

    /// Pushes the `lvzhi` table and the `help` function onto the stack of `call`.
    public func push(_ call: LuaCall) throws {
        let (present, disabled) = try partition()
        let state = call.state
        let session = self.session
        let L = call.L
        // The help texts, keyed by the tables and functions themselves.
        call.newTable(array: 0, fields: 0)
        let helpIndex = lua_gettop(L)
        call.newTable(array: 0, fields: Int32(present.count + 2))
        call.set("office") { Self.pushOffice(session.office, call) }
        call.set("user") {
            call.newTable(array: 0, fields: 3)
            call.set("username", session.context.user.username)
            call.set("display_name", session.context.user.displayName)
            call.set("superuser", session.context.user.isSuperuser)
        }
        for module in present {
            call.set(module.name) {
                call.newTable(array: 0, fields: Int32(module.functions.count))
                for function in module.functions {
                    call.set(function.name) {
                        let body = function.body
                        let parameters = function.parameters
                        state.pushFunction { call in
                            var call = call
                            call.parameters = parameters
                            do {
                                try call.check(parameters)
                                // Database errors reach the script as the same Chinese messages the CLI prints.
                                return try LvzhiHost.translatingErrors { try body(session, call) }
                            } catch let error as LvzhiError where error.code == .limitExceeded {
                                // SQLite at its heap limit (or a value past its length limit): the
                                // run stops as when Lua itself runs out of its memory cap.
                                call.state.stop(.memory)
                                throw error
                            }
                        }
                        Self.record(L, helpIndex, ScriptAPIDocs.functionHelp(module, function))
                    }
                }
                Self.record(L, helpIndex, ScriptAPIDocs.moduleHelp(module))
            }
        }
        // Metatable: unknown or disabled names raise a clear error; the table is locked.
        call.newTable(array: 0, fields: 2)
        call.set("__metatable", "locked")
        let officeName = session.office.name
        let officeCode = session.office.code
        call.set("__index") {
            state.pushFunction { call in
                let key = call.string(2) ?? call.value(2).kindForMessage
                if let moduleID = disabled[key] {
                    throw LvzhiError(.moduleDisabled, "模块未启用：「\(moduleID)」在「\(officeName)」未启用，lvzhi.\(key) 不可用",
                                     hint: "管理员可执行 lvzhi modules enable \(moduleID) --office \(officeCode)")
                }
                throw LvzhiError(.notFound, "lvzhi 中没有「\(key)」", hint: "用 help() 查看可用的接口")
            }
        }
        lua_setmetatable(call.L, -2)
        // help(x): the text recorded for x, or the overview.
        let source = """
            local texts, overview = ...
            return function(x)
              if x == nil then return overview end
              return texts[x] or "没有这一项的说明；help() 列出全部接口"
            end
            """
        _ = source.withCString { lvz_load_text(L, $0, strlen($0), "=help") }
        lua_pushvalue(L, helpIndex)
        call.push(ScriptAPIDocs.overview(present))
        guard lvz_pcall_traceback(L, 2, 1) == LUA_OK else { throw LvzhiError(.storage, "无法建立 help()") }
        lua_rotate(L, helpIndex, -1)  // move the texts table to the top, then drop it: [lvzhi, help]
        lvz_pop(L, 1)
    }

    /// texts[value on top] = text (the value stays on top).
    static func record(_ L: OpaquePointer, _ helpIndex: Int32, _ text: String) {
        lua_pushvalue(L, -1)
        LuaCall(L: L).push(text)
        lua_rawset(L, helpIndex)
    }

    /// An office as a table: `{id, code, name}`.
    static func pushOffice(_ office: Office, _ call: some ScriptCall) {
        call.newTable(array: 0, fields: 3)
        call.set("id", office.id!)
        call.set("code", office.code)
        call.set("name", office.name)
    }
}
