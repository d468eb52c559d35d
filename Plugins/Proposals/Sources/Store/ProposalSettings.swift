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

    /// The status `text` names: an English id (`handling`), the office's own name for it (承办中),
    /// or the system's name (办理中, 已立案（待交办）, 已立案).
    /// - Throws: ``LvzhiError`` listing the states with the office's names.
    public func status(named text: String) throws -> ProposalStatus {
        let name = text.trimmed
        if let status = ProposalStatus(rawValue: name) ?? ProposalStatus.allCases.first(where: { labels[$0.rawValue] == name }) {
            return status
        }
        if let status = try? ProposalStatus.parse(name) { return status }
        throw LvzhiError.invalid("状态", text, "不是提案状态",
                                 hint: "可用：" + ProposalStatus.allCases.map { status in
                                     let own = title(status)
                                     return own == status.title ? "\(status.rawValue)（\(own)）" : "\(status.rawValue)（\(own)，即\(status.title)）"
                                 }.joined(separator: "、"))
    }
}
