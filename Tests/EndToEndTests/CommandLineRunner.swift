import Foundation

/// Runs the real `lvzhi` binary in a child process against a database in a fresh temporary folder.
final class CommandLineRunner {
    /// What one run printed and returned.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: URL
    let database: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("lvzhi.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The built executable: beside the test bundle, else in the package's `.build/debug`.
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lvzhi")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/lvzhi")
    }()

    /// Runs `lvzhi ARGUMENTS` with `LVZHI_DB` set to this runner's database.
    @discardableResult
    func run(_ arguments: [String], user: String? = nil, input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LVZHI_DB"] = database
        environment["LVZHI_USER"] = user
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A runner whose database holds the city office `ordos`, its fifth term, the sector
    /// 经济界 and one member (张伟, ID 1), followed by `more` commands.
    static func withOrganisation(_ more: [[String]] = []) throws -> CommandLineRunner {
        let cli = try CommandLineRunner()
        for arguments in [
            ["init"], ["office", "add", "ordos", "政协鄂尔多斯市委员会"],
            ["term", "add", "5", "--office", "ordos", "--start", "2022-01-06"],
            ["sector", "add", "经济界", "--office", "ordos"],
            ["member", "add", "--office", "ordos", "--name", "张伟", "--gender", "男", "--sector", "经济界"],
        ] + more {
            let result = try cli.run(arguments)
            guard result.status == 0 else { throw SetupFailure(command: arguments, stderr: result.stderr) }
        }
        return cli
    }

    /// A set-up command failed.
    struct SetupFailure: Error, CustomStringConvertible {
        var command: [String]
        var stderr: String
        var description: String { "lvzhi \(command.joined(separator: " ")) 失败：\(stderr)" }
    }

    /// Writes `bytes` to a file in the runner's folder and returns its path.
    func file(_ name: String, _ bytes: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }
}
