import Foundation
import LvzhiCore

/// One function of the script API, described in the host's neutral terms: the engine binds
/// it to Lua, and `help()`, completion and `docs/lua-api.md` are built from the same value.
public struct ScriptFunction: Sendable {
    /// The name within its table (`list`, `each`, `publish`).
    public let name: String
    /// Its parameters in order (an option table is one parameter with its keys); arguments are
    /// checked against them before ``body`` runs.
    public let parameters: [ScriptParameter]
    /// A one-line Chinese description.
    public let summary: String
    /// Whether it changes data: said in `help()` and docs/lua-api.md (写入，记入审计). Not a gate:
    /// `--dry-run` runs writes and undoes them, and a read-only database refuses them in SQLite.
    public let writes: Bool
    /// The work: reads arguments from the call, pushes results, returns their count.
    public let body: @Sendable (ScriptSession, any ScriptCall) throws -> Int32

    public init(_ name: String, _ parameters: [ScriptParameter] = [], summary: String, writes: Bool = false,
                body: @escaping @Sendable (ScriptSession, any ScriptCall) throws -> Int32) {
        self.name = name; self.parameters = parameters; self.summary = summary; self.writes = writes; self.body = body
    }

    /// How it is called, written from ``parameters``: `list{sector=, role=}`, `submit(id, {note=, reviewers={…}})`,
    /// `transcript(id[, version])`.
    public var signature: String {
        if parameters.count == 1, case .options = parameters[0].kind { return name + parameters[0].signature }
        var text = ""
        for (offset, parameter) in parameters.enumerated() {
            let separator = offset == 0 ? "" : ", "
            text += parameter.optional && offset > 0 && !parameter.isTable ? "[\(separator)\(parameter.signature)]" : separator + parameter.signature
        }
        return "\(name)(\(text))"
    }
}

/// A table of the `lvzhi` API: `lvzhi.members`, `lvzhi.notices` …
public struct ScriptModule: Sendable {
    /// The table's name under `lvzhi`.
    public let name: String
    /// The module that must be enabled for the office (nil: part of the core, always there).
    public let moduleID: String?
    /// A one-line Chinese description of the table.
    public let summary: String
    public let functions: [ScriptFunction]

    public init(name: String, moduleID: String?, summary: String, functions: [ScriptFunction]) {
        self.name = name; self.moduleID = moduleID; self.summary = summary; self.functions = functions
    }
}

/// What a script API function works with: who runs the script, in which office, inside
/// the run's one transaction.
public final class ScriptSession {
    public let host: LvzhiHost
    /// The office the script runs as (`--office`).
    public let office: Office
    /// The run's transaction: read through `tx.db`, write through `tx` (audited).
    public let tx: AuditedTransaction
    /// The acting user.
    public var context: AccessContext { tx.context }
    /// Where `print` and report tables go.
    public let output: (String) -> Void
    /// The folder reports may be written to (`--out`); nil: none given.
    public let outputDirectory: URL?

    public init(host: LvzhiHost, office: Office, tx: AuditedTransaction,
                output: @escaping (String) -> Void = { print($0) }, outputDirectory: URL? = nil) {
        self.host = host; self.office = office; self.tx = tx; self.output = output; self.outputDirectory = outputDirectory
    }
}
