import GRDB
import LvzhiCore

/// 文史资料: the literary-historical archive of the culture-history-study committee. Collection
/// plans and solicitation, accessions with their sources, rights and restrictions, the
/// description tree (DA/T 18), digital files with fixity checks, oral histories, editorial
/// review, publication in volumes (辑), exhibitions, copy and use requests, Chinese full-text search.
///
/// Access: archivists and administrators manage and see everything; everyone else sees only
/// descriptions that are open (开放), not classified (公开) and not under an access restriction
/// (``ArchiveAccess``), in lists, search results and scripts alike.
public enum ArchivePlugin {
    /// The module id.
    public static let id = "archive"

    /// 管理文史资料: archivists and administrators.
    public static let manage = Permission(id: "archive.manage", title: "管理文史资料（接收、著录、数字文件、编审、出版、展陈、审批利用）",
                                          moduleID: id, roles: [.archivist, .administrator])
    /// 查看受限与涉密资料.
    public static let restricted = Permission(id: "archive.restricted", title: "查看控制、不开放和涉密的文史资料", moduleID: id, roles: [.archivist, .administrator])
    /// 提交征集来稿、申请利用.
    public static let contribute = Permission(id: "archive.contribute", title: "提交文史资料来稿、申请复制和利用", moduleID: id,
                                              roles: [.member, .staff, .archivist, .administrator])
    /// 查看开放的文史资料.
    public static let read = Permission(id: "archive.read", title: "查看和检索开放的文史资料", moduleID: id, roles: Set(Role.allCases))

    /// The per-office settings.
    public enum Setting {
        /// Stands for the database file's name (without extension) in ``filesFolder``.
        public static let databaseNamePlaceholder = "{数据库名}"
        /// The folder of digital files, relative to the database's folder (or absolute); by default
        /// `<数据库名>-文史资料文件` beside the database (`demo.sqlite` → `demo-文史资料文件`).
        public static let filesFolder = SettingDescriptor(key: "files_folder", title: "数字文件存放目录（相对于数据库所在目录，或绝对路径；{数据库名} 代表数据库文件名）",
                                                          kind: .text(maxLength: 500), defaultValue: "{数据库名}-文史资料文件")
        /// Days ahead that 「限制即将到期」 looks.
        public static let restrictionWarningDays = SettingDescriptor(key: "restriction_warning_days", title: "限制到期提醒（提前几天）",
                                                                     kind: .integer(1...3650), defaultValue: "90")
        public static let all = [filesFolder, restrictionWarningDays]
    }

    /// What the archive adds to members' duty records.
    public enum Duty {
        public static let contributed = DutyKind("archive.contributed", "提供文史资料（已接收）")
        public static let narrated = DutyKind("archive.narrated", "讲述口述史料")
        public static let all = [contributed, narrated]
    }

    /// The manifest the host registers.
    public static let manifest = PluginManifest(
        id: id,
        displayName: "文史资料",
        summary: "文史资料的征集、接收、著录、数字化与固定性检查、口述史、编审、出版、展陈、利用与中文全文检索",
        version: "0.1.0",
        permissions: [manage, restricted, contribute, read],
        migrations: [PluginMigration("v1.create-archive", migrate: ArchiveSchema.v1),
                     PluginMigration("v2.digital-files", migrate: ArchiveFilesSchema.v2),
                     PluginMigration("v3.oral-editorial-publication", migrate: ArchiveWorkSchema.v3),
                     PluginMigration("v4.search-visibility-index", migrate: ArchiveSearch.createVisibilityIndex)],
        events: ArchiveEvents.all + ArchiveFilesEvents.all + ArchiveWorkEvents.all,
        settings: Setting.all,
        dutyKinds: Duty.all,
        auditActions: ["approve": "批准利用申请", "refuse": "不批准利用申请", "fixity": "固定性检查", "restrict": "修改限制",
                       "process": "修改整理状态", "deaccession": "注销", "accept": "接收", "decline": "不采用来稿"]
    )
}

/// The events the archive emits.
public enum ArchiveEvents {
    public static let all = [
        EventDescriptor("archive.submitted", "收到征集来稿之后"),
        EventDescriptor("archive.submission_reviewed", "审核来稿之后（接收或不采用）"),
        EventDescriptor("archive.accessioned", "接收登记之后"),
        EventDescriptor("archive.described", "新增或修改著录条目之后"),
        EventDescriptor("archive.restriction_changed", "修改接收登记的开放或使用限制之后"),
        EventDescriptor("archive.deaccessioned", "注销接收登记之后"),
    ]
}
