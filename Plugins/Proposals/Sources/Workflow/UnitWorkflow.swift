import LvzhiCore

/// A step of a handling unit's sub-life, as the CLI (`lvzhi proposal unit-return`) and scripts
/// (`lvzhi.proposals.unit_return`) name it.
public enum UnitAction: String, Codable, Sendable, CaseIterable {
    case accept
    case giveBack = "unit-return"
    case reply
    case opinion
    case sendBack = "send-back"
    case rehandle
    case extend

    /// The Chinese name of the step.
    public var title: String {
        switch self {
        case .accept: "接收交办"
        case .giveBack: "承办单位退回"
        case .reply: "答复"
        case .opinion: "提出协办意见"
        case .sendBack: "退回答复重办"
        case .rehandle: "不满意重新办理"
        case .extend: "延期"
        }
    }

    /// The event emitted after the step commits: `proposals.<eventName>`.
    public var eventName: String {
        switch self {
        case .accept: "unit_accepted"
        case .giveBack: "unit_returned"
        case .reply: "replied"
        case .opinion: "opinion_given"
        case .sendBack: "reply_sent_back"
        case .rehandle: "rehandled"
        case .extend: "deadline_extended"
        }
    }

    /// The function's name in `lvzhi.proposals` (`unit_return`).
    public var scriptName: String { rawValue.replacingOccurrences(of: "-", with: "_") }
}

/// Who takes a unit step: the handling unit itself, or the office about one of its units.
public enum UnitStepActor: Sendable {
    case unit, office
}

/// One row of the units' transition table.
public struct UnitTransition: Sendable {
    public let action: UnitAction
    public let from: Set<UnitStatus>
    /// The status afterwards; nil: unchanged (an extension).
    public let to: UnitStatus?
    /// Which parts the step applies to.
    public let roles: Set<UnitRole>
    public let actor: UnitStepActor
    public let permission: Permission
    /// Whether a reason or text (`--note`) is required.
    public let requiresNote: Bool
}

/// The one transition table of every unit's sub-life; side effects (a reply saved, a deadline
/// moved, the check that a rating was 不满意) are applied by ``ProposalHandling`` for the action.
public enum UnitWorkflow {
    public static let transitions: [UnitTransition] = [
        UnitTransition(action: .accept, from: [.assigned], to: .accepted, roles: [.lead, .co], actor: .unit,
                       permission: ProposalsPlugin.handle, requiresNote: false),
        UnitTransition(action: .giveBack, from: [.assigned], to: .returned, roles: [.lead, .co], actor: .unit,
                       permission: ProposalsPlugin.handle, requiresNote: true),
        UnitTransition(action: .reply, from: [.accepted], to: .replied, roles: [.lead], actor: .unit,
                       permission: ProposalsPlugin.handle, requiresNote: false),
        UnitTransition(action: .opinion, from: [.accepted], to: .replied, roles: [.co], actor: .unit,
                       permission: ProposalsPlugin.handle, requiresNote: true),
        UnitTransition(action: .sendBack, from: [.replied], to: .accepted, roles: [.lead], actor: .office,
                       permission: ProposalsPlugin.review, requiresNote: true),
        UnitTransition(action: .rehandle, from: [.replied, .rated], to: .accepted, roles: [.lead], actor: .office,
                       permission: ProposalsPlugin.review, requiresNote: true),
        UnitTransition(action: .extend, from: [.assigned, .accepted], to: nil, roles: [.lead, .co], actor: .office,
                       permission: ProposalsPlugin.review, requiresNote: true),
    ]

    /// The row for `action`.
    public static func transition(_ action: UnitAction) -> UnitTransition {
        transitions.first { $0.action == action }!
    }
}
