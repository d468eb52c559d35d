import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// Publishes, withdraws and lists notices. Every operation passes the host's access gate, so
/// in an office where the module is disabled each one is refused (模块未启用).
public struct NoticeStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Publishes a notice in the office.
    @discardableResult
    public func publish(officeCode: String, title: String, body: String) throws -> Notice {
        try host.write(as: context) { tx in try Self.publish(officeCode: officeCode, title: title, body: body, tx: tx) }
    }

    /// ``publish(officeCode:title:body:)`` inside the transaction `tx` (a script run).
    public static func publish(officeCode: String, title: String, body: String, tx: AuditedTransaction) throws -> Notice {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw LvzhiError.invalid("标题", title, "不能为空") }
        guard title.count <= 200 else { throw LvzhiError.invalid("标题", String(title.prefix(20)) + "…", "超过 200 字") }
        let office = try Office.authorized(code: officeCode, tx.context, NoticesPlugin.publish, db: tx.db)
        var notice = Notice(officeID: office.id!, title: title, body: body, publishedBy: tx.context.user.username, publishedAt: Timestamp.now())
        try tx.insert(&notice)
        tx.emit(DomainEvent(name: "notices.published", officeID: office.id, entity: Notice.databaseTableName, entityID: notice.id))
        return notice
    }

    /// Withdraws notice `id` (it stays on record).
    @discardableResult
    public func withdraw(id: Int64) throws -> Notice {
        try host.write(as: context) { tx in
            let notice = try Notice.find(id: id, db: tx.db)
            let office = try Office.find(id: notice.officeID!, db: tx.db)
            try AccessGate.authorize(context, NoticesPlugin.publish, in: office, db: tx.db)
            guard notice.withdrawnAt == nil else { throw LvzhiError(.conflict, "通知公告 ID \(id)「\(notice.title)」已经撤回") }
            var updated = notice
            updated.withdrawnAt = Timestamp.now()
            try tx.update(updated, from: notice, action: "withdraw")
            tx.emit(DomainEvent(name: "notices.withdrawn", officeID: office.id, entity: Notice.databaseTableName, entityID: id))
            return updated
        }
    }

    /// The office's notices, newest first; withdrawn ones only when `includeWithdrawn`.
    public func list(officeCode: String, includeWithdrawn: Bool = false) throws -> [Notice] {
        try host.read { db in try Self.list(officeCode: officeCode, includeWithdrawn: includeWithdrawn, context: context, db: db) }
    }

    /// ``list(officeCode:includeWithdrawn:)`` inside a transaction.
    public static func list(officeCode: String, includeWithdrawn: Bool, context: AccessContext, db: Database) throws -> [Notice] {
        let office = try Office.authorized(code: officeCode, context, NoticesPlugin.read, db: db)
        var request = Notice.filter(Column("office_id") == office.id)
        if !includeWithdrawn { request = request.filter(Column("withdrawn_at") == nil) }
        return try request.order(Column("published_at").desc, Column("id").desc).fetchAll(db)
    }
}
