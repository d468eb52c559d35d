import Foundation

/// `lvzhi` run at a real terminal: a pseudo-terminal whose slave side is the process's standard
/// input, output and error and its controlling terminal (a new session), as a terminal emulator
/// or tmux starts it. What a test writes is typed (`\u{3}` is Ctrl-C, which the terminal turns
/// into SIGINT; `\u{4}` is Ctrl-D); what the program prints is read back from the master side.
/// Piped input cannot show what only a terminal does: line editing, multibyte keystrokes, Ctrl-C.
final class TerminalSession {
    let pid: pid_t
    private let master: Int32
    /// Everything the terminal has shown so far (input echo included), `\r\n` as `\n`.
    private(set) var screen = ""

    /// Starts `lvzhi ARGUMENTS` against `cli`'s database, with `environment` changes applied
    /// (a nil value removes the variable) and HOME in the test's folder (for the history file).
    init(_ arguments: [String], cli: CommandLineRunner, environment changes: [String: String?] = [:]) throws {
        // posix_openpt, unlockpt and ptsname are not in Swift's Glibc module: their Linux equivalents.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.TIOCSPTLCK, &unlock) == 0, ioctl(master, Self.TIOCGPTN, &number) == 0 else {
            throw POSIXError(.ENXIO)
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (POSIX_SPAWN_SETSID): the first terminal a session leader opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var environment = ProcessInfo.processInfo.environment
        environment["LVZHI_DB"] = cli.database
        environment["HOME"] = cli.folder.path
        environment["TERM"] = "xterm"
        environment.removeValue(forKey: "LVZHI_SCRIPT_WORKER")
        for (key, value) in changes { environment[key] = value }
        do {
            pid = try SpawnedProcess.spawn(CommandLineRunner.executable.path, arguments, actions: &actions,
                                           environment: environment, flags: Self.POSIX_SPAWN_SETSID)
        } catch {
            close(master)
            throw error
        }
    }

    // Linux values of macros Swift does not import (asm-generic/ioctls.h, glibc's spawn.h).
    private static let TIOCGPTN: UInt = 0x8004_5430
    private static let TIOCSPTLCK: UInt = 0x4004_5431
    private static let POSIX_SPAWN_SETSID: Int32 = 0x80

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
        close(master)
    }

    /// Types `keys` at the terminal.
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Waits until the screen, after position `from`, shows `text`; returns the screen's length
    /// after it (the next `from`). Throws when `seconds` pass first or the program ends.
    @discardableResult
    func waitFor(_ text: String, after from: Int = 0, seconds: Double = 60) throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let tail = String(screen.dropFirst(from))
            if let range = tail.range(of: text) {
                return from + tail.distance(from: tail.startIndex, to: range.upperBound)
            }
            guard Date() < deadline, readSome(until: deadline) else {
                throw Failure(message: "终端上等不到「\(text)」；屏幕内容：\n\(screen)")
            }
        }
    }

    /// Waits for `prompt` after `from`, then until the terminal is out of canonical mode, that is,
    /// until the line editor is reading keys (keys typed before it does would reach the terminal's
    /// own line discipline, which discards them on Ctrl-C); returns the next `from`.
    @discardableResult
    func waitForPrompt(_ prompt: String = "> ", after from: Int = 0, seconds: Double = 60) throws -> Int {
        let next = try waitFor(prompt, after: from, seconds: seconds)
        try waitForLineEditor(seconds: seconds)
        return next
    }

    /// Waits until the terminal is out of canonical mode: the line editor reads keys.
    func waitForLineEditor(seconds: Double = 60) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var settings = termios()
        while Date() < deadline {
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            _ = readSome(until: Date().addingTimeInterval(0.01))
        }
        throw Failure(message: "行编辑器没有开始读键；屏幕内容：\n\(screen)")
    }

    /// Types Ctrl-C until `text` shows after `from` (at most five times, a few seconds apart) and
    /// returns the next `from`. At the prompt a Ctrl-C that lands while libedit is between
    /// setting up the terminal and reading (a window of microseconds) is only noted, as a person
    /// would see: nothing happens, and pressing it again works.
    @discardableResult
    func interrupt(until text: String, after from: Int) throws -> Int {
        for attempt in 1...5 {
            type("\u{3}")
            do { return try waitFor(text, after: from, seconds: attempt == 5 ? 60 : 3) } catch where attempt < 5 { continue }
        }
        throw Failure(message: "Ctrl-C 之后等不到「\(text)」；屏幕内容：\n\(screen)")
    }

    /// Waits for the program to end; its exit status, or 128 + N when signal N ended it.
    func waitForExit(seconds: Double = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            _ = readSome(until: Date().addingTimeInterval(0.05))
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
        }
        throw Failure(message: "程序在 \(seconds) 秒内没有结束；屏幕内容：\n\(screen)")
    }

    /// Reads what is there (waiting at most until `deadline`); false when nothing more can come.
    private func readSome(until deadline: Date) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
        guard poll(&poller, 1, milliseconds) > 0 else { return Date() < deadline }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }   // EIO: the slave side is closed (the program ended)
        screen += String(decoding: buffer[0..<count], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return true
    }

    /// A terminal session that did not show what the test waited for.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
