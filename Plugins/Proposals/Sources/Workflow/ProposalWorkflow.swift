import LvzhiCore

/// A step of the workflow, as scripts and the CLI name it.
public enum ProposalAction: String, Codable, Sendable, CaseIterable {
    case submit, withdraw, returnForRevision = "return", file, reject, convert, merge

    /// The Chinese name of the step.
    public var title: String {
        switch self {
        case .submit: "提交"
        case .withdraw: "撤回"
        case .returnForRevision: "退回修改"
        case .file: "立案"
        case .reject: "不予立案"
        case .convert: "转为意见建议"
        case .merge: "并案"
        }
    }

    /// The event emitted after the step commits: `proposals.<eventName>`.
    public var eventName: String {
        switch self {
        case .submit: "submitted"
        case .withdraw: "withdrawn"
        case .returnForRevision: "returned"
        case .file: "filed"
        case .reject: "rejected"
        case .convert: "converted"
        case .merge: "merged"
        }
    }
}

/// One row of the transition table: from which states, to which, who may, whether a note is required.
public struct ProposalTransition: Sendable {
    public let action: ProposalAction
    public let from: Set<ProposalStatus>
    public let to: ProposalStatus
    public let permission: Permission
    public let requiresNote: Bool
}

/// The one transition table that drives every interface (CLI, Lua, later HTTP): no step is
/// coded twice. Side effects (numbering on 立案, the 大会/平时 flag on submission) are applied
/// by ``ProposalStore`` for the action, never by an interface.
public enum ProposalWorkflow {
    public static let transitions: [ProposalTransition] = [
        ProposalTransition(action: .submit, from: [.draft, .returned], to: .submitted, permission: ProposalsPlugin.propose, requiresNote: false),
        ProposalTransition(action: .withdraw, from: [.draft, .submitted, .returned], to: .withdrawn, permission: ProposalsPlugin.propose, requiresNote: false),
        ProposalTransition(action: .returnForRevision, from: [.submitted], to: .returned, permission: ProposalsPlugin.review, requiresNote: true),
        ProposalTransition(action: .file, from: [.submitted], to: .filed, permission: ProposalsPlugin.review, requiresNote: false),
        ProposalTransition(action: .reject, from: [.submitted], to: .rejected, permission: ProposalsPlugin.review, requiresNote: true),
        ProposalTransition(action: .convert, from: [.submitted], to: .converted, permission: ProposalsPlugin.review, requiresNote: true),
        ProposalTransition(action: .merge, from: [.submitted], to: .merged, permission: ProposalsPlugin.review, requiresNote: false),
    ]

    /// The row for `action`.
    public static func transition(_ action: ProposalAction) -> ProposalTransition {
        transitions.first { $0.action == action }!
    }
}
