import CLua
import CLuaShim
import Foundation
import LvzhiCore

/// A Swift function that Lua scripts can call. It reads its arguments and pushes its
/// results through ``LuaCall`` and returns how many results it pushed; a thrown error
/// becomes a Lua error *after* the Swift frame has returned (see `CLuaShim`).
public typealias HostFunction = (LuaCall) throws -> Int32

/// One Lua 5.4 state with its allocator bookkeeping and its host functions.
///
/// The state belongs to one run or one console session and is never shared between runs,
/// so nothing a script does (globals, the string metatable, library tables) can leak into
/// another. Only protected calls (`lua_pcall`) enter Lua from Swift.
public final class LuaState {
    /// The raw state. Use only functions that never raise (see ``LuaCall``).
    public let L: OpaquePointer
    /// Memory use, the cap, the stop flag: shared with the C allocator and hook.
    let runtime: UnsafeMutablePointer<lvz_runtime>
    /// The host functions pushed into this state, kept alive as long as it. Lua holds each
    /// one's address (a light userdata upvalue); a call reaches it without any lookup,
    /// retain or allocation.
    private var functions: [HostFunctionBox] = []
    /// The key strings of records pushed into this state (``LuaRecordEncoder``).
    let recordKeys = LuaRecordKeys()
    /// The encoder of records, reused from push to push (a nested push gets its own).
    private lazy var recordEncoder = LuaRecordEncoder(L: L, keys: recordKeys)

    /// A fresh state with the safe standard libraries open and a memory cap of `memoryCap`
    /// bytes (0: no cap).
    public init(memoryCap: Int = 0) throws {
        runtime = UnsafeMutablePointer<lvz_runtime>.allocate(capacity: 1)
        runtime.initialize(to: lvz_runtime())
        guard let state = lvz_newstate(runtime) else {
            runtime.deallocate()
            throw LvzhiError(.storage, "无法创建 Lua 运行环境（内存不足）")
        }
        L = state
        runtime.pointee.dispatch = { L, function in
            // The box outlives every call into it: no retain/release on the hot path.
            Unmanaged<HostFunctionBox>.fromOpaque(function!)._withUnsafeGuaranteedRef { $0.call(L!) }
        }
        runtime.pointee.context = Unmanaged.passUnretained(self).toOpaque()
        guard lvz_open_safe_libs(L) == LUA_OK, lvz_track_coroutines(L) == 1 else {
            lua_close(L)
            runtime.deallocate()
            throw LvzhiError(.storage, "无法打开 Lua 标准库")
        }
        runtime.pointee.cap = memoryCap
    }

    deinit {
        // Finalisers run at close with hooks off; the sandbox refuses __gc, so none is the script's.
        lua_sethook(L, nil, 0, 0)
        runtime.pointee.cap = 0
        lua_close(L)
        runtime.deallocate()
    }

    /// Bytes the state holds now, and at most so far.
    public var memoryUsed: Int { runtime.pointee.used }
    public var memoryPeak: Int { runtime.pointee.peak }

    /// The memory cap in bytes (0: none).
    public var memoryCap: Int {
        get { runtime.pointee.cap }
        set { runtime.pointee.cap = newValue }
    }

    /// Why the current run was stopped, if it was.
    public var stopReason: ScriptLimit? { ScriptLimit(code: runtime.pointee.stop_reason) }

    /// Registers `body` and pushes it onto the stack as a Lua function.
    /// - Parameter persistent: keep it working after the run that created it ends (only for
    ///   functions that hold nothing of the run, like `print`); others expire with their run.
    /// - Parameter onExpire: releases what the function holds (an iterator's cursor) when its run ends.
    /// - Parameter thread: the stack to push onto: the state's own (nil) or a coroutine's (a host
    ///   function called inside a coroutine returns its results on that coroutine's stack).
    public func pushFunction(persistent: Bool = false, onExpire: (() -> Void)? = nil, on thread: OpaquePointer? = nil,
                             _ body: @escaping HostFunction) {
        let box = HostFunctionBox(body, persistent: persistent, onExpire: onExpire)
        functions.append(box)
        lvz_push_host_function(thread ?? L, Unmanaged.passUnretained(box).toOpaque())
    }

