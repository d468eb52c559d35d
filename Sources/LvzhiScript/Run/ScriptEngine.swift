import CLua
import CLuaShim
import Foundation
import LvzhiCore
import LvzhiStorage

/// Runs Lua chunks in one sandboxed state under the limits of a run.
///
/// Each chunk gets a fresh environment (see ``SandboxPrelude``) holding the `lvzhi` API the
/// caller pushes and the script's arguments in `arg`. Time is watched by a ``Watchdog``
/// that arms the stop hook at the deadline; memory by the state's allocator; instructions,
/// if asked, by a count hook.
public final class ScriptEngine {
    public let state: LuaState
    public let limits: ScriptLimits
    /// Where `print` writes (one line per call).
    public var output: (String) -> Void

    private static let makeEnvKey = "lvzhi.make_env"
    private static let persistentEnvKey = "lvzhi.console_env"

    /// A new engine: a fresh state with the sandbox prelude loaded.
    public init(limits: ScriptLimits = ScriptLimits(), output: @escaping (String) -> Void = { print($0) }) throws {
        self.limits = limits
        self.output = output
        state = try LuaState(memoryCap: limits.maxMemory ?? 0)
        let L = state.L
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        lua_pushcclosure(L, lvz_is_stopped, 0)
        lua_setglobal(L, "__lvz_stopped")
        let prelude = SandboxPrelude.source
        guard prelude.withCString({ lvz_load_text(L, $0, strlen($0), "=沙箱") }) == LUA_OK,
              lvz_pcall_traceback(L, 0, 1) == LUA_OK else {
            let message = state.rawText(at: -1)
            throw LvzhiError(.storage, "Lua 沙箱初始化失败：\(message)")
        }
        lua_setfield(L, lvz_registryindex(), Self.makeEnvKey)
    }

    /// Runs `source` as the chunk `chunkName` (shown in messages as `chunkName:LINE:`),
    /// with `api` pushing the `lvzhi` table and `arguments` in `arg`. Returns what the chunk returned.
    /// - Throws: ``LvzhiError`` `scriptError` with `FILE:LINE: message` and the traceback, or
    ///   `limitExceeded` naming the limit.
    /// - Parameter persistent: keep the environment for the next persistent run (the console:
    ///   variables survive from line to line; `lvzhi` and `help` are replaced each time).
    /// - Parameter globals: extra variables of the script's environment (`event` for handlers).
    public func run(source: String, chunkName: String, arguments: [String] = [], persistent: Bool = false,
                    globals: [String: ScriptValue] = [:], api: (LuaCall) throws -> Void) throws -> [LuaValue] {
        let L = state.L
        let base = lua_gettop(L)
        let mark = state.functionCount
        defer {
            lua_settop(L, base)
            state.expireFunctions(from: mark)
        }

        // Compile (text only) and build the environment, outside the limits.
        lvz_enter_host(state.runtime)
        var loaded = source.withCString { lvz_load_text(L, $0, strlen($0), "@" + chunkName) }
        if loaded != LUA_OK {
            lvz_leave_host(state.runtime)
            throw Self.failure(state.rawText(at: -1), traceback: [])
        }
        lua_getfield(L, lvz_registryindex(), Self.persistentEnvKey)
        let reuse = persistent && lua_type(L, -1) == LUA_TTABLE
        if reuse {
            // The console's environment: refresh `lvzhi` and `help` for this line's transaction.
            do {
                let call = LuaCall(L: L)
                let before = lua_gettop(L)
                try api(call)
                while lua_gettop(L) < before + 2 { call.pushNil() }
                // Raw sets: the script may have given its environment a metatable.
                for key in ["help", "lvzhi"] {
                    call.push(key)
                    lua_rotate(L, -2, 1)
                    lua_rawset(L, before)
                }
            } catch {
                lvz_leave_host(state.runtime)
                throw error
            }
            lvz_leave_host(state.runtime)
        } else {
            lvz_pop(L, 1)
            lua_getfield(L, lvz_registryindex(), Self.makeEnvKey)
            do {
                let call = LuaCall(L: L)
                let before = lua_gettop(L)
                try api(call)
                // The API pushes the `lvzhi` table and, optionally, `help`.
                while lua_gettop(L) < before + 2 { call.pushNil() }
                call.newTable(array: Int32(arguments.count), fields: 0)
                for (index, argument) in arguments.enumerated() {
                    call.append(at: Int64(index + 1)) { call.push(argument) }
                }
                let output = self.output
                state.pushFunction(persistent: true) { call in
                    output(call.string(1) ?? "")
                    return 0
                }
            } catch {
                lvz_leave_host(state.runtime)
                throw error
            }
            loaded = lvz_pcall_traceback(L, 4, 1)
            lvz_leave_host(state.runtime)
            guard loaded == LUA_OK else { throw LvzhiError(.storage, "无法建立脚本环境：\(state.rawText(at: -1))") }
            // The environment's `print` joins its arguments with tostring inside Lua (hooks apply).
            installPrint(L)
            if persistent {
                lua_pushvalue(L, -1)
                lua_setfield(L, lvz_registryindex(), Self.persistentEnvKey)
            }
        }
        if !globals.isEmpty {
            lvz_enter_host(state.runtime)
            let call = LuaCall(L: L)
            for (name, value) in globals.sorted(by: { $0.key < $1.key }) {
                call.push(name)
                call.push(value: value)
                lua_rawset(L, -3)
            }
            lvz_leave_host(state.runtime)
        }
        _ = lua_setupvalue(L, -2, 1)  // the chunk's _ENV

        // Run under the limits.
        let watchdog = limits.timeout.map { seconds in
            let target = UncheckedState(state: state)
            return Watchdog(seconds: seconds) { target.state.stop(.timeout) }
        }
        state.setInstructionBudget(limits.maxInstructions)
        let status = lvz_pcall_traceback(L, 0, LUA_MULTRET)
        watchdog?.cancel()
        let stopped = state.stopReason
        state.resetAfterRun()

        if let stopped {
            throw LvzhiError(.limitExceeded, limits.message(for: stopped))
        }
        guard status == LUA_OK else {
            let text = state.rawText(at: -1)
            let lines = text.components(separatedBy: "\n")
            let traceback = LuaTraceback.translated(Array(lines.dropFirst()))
            throw Self.failure(lines.first ?? text, traceback: traceback)
        }
        var results: [LuaValue] = []
        let top = lua_gettop(L)
        if top > base {
            for index in (base + 1)...top { results.append(LuaValue.read(L, index)) }
        }
        return results
    }

