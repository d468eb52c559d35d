import GRDB
import LvzhiCore

/// 提案管理: the whole life of a proposal, from drafting to the proposers' rating of the reply.
///
/// - Review: ``ProposalWorkflow`` (submit, withdraw, return, file, reject, convert, merge).
/// - Handling: ``UnitWorkflow``, one sub-life per handling unit (accept or return, reply or
///   opinion, send back, rehandle, extend); the proposal's state is derived (``ProposalProgress``).
/// - Replies are internal until published (``ProposalReplies``); proposers rate them (``ProposalRatings``).
/// - Flags, key proposals and supervision, contacts, the reviewer pool, statistics, exports and
///   the rules of the seeds live in their own files.
public enum ProposalsPlugin {
    /// The module id, the prefix of its permissions, migrations and events.
    public static let id = "proposals"

    /// 撰写和提交提案: members (for themselves), staff and administrators (on a member's behalf).
    public static let propose = Permission(id: "proposals.propose", title: "撰写和提交提案", moduleID: id, roles: [.member, .staff, .administrator])
    /// 审查、交办、督办提案: staff and administrators of the office.
    public static let review = Permission(id: "proposals.review", title: "审查、交办、督办提案，公布答复", moduleID: id, roles: [.staff, .administrator])
    /// 承办提案: handling units.
    public static let handle = Permission(id: "proposals.handle", title: "承办提案（接收、退回、沟通、答复）", moduleID: id, roles: [.handlingUnit])
    /// 测评答复: proposers (and staff entering a rating for them).
    public static let rate = Permission(id: "proposals.rate", title: "测评提案答复（满意度）", moduleID: id, roles: [.member, .staff, .administrator])
    /// 查看提案: everyone in the office.
    public static let read = Permission(id: "proposals.read", title: "查看提案", moduleID: id, roles: Set(Role.allCases))

    /// The per-office settings.
    public enum Setting {
        public static let categories = SettingDescriptor(key: "categories", title: "提案类别", kind: .list,
                                                         defaultValue: "经济、政治、文化、社会、生态文明、其他")
        public static let handlingMonths = SettingDescriptor(key: "handling_months", title: "办理期限（交办后几个月内答复）", kind: .integer(1...12), defaultValue: "3")
        public static let maxHandlingMonths = SettingDescriptor(key: "max_handling_months", title: "延期后的最长办理期限（月）", kind: .integer(1...24), defaultValue: "6")
        public static let returnDays = SettingDescriptor(key: "return_days", title: "承办单位退回期限（交办后几天内）", kind: .integer(1...60), defaultValue: "10")
        public static let rehandleMonths = SettingDescriptor(key: "rehandle_months", title: "不满意重新办理的期限（月）", kind: .integer(1...12), defaultValue: "1")
        public static let statusLabels = SettingDescriptor(key: "status_labels", title: "状态的本政协名称（如 filed=已立案待交办）",
                                                           kind: .labels(keys: ProposalStatus.allCases.map(\.rawValue)), defaultValue: "")
        public static let all = [categories, handlingMonths, maxHandlingMonths, returnDays, rehandleMonths, statusLabels]
    }

    /// What proposals add to each member's duty record (recorded on 立案 and 并案).
    public enum Duty {
        public static let first = DutyKind("proposals.first", "提出提案并立案（第一提案人）")
        public static let cosigner = DutyKind("proposals.cosigner", "联名附议提案并立案")
        public static let collective = DutyKind("proposals.collective", "执笔集体提案并立案")
        public static let all = [first, cosigner, collective]
    }

    /// Events besides those of the two transition tables.
    static let otherEvents = [
        EventDescriptor("proposals.drafted", "撰写（暂存）提案之后"),
        EventDescriptor("proposals.assigned", "交办提案之后"),
        EventDescriptor("proposals.reply_published", "公布答复之后（每件提案一次）"),
        EventDescriptor("proposals.rated", "提案人测评答复之后"),
        EventDescriptor("proposals.concluded", "全部提案人测评完毕、提案办结之后"),
        EventDescriptor("proposals.key_marked", "确定为重点提案之后"),
        EventDescriptor("proposals.supervised", "记录督办之后"),
        EventDescriptor("proposals.contacted", "记录与提案人的沟通之后"),
        EventDescriptor("proposals.flagged", "修改公开、优秀标记之后"),
    ]

    /// The manifest the host registers.
    public static let manifest = PluginManifest(
        id: id,
        displayName: "提案管理",
        summary: "提案的撰写、附议、审查立案、编号、交办、办理、答复、测评、督办与统计",
        version: "0.2.0",
        permissions: [propose, review, handle, rate, read],
        migrations: [PluginMigration("v1.create-proposals", migrate: ProposalsSchema.v1),
                     PluginMigration("v2.create-assignments", migrate: ProposalsSchema.v2),
                     PluginMigration("v3.handling-replies-ratings", migrate: ProposalsSchema.v3)],
        events: ProposalAction.allCases.map { EventDescriptor("proposals.\($0.eventName)", $0.title + "之后") }
            + UnitAction.allCases.map { EventDescriptor("proposals.\($0.eventName)", $0.title + "之后") }
            + otherEvents,
        settings: Setting.all,
        dutyKinds: Duty.all,
        auditActions: Dictionary(uniqueKeysWithValues: ProposalAction.allCases.map { ($0.rawValue, $0.title) } + UnitAction.allCases.map { ($0.rawValue, $0.title) })
            .merging(["accept": "接收", "assign": "交办", "publish": "公开答复", "rate": "测评", "rated": "测评完成", "key": "列为重点提案", "unkey": "取消重点提案",
                      "flag": "标记", "progress": "办理进展", "confirm": "确认联名"]) { _, plain in plain }
    )
}