    /// Pushes `value` onto `L` (this state or one of its coroutines) as Lua tables, with the
    /// fields `--json` shows (see ``LuaRecordEncoder``).
    /// How reports can show the record types pushed so far (``LuaRecordKeys/recordColumns``).
    var recordColumns: [RecordColumns] { recordKeys.recordColumns }

    func push<T: Encodable>(encoding value: T, on L: OpaquePointer) throws {
        let encoder = recordEncoder.busy ? LuaRecordEncoder(L: L, keys: recordKeys) : recordEncoder
        encoder.L = L
        encoder.busy = true
        defer { encoder.busy = false }
        let top = lua_gettop(L)
        do { try encoder.push(value) } catch { lua_settop(L, top); throw error }
    }

    /// How many host functions have been pushed so far (a mark for ``expireFunctions(from:)``).
    var functionCount: Int { functions.count }

    /// Makes the functions pushed since `mark` unusable (except persistent ones), releasing
    /// what they hold: a run's database cursors and transaction must not outlive it, even if
    /// the script kept a function in a variable (the console keeps its variables).
    func expireFunctions(from mark: Int) {
        for box in functions[mark...] where !box.persistent { box.expire() }
    }

    /// Asks the running script to stop for `limit`; safe from any thread.
    public func stop(_ limit: ScriptLimit) {
        lvz_stop(L, runtime, limit.code)
    }

    /// Starts an instruction budget (nil: none).
    func setInstructionBudget(_ count: Int?) {
        lvz_set_instruction_budget(L, runtime, Int64(count ?? 0))
    }

    /// Clears the stop state and the hook after a run, and lifts the cap so that the host can
    /// read the outcome.
    func resetAfterRun() {
        lua_sethook(L, nil, 0, 0)
        runtime.pointee.stop_reason = sig_atomic_t(LVZ_STOP_NONE)
        runtime.pointee.instructions_left = -1
    }

    /// The value at `index` as text, without running any metamethod of the script.
    public func rawText(at index: Int32) -> String {
        var length = 0
        guard let text = lvz_raw_text(L, index, &length) else { return "" }
        let result = String(decoding: UnsafeRawBufferPointer(start: text, count: length), as: UTF8.self)
        lvz_pop(L, 1)
        return result
    }

    /// The number of values on the stack.
    public var top: Int32 {
        get { lua_gettop(L) }
        set { lua_settop(L, newValue) }
    }
}

/// A host function as the C trampoline reaches it.
final class HostFunctionBox {
    let body: HostFunction
    let persistent: Bool
    private var alive = true
    private var onExpire: (() -> Void)?

    init(_ body: @escaping HostFunction, persistent: Bool, onExpire: (() -> Void)?) {
        self.body = body; self.persistent = persistent; self.onExpire = onExpire
    }

    /// Refuses further calls and releases what the function holds.
    func expire() {
        alive = false
        onExpire?()
        onExpire = nil
    }

    /// Runs the function; on error pushes the message and returns `LVZ_HOST_ERROR`, so that
    /// C raises it once this Swift frame is gone.
    @inline(__always)
    func call(_ L: OpaquePointer) -> Int32 {
        let call = LuaCall(L: L)
        guard alive else {
            call.push("这个函数属于已经结束的一次运行，不能再调用（控制台中请每次通过 lvzhi.… 重新取用）")
            return LVZ_HOST_ERROR
        }
        do {
            return try body(call)
        } catch let error as LvzhiError {
            call.push(error.hint.map { "\(error.message)（\($0)）" } ?? error.message)
        } catch {
            call.push("\(error)")
        }
        return LVZ_HOST_ERROR
    }
}
