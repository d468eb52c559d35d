import LvzhiCore
import LvzhiStorage

/// `lvzhi.notices`: the notices module's script API, described in the host's neutral terms
/// (the module never imports Lua). Present only where the module is enabled.
public enum NoticesScriptAPI {
    public static let module = ScriptModule(name: "notices", moduleID: NoticesPlugin.id, summary: "通知公告", functions: [
        ScriptFunction("list", signature: "list{all=}", summary: "本政协的通知公告，最新的在前（all=true 含已撤回的）") { session, call in
            let filter = try call.filter(1, allowed: ["all"])
            let notices = try NoticeStore.list(officeCode: session.office.code, includeWithdrawn: filter["all"] == "true",
                                               context: session.context, db: session.tx.db)
            call.newTable(array: Int32(notices.count), fields: 0)
            for (index, notice) in notices.enumerated() {
                call.append(at: Int64(index + 1)) { push(notice, call) }
            }
            return 1
        },
        ScriptFunction("publish", signature: "publish{title=, body=}", summary: "发布一条通知公告，返回其 ID", writes: true) { session, call in
            let f = try call.filter(1, allowed: ["title", "body"])
            let notice = try NoticeStore.publish(officeCode: session.office.code, title: f["title"] ?? "", body: f["body"] ?? "", tx: session.tx)
            call.push(notice.id!)
            return 1
        },
    ])

    static func push(_ notice: Notice, _ call: any ScriptCall) {
        call.newTable(array: 0, fields: 6)
        call.set("id", notice.id!)
        call.set("title", notice.title)
        call.set("body", notice.body)
        call.set("published_by", notice.publishedBy)
        call.set("published_at", notice.publishedAt)
        call.set("status", notice.withdrawnAt == nil ? "published" : "withdrawn")
    }
}
