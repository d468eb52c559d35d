import CLuaShim

/// The limits a run can hit, with the Chinese message that names each.
public enum ScriptLimit: Sendable, Equatable {
    case timeout
    case instructions
    case memory
    case interrupt

    init?(code: sig_atomic_t) {
        switch Int(code) {
        case LVZ_STOP_TIMEOUT: self = .timeout
        case LVZ_STOP_INSTRUCTIONS: self = .instructions
        case LVZ_STOP_MEMORY: self = .memory
        case LVZ_STOP_INTERRUPT: self = .interrupt
        default: return nil
        }
    }

    var code: Int32 {
        switch self {
        case .timeout: Int32(LVZ_STOP_TIMEOUT)
        case .instructions: Int32(LVZ_STOP_INSTRUCTIONS)
        case .memory: Int32(LVZ_STOP_MEMORY)
        case .interrupt: Int32(LVZ_STOP_INTERRUPT)
        }
    }
}

/// The limits of one run, with their defaults.
public struct ScriptLimits: Sendable {
    /// Wall-clock limit in seconds (nil: none). Default for `run` and `eval`: 30 s.
    public var timeout: Double?
    /// Memory cap in bytes (nil: none). Default: 256 MB.
    public var maxMemory: Int?
    /// Instruction budget (nil: none, the default: a count hook costs about 2× on tight loops).
    public var maxInstructions: Int?

    /// The least heap SQLite is given in a worker, whatever `--max-memory` says: its page
    /// caches and schema need a few megabytes before any script runs.
    public static let minimumSQLiteHeap = 16 << 20

    /// The cap on SQLite's heap in the script worker (`sqlite3_hard_heap_limit64`): the
    /// memory cap, but at least ``minimumSQLiteHeap``; nil when there is no memory cap.
    public var sqliteHeapLimit: Int? {
        maxMemory.map { Swift.max($0, Self.minimumSQLiteHeap) }
    }

    public static let defaultTimeout = 30.0
    public static let defaultMaxMemoryMB = 256

    public init(timeout: Double? = ScriptLimits.defaultTimeout, maxMemory: Int? = ScriptLimits.defaultMaxMemoryMB << 20, maxInstructions: Int? = nil) {
        self.timeout = timeout; self.maxMemory = maxMemory; self.maxInstructions = maxInstructions
    }

    /// The Chinese message for a run stopped by `limit`.
    public func message(for limit: ScriptLimit) -> String {
        switch limit {
        case .timeout:
            return "脚本运行超过时间限制（\(Self.seconds(timeout ?? 0)) 秒），已停止；本次运行的所有修改均已撤销（可用 --timeout 调整）"
        case .instructions:
            return "脚本执行的指令数超过上限（\(maxInstructions ?? 0) 条），已停止；本次运行的所有修改均已撤销（可用 --max-instructions 调整）"
        case .memory:
            return "脚本使用的内存超过上限（\((maxMemory ?? 0) >> 20) MB），已停止；本次运行的所有修改均已撤销（可用 --max-memory 调整）"
        case .interrupt:
            return "脚本已被中断；本次运行的所有修改均已撤销"
        }
    }

    public static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
