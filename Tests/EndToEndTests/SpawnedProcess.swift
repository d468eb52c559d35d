import Foundation

/// `lvzhi` started with `posix_spawn` and reaped with `wait4`, as a shell starts a command:
/// SIGINT, SIGTERM and SIGHUP at their default actions and unblocked (whatever the test runner
/// itself ignores or blocks), standard output and error in files. `wait4` reports the peak
/// memory of this one process tree, which `Process` (it reaps its children itself) cannot.
final class SpawnedProcess {
    let pid: pid_t
    let outputPath: String
    let errorPath: String

    /// What the process left when it ended.
    struct Ending {
        /// The exit status, or 128 + N for a process ended by signal N.
        var status: Int32
        /// The signal that ended it, if one did.
        var signal: Int32?
        /// The peak resident set of the process and of every descendant it waited for (the
        /// script worker), in bytes (`ru_maxrss`).
        var peakResident: Int
    }

    /// Starts `lvzhi ARGUMENTS` against `cli`'s database.
    convenience init(_ arguments: [String], cli: CommandLineRunner) throws {
        try self.init(executable: CommandLineRunner.executable.path, arguments, cli: cli)
    }

    /// Starts `/bin/sh -c SCRIPT` with `$0` the `lvzhi` executable (the shell may `exec` it).
    static func shell(_ script: String, cli: CommandLineRunner) throws -> SpawnedProcess {
        try SpawnedProcess(executable: "/bin/sh", ["-c", script, CommandLineRunner.executable.path], cli: cli)
    }

    /// Starts `executable ARGUMENTS` against `cli`'s database.
    init(executable: String, _ arguments: [String], cli: CommandLineRunner) throws {
        let name = UUID().uuidString
        outputPath = cli.folder.appendingPathComponent("stdout-\(name).txt").path
        errorPath = cli.folder.appendingPathComponent("stderr-\(name).txt").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var environment = ProcessInfo.processInfo.environment
        environment["LVZHI_DB"] = cli.database
        environment.removeValue(forKey: "LVZHI_SCRIPT_WORKER")
        pid = try Self.spawn(executable, arguments, actions: &actions, environment: environment)
    }

    /// Starts `executable ARGUMENTS` as a shell starts a command: SIGINT, SIGTERM, SIGHUP and SIGPIPE
    /// at their default actions and no signal blocked, whatever the test runner ignores or blocks;
    /// `flags` adds spawn flags (a new session for a terminal). Returns the process id.
    static func spawn(_ executable: String, _ arguments: [String], actions: inout posix_spawn_file_actions_t,
                      environment: [String: String], flags: Int32 = 0) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | flags))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        return pid
    }

    /// Runs `lvzhi ARGUMENTS` to its end.
    static func run(_ arguments: [String], cli: CommandLineRunner) throws -> (ending: Ending, stdout: String, stderr: String) {
        let process = try SpawnedProcess(arguments, cli: cli)
        let ending = try process.wait()
        return (ending, process.stdout, process.stderr)
    }

    /// Waits for the process to end and reaps it.
    func wait() throws -> Ending {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        let signal = status & 0x7f
        return Ending(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, signal: signal == 0 ? nil : signal,
                      peakResident: Int(usage.ru_maxrss) * 1024)
    }

    /// What it has written to standard output so far.
    var stdout: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    /// What it has written to standard error so far.
    var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
}
