import Foundation
import LvzhiCore
import LvzhiStorage

/// A real SQLite database in a fresh temporary folder, deleted when the value goes away:
/// the host with `plugins` registered, the system administrator `admin`, and helpers for
/// the records most tests start from.
public final class ScratchDatabase {
    public let folder: URL
    public let path: String
    public let host: LvzhiHost
    /// The system administrator (`admin`).
    public let admin: AccessContext

    public init(plugins: [PluginManifest], label: String = "test") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
        host = try LvzhiHost(path: path, plugins: plugins, create: true)
        _ = try UserStore.bootstrap(host: host)
        admin = try host.context(for: UserStore.bootstrapUsername)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The acting context of `username`.
    public func context(_ username: String) throws -> AccessContext { try host.context(for: username) }

    /// Adds an office (and, with `term`, its current term starting 2022-01-06).
    public func office(_ code: String, _ name: String, parent: String? = nil, term: Int? = nil) throws {
        try OfficeStore(host: host, context: admin).add(code: code, name: name, parentCode: parent)
        if let term { _ = try TermStore(host: host, context: admin).add(officeCode: code, number: term, startsOn: "2022-01-06") }
    }

    /// Adds a user with `role` in `office`.
    public func user(_ username: String, _ role: Role, in office: String, memberID: Int64? = nil, unit: String? = nil) throws {
        try UserStore(host: host, context: admin).add(username: username, displayName: username, officeCode: office, role: role,
                                                      memberID: memberID, handlingUnitName: unit)
    }
}
