import LvzhiCore
import LvzhiStorage

/// `lvzhi.notices`: the notices module's script API, described in the host's neutral terms
/// (the module never imports Lua). Present only where the module is enabled. Like every table
/// that lists records it has each, list, count and get.
public enum NoticesScriptAPI {
    /// The filter of each/list/count.
    static let filter: [ScriptParameter] = [.options([.boolean("all")])]

    public static let module = ScriptModule(name: "notices", moduleID: NoticesPlugin.id, summary: "通知公告", functions: [
        ScriptFunction("each", filter, summary: "逐条遍历本政协的通知公告，最新的在前（all=true 含已撤回的）") { session, call in
            var remaining = try notices(session, call)[...]
            call.pushIterator { call in
                guard let notice = remaining.popFirst() else { return 0 }
                push(notice, call)
                return 1
            }
            return 1
        },
        ScriptFunction("list", filter, summary: "本政协的通知公告，最新的在前（all=true 含已撤回的）") { session, call in
            let notices = try notices(session, call)
            call.newTable(array: Int32(notices.count), fields: 0)
            for (index, notice) in notices.enumerated() {
                call.append(at: Int64(index + 1)) { push(notice, call) }
            }
            return 1
        },
        ScriptFunction("count", filter, summary: "本政协的通知公告条数（all=true 含已撤回的）") { session, call in
            call.push(Int64(try notices(session, call).count))
            return 1
        },
        ScriptFunction("get", [.id("id")], summary: "按 ID 取一条通知公告（含已撤回的）") { session, call in
            let id = try call.requireInteger(1, "id")
            let all = try NoticeStore.list(officeCode: session.office.code, includeWithdrawn: true, context: session.context, db: session.tx.db)
            guard let notice = all.first(where: { $0.id == id }) else { throw LvzhiError.notFound("通知公告", "ID \(id)") }
            push(notice, call)
            return 1
        },
        ScriptFunction("publish", [.options([.text("title"), .text("body")])], summary: "发布一条通知公告，返回其 ID", writes: true) { session, call in
            let f = try call.options(1)
            let notice = try NoticeStore.publish(officeCode: session.office.code, title: f["title"] ?? "", body: f["body"] ?? "", tx: session.tx)
            call.push(notice.id!)
            return 1
        },
    ])

    /// The notices the filter at argument 1 asks for.
    static func notices(_ session: ScriptSession, _ call: any ScriptCall) throws -> [Notice] {
        try NoticeStore.list(officeCode: session.office.code, includeWithdrawn: try call.options(1).flag("all") ?? false,
                             context: session.context, db: session.tx.db)
    }

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
