import GRDB
import LvzhiCore
import LvzhiStorage

extension ProposalsPlugin {
    /// The office's values of the module's settings (defaults where unset).
    public static func settings(_ office: Office, db: Database) throws -> ModuleSettings {
        try ModuleSettings.read(manifest, officeID: office.id!, db: db)
    }
}

/// The names an office gives the fixed states (the `status_labels` setting); reports stay
/// comparable across offices because the states underneath are the same.
public struct ProposalLabels: Sendable {
    let labels: [String: String]

    /// The system's labels.
    public static let system = ProposalLabels(labels: [:])

    /// The labels of `office`.
    public static func of(_ office: Office, db: Database) throws -> ProposalLabels {
        ProposalLabels(labels: try ProposalsPlugin.settings(office, db: db).labels(ProposalsPlugin.Setting.statusLabels.key))
    }

    /// The office's name for `status`.
    public func title(_ status: ProposalStatus) -> String { labels[status.rawValue] ?? status.title }
}