    /// Wraps the host print function (on top of the stack, inside the env table below the
    /// chunk) so that Lua formats the values: the env is on top; replace env.print.
    private func installPrint(_ L: OpaquePointer) {
        // The prelude set env.print to the raw host function; make it format like Lua's print.
        lua_getfield(L, -1, "print")
        let source = """
            local write, tostring, select, concat = ...
            return function(...)
              local parts = {}
              for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
              write(concat(parts, "\\t"))
            end
            """
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        _ = source.withCString { lvz_load_text(L, $0, strlen($0), "=print") }
        lua_rotate(L, -2, 1)  // chunk, write
        lua_getfield(L, -3, "tostring")
        lua_getfield(L, -4, "select")
        lua_getfield(L, -5, "table")
        lua_getfield(L, -1, "concat")
        lua_rotate(L, -2, -1)
        lvz_pop(L, 1)
        if lvz_pcall_traceback(L, 4, 1) == LUA_OK {
            lua_setfield(L, -2, "print")
        } else {
            lvz_pop(L, 1)
        }
    }

    /// A script's error for a person: Lua's English put in Chinese (``LuaMessage``), and the
    /// sandbox's own frames left out of the traceback (they are the platform's, not the script's).
    static func failure(_ message: String, traceback: [String]) -> LvzhiError {
        LvzhiError(.scriptError, LuaMessage.translated(message), details: traceback.filter { !$0.contains("沙箱:") })
    }
}

/// Lets the watchdog thread reach the state; safe because it only calls ``LuaState/stop(_:)``,
/// which is async-safe, and never after the run has cancelled it.
private struct UncheckedState: @unchecked Sendable {
    // Unowned: the watchdog must never be what keeps a state (and its cursors) alive.
    unowned(unsafe) let state: LuaState
}

extension ScriptEngine {
    /// The syntax error of `source`, or nil when it compiles. Nothing runs.
    public func syntaxError(of source: String) -> String? {
        let L = state.L
        lvz_enter_host(state.runtime)
        defer { lvz_leave_host(state.runtime) }
        let status = source.withCString { lvz_load_text(L, $0, strlen($0), "=console") }
        if status == LUA_OK { lvz_pop(L, 1); return nil }
        return state.rawText(at: -1)
    }

    /// The string keys of the table reached by `path` from the console's environment
    /// (`[]`: the globals; `["lvzhi"]`: the API tables), read raw. For tab completion.
    public func names(at path: [String]) -> [String] {
        let L = state.L
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        lua_getfield(L, lvz_registryindex(), "lvzhi.console_env")
        for key in path {
            guard lua_type(L, -1) == LUA_TTABLE else { return [] }
            LuaCall(L: L).push(key)
            lua_rawget(L, -2)
        }
        guard lua_type(L, -1) == LUA_TTABLE else { return [] }
        var names: [String] = []
        let call = LuaCall(L: L)
        lua_pushnil(L)
        while lua_next(L, -2) != 0 {
            if lua_type(L, -2) == LUA_TSTRING, let name = call.string(-2) { names.append(name) }
            lvz_pop(L, 1)
        }
        return names.sorted()
    }
}
