import GRDB
import LvzhiCore

/// 提案管理: the life of a proposal from drafting to the proposer's rating. This first part
/// covers drafting, co-signing, submission, review (立案 / 不予立案 / 转为意见建议 / 并案 /
/// 退回修改) and gapless numbering; assignment, handling, replies and ratings follow.
public enum ProposalsPlugin {
    /// The module id, the prefix of its permissions, migrations and events.
    public static let id = "proposals"

    /// 撰写和提交提案: members (for themselves), staff and administrators (on a member's behalf).
    public static let propose = Permission(id: "proposals.propose", title: "撰写和提交提案", moduleID: id, roles: [.member, .staff, .administrator])
    /// 审查提案: staff and administrators of the office.
    public static let review = Permission(id: "proposals.review", title: "审查提案（立案、不予立案、退回、并案）", moduleID: id, roles: [.staff, .administrator])
    /// 承办提案（接收、退回、答复）: handling units.
    public static let handle = Permission(id: "proposals.handle", title: "承办提案（接收、退回）", moduleID: id, roles: [.handlingUnit])
    /// 查看提案: everyone in the office.
    public static let read = Permission(id: "proposals.read", title: "查看提案", moduleID: id, roles: Set(Role.allCases))

    /// The manifest the host registers.
    public static let manifest = PluginManifest(
        id: id,
        displayName: "提案管理",
        summary: "提案的撰写、联名附议、提交、审查立案与编号",
        version: "0.1.0",
        permissions: [propose, review, handle, read],
        migrations: [PluginMigration("v1.create-proposals", migrate: ProposalsSchema.v1),
                     PluginMigration("v2.create-assignments", migrate: ProposalsSchema.v2)],
        events: ProposalAction.allCases.map { EventDescriptor("proposals.\($0.eventName)", $0.title + "之后") }
            + [EventDescriptor("proposals.drafted", "撰写（暂存）提案之后"), EventDescriptor("proposals.assigned", "交办提案之后"),
               EventDescriptor("proposals.unit_accepted", "承办单位接收提案之后"), EventDescriptor("proposals.unit_returned", "承办单位退回提案之后")]
    )
}
