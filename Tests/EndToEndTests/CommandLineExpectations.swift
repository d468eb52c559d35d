import Foundation
import Testing

/// The two expectations every end-to-end test makes of a command: it succeeds, or it is
/// refused with exit code 1 and a message that says why.
extension CommandLineRunner {
    /// Runs `lvzhi ARGUMENTS` as `user`, expects exit code 0, returns standard output.
    @discardableResult
    func ok(_ arguments: [String], as user: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, user: user)
        #expect(result.status == 0, "lvzhi \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Runs `lvzhi ARGUMENTS` as `user`, expects exit code 1 and `message` on standard error.
    func refused(_ arguments: [String], as user: String? = nil, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(arguments, user: user)
        #expect(result.status == 1, "lvzhi \(arguments.joined(separator: " ")) 应被拒绝", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// `text` encoded as GB18030 by iconv (independent of the code under test), as a Windows user's Notepad would save it.
    static func gb18030(_ text: String) throws -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
