import GRDB
import LvzhiCore
import LvzhiStorage

/// The core's tables of the `lvzhi` API: `offices`, `members`, `modules`, `db`.
/// Every function checks the acting user's permissions exactly as the CLI does.
public enum CoreScriptAPI {
    /// All core tables.
    public static let modules: [ScriptModule] = [offices, terms, sectors, groups, committees, members, duty, modulesTable, audit, database, scripts,
                                                 ReportScriptAPI.module]

    /// The filter of `lvzhi.members.each/list/count`.
    static let memberFilters: [ScriptParameter] = [.options(["name", "sector", "group", "committee", "role"].map { .text($0) })]

    static func memberFilter(_ call: any ScriptCall, _ index: Int32) throws -> MemberFilter {
        let f = try call.options(index)
        return MemberFilter(name: f["name"], sector: f["sector"], group: f["group"], committee: f["committee"], role: f["role"])
    }

    /// `lvzhi.offices`: the office tree.
    static let offices = ScriptModule(name: "offices", moduleID: nil, summary: "政协组织", functions: [
        ScriptFunction("list", summary: "本次运行的政协组织（代码、名称、上级代码）：脚本只作用于 --office 指定的政协，所以只有这一个") { session, call in
            let rows = try Row.fetchAll(session.tx.db, sql: """
                SELECT o.id, o.code, o.name, p.code AS parent FROM offices o LEFT JOIN offices p ON p.id = o.parent_id ORDER BY o.id
                """)
            call.newTable(array: Int32(rows.count), fields: 0)
            var position: Int64 = 0
            for row in rows {
                let office = try Office.find(code: row["code"], db: session.tx.db)
                guard try AccessGate.allows(session.context, CorePermission.organisationRead, in: office, db: session.tx.db) else { continue }
                position += 1
                call.append(at: position) {
                    call.newTable(array: 0, fields: 4)
                    call.set("id", row["id"] as Int64)
                    call.set("code", row["code"] as String)
                    call.set("name", row["name"] as String)
                    call.set("parent", row["parent"] as String?)
                }
            }
            return 1
        },
    ])

    /// `lvzhi.terms`, `lvzhi.sectors`, `lvzhi.groups`, `lvzhi.committees`: the office's organisation,
    /// each record as `lvzhi … list --json` shows it.
    static let terms = ScriptModule(name: "terms", moduleID: nil, summary: "届次与全体会议", functions: [
        ScriptFunction("list", summary: "本政协的届次（最新的在前），含各次会议和委员人数") { session, call in
            try call.push(encoding: TermStore.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
    ])
    static let sectors = ScriptModule(name: "sectors", moduleID: nil, summary: "界别", functions: [
        ScriptFunction("list", summary: "本政协的界别，含所属活动组和委员人数") { session, call in
            try call.push(encoding: SectorStore.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
    ])
    static let groups = ScriptModule(name: "groups", moduleID: nil, summary: "界别活动组", functions: [
        ScriptFunction("list", summary: "本政协的界别活动组，含对应专委会、界别和委员人数") { session, call in
            try call.push(encoding: ActivityGroupStore.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
    ])
    static let committees = ScriptModule(name: "committees", moduleID: nil, summary: "专委会（全员入委）", functions: [
        ScriptFunction("list", summary: "本政协的专委会，含对应活动组、委员人数和跨组选调人数") { session, call in
            try call.push(encoding: CommitteeStore.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
    ])

    /// `lvzhi.audit`: the audit trail of the office and those below it (administrators).
    static let audit = ScriptModule(name: "audit", moduleID: nil, summary: "审计记录（仅管理员）", functions: [
        ScriptFunction("list", [.options([.date("since"), .text("entity"), .integer("limit", in: NumberRange.limit)])], summary: "本政协及下级的审计记录，最新的在前（since 为日期，limit 默认 200）") { session, call in
            let f = try call.options(1)
            let limit = try f.integer("limit") ?? 200
            let records = try AuditStore.list(AuditFilter(officeCode: session.office.code, since: try f.date("since"), entity: f["entity"], limit: limit),
                                              context: session.context, db: session.tx.db)
            try call.push(encoding: records)
            return 1
        },
    ])

    /// `lvzhi.members`: the roster of the run's office.
    static let members = ScriptModule(name: "members", moduleID: nil, summary: "委员名册", functions: [
        ScriptFunction("each", memberFilters,
                       summary: "逐个遍历符合条件的委员（用于 for … in，不一次载入全部）") { session, call in
            call.pushIterator(members: try MemberStore.rows(officeCode: session.office.code, filter: memberFilter(call, 1),
                                                           context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("list", memberFilters,
                       summary: "符合条件的委员数组") { session, call in
            try call.push(members: try MemberStore.rows(officeCode: session.office.code, filter: memberFilter(call, 1),
                                                       context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("count", memberFilters,
                       summary: "符合条件的委员人数") { session, call in
            call.push(Int64(try MemberStore.count(officeCode: session.office.code, filter: memberFilter(call, 1),
                                                  context: session.context, db: session.tx.db)))
            return 1
        },
        ScriptFunction("get", [.id("id")], summary: "按 ID 取一位委员（联系方式仅管理员可见）") { session, call in
            let id = try call.requireInteger(1, "id")
            try call.push(encoding: try MemberStore.view(id: id, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("add", [.options([.text("name"), .text("gender"), .text("sector"), .text("ethnicity"), .date("birth_date"), .text("party"),
                                         .text("group"), .texts("roles"), .text("mobile"), .text("email"), .text("address")])],
                       summary: "登记一位委员（与 lvzhi member add 相同的校验、权限和审计），返回其 ID", writes: true) { session, call in
            let f = try call.options(1)
            let roles = try f.texts("roles")
            let input = MemberInput(name: f["name"] ?? "", gender: f["gender"] ?? "", ethnicity: f["ethnicity"], birthDate: try f.date("birth_date"),
                                    sector: f["sector"] ?? "", group: f["group"], party: f["party"], roles: roles.isEmpty ? nil : roles.joined(separator: "、"),
                                    mobile: f["mobile"], email: f["email"], address: f["address"])
            let member = try MemberStore.add(officeCode: session.office.code, input, tx: session.tx)
            call.push(member.id!)
            return 1
        },
    ])

    /// `lvzhi.modules`: which modules the office has enabled.
    static let modulesTable = ScriptModule(name: "modules", moduleID: nil, summary: "业务模块", functions: [
        ScriptFunction("list", summary: "本政协的模块及是否启用") { session, call in
            let registry = session.host.registry
            call.newTable(array: Int32(registry.manifests.count), fields: 0)
            for (index, manifest) in registry.manifests.enumerated() {
                let enabled = try ModuleStore.isEnabled(manifest.id, officeID: session.office.id!, db: session.tx.db)
                call.append(at: Int64(index + 1)) {
                    call.newTable(array: 0, fields: 3)
                    call.set("id", manifest.id)
                    call.set("name", manifest.displayName)
                    call.set("enabled", enabled)
                }
            }
            return 1
        },
        ScriptFunction("settings", [.text("module")], summary: "本政协某模块的设置（未修改的为默认值），如 settings(\"proposals\").handling_months") { session, call in
            let manifest = try session.host.registry.manifest(try call.requireString(1, "module"))
            try AccessGate.authorize(session.context, CorePermission.organisationRead, in: session.office, db: session.tx.db)
            let values = try ModuleSettings.read(manifest, officeID: session.office.id!, db: session.tx.db)
            call.newTable(array: 0, fields: Int32(manifest.settings.count))
            for setting in manifest.settings {
                let text = values.text(setting.key)
                if case .integer = setting.kind, let n = Int64(text) { call.set(setting.key, n) } else { call.set(setting.key, text) }
            }
            return 1
        },
    ])

    /// `lvzhi.duty`: members' duty records (履职档案), which modules append to.
    static let duty = ScriptModule(name: "duty", moduleID: nil, summary: "委员履职档案", functions: [
        ScriptFunction("list", dutyFilters, summary: "本政协的履职记录（按日期），每条含委员、种类及其中文名、内容") { session, call in
            try call.push(encoding: DutyRecordStore.list(officeCode: session.office.code, filter: try dutyFilter(call),
                                                               registry: session.host.registry, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("summary", dutyFilters, summary: "按委员汇总：counts 为各种类的条数，total 为合计") { session, call in
            try call.push(encoding: DutyRecordStore.summary(officeCode: session.office.code, filter: try dutyFilter(call),
                                                                  registry: session.host.registry, context: session.context, db: session.tx.db))
            return 1
        },
    ])

    /// The filter of `lvzhi.duty.list/summary`.
    static let dutyFilters: [ScriptParameter] = [.options([.id("member"), .integer("year", in: NumberRange.year), .text("kind")])]

    static func dutyFilter(_ call: any ScriptCall) throws -> DutyFilter {
        let f = try call.options(1)
        return DutyFilter(memberID: try f.id("member"), year: try f.integer("year"), kind: f["kind"])
    }

    /// `lvzhi.scripts`: the office's stored scripts (what `require` loads).
    static let scripts = ScriptModule(name: "scripts", moduleID: nil, summary: "本政协保存的脚本", functions: [
        ScriptFunction("source", [.text("name")], summary: "本政协保存的脚本的源码（require 用它加载模块）") { session, call in
            let name = try call.requireString(1, "name")
            try AccessGate.authorize(session.context, CorePermission.organisationRead, in: session.office, db: session.tx.db)
            let script = try ScriptStore.find(name, office: session.office, db: session.tx.db)
            guard script.kind == .module else {
                throw LvzhiError.invalid("模块", name, "是\(script.kind.title)脚本，只有模块（--kind module）可以 require")
            }
            call.push(script.source)
            return 1
        },
        ScriptFunction("list", summary: "本政协保存的脚本（名称、类型、事件）") { session, call in
            try AccessGate.authorize(session.context, CorePermission.scriptRun, in: session.office, db: session.tx.db)
            let rows = try OfficeScript.filter(Column("office_id") == session.office.id).order(Column("name")).fetchAll(session.tx.db)
            call.newTable(array: Int32(rows.count), fields: 0)
            for (index, script) in rows.enumerated() {
                call.append(at: Int64(index + 1)) {
                    call.newTable(array: 0, fields: 4)
                    call.set("id", script.id!)
                    call.set("name", script.name)
                    call.set("kind", script.kind.rawValue)
                    call.set("event", script.event)
                }
            }
            return 1
        },
    ])

    /// Refuses `lvzhi.db.query` unless the acting user may read every office anyway: raw SQL reads
    /// the whole file (every office's rows, every draft), past the office scope and the modules'
    /// visibility rules, so only superusers and administrators of the top-level offices may use it.
    static func authorizeWholeDatabase(_ session: ScriptSession) throws {
        try AccessGate.authorize(session.context, CorePermission.scriptSQL, in: session.office, db: session.tx.db)
        if session.context.user.isSuperuser { return }
        let roots = try Int64.fetchAll(session.tx.db, sql: "SELECT id FROM offices WHERE parent_id IS NULL")
        guard roots.allSatisfy({ session.context.grants[$0]?.contains(.administrator) == true }) else {
            throw LvzhiError(.permissionDenied, "lvzhi.db.query 读取整个数据库（所有政协的记录），只有最上级政协的管理员可以使用",
                             hint: "请用各模块的接口（如 lvzhi.proposals.each、lvzhi.members.list），它们只读本政协、本人可见的记录")
        }
    }

    /// `lvzhi.db`: the read-only SQL escape hatch for administrators.
    ///
    /// Each text is checked by ``ReadOnlySQL`` (a strict SQLite authorizer on a read-only
    /// connection of its own), then run on the run's connection, so reads see the script's own
    /// uncommitted writes. Rows are copied to Lua one by one against the run's memory cap: a
    /// result that would not fit stops the run with the memory limit, as Lua's own allocations do.
    static let database = ScriptModule(name: "db", moduleID: nil, summary: "只读 SQL 查询（仅最上级政协的管理员）", functions: [
        ScriptFunction("query", [.text("sql"), ScriptParameter("参数", .values)],
                       summary: "执行一条只读 SQL（SELECT），返回行的数组（仅最上级政协的管理员：SQL 读得到所有政协的数据；写入、事务控制、PRAGMA、ATTACH 一律拒绝）") { session, call in
            try authorizeWholeDatabase(session)
            let sql = try call.requireString(1, "sql")
            var values: [DatabaseValue] = []
            if call.argumentCount >= 2 {
                for index in 2...call.argumentCount {
                    if let i = call.integer(index) { values.append(i.databaseValue) }
                    else if call.typeName(index) == "number", case .number(let d) = call.value(index) { values.append(d.databaseValue) }
                    else if let s = call.string(index) { values.append(s.databaseValue) }
                    else if call.typeName(index) == "nil" { values.append(.null) }
                    else { throw call.value(index).refused(call.label(index), expected: ScriptParameterKind.values.expected) }
                }
            }
            let state = (call as? LuaCall)?.state
            let cap = state?.memoryCap ?? 0
            let stopForMemory = { (reason: String) -> LvzhiError in
                state?.stop(.memory)
                return LvzhiError(.limitExceeded, "\(reason)（上限 \(cap >> 20) MB）", hint: "用 LIMIT、更少的列或聚合缩小结果，或用 --max-memory 调高上限")
            }
            call.newTable(array: 0, fields: 0)
            var position: Int64 = 0
            do {
                try session.host.database.readOnlySQL.query(sql, arguments: values, db: session.tx.db, maxLength: cap > 0 ? cap : nil) { row in
                    // What the row will cost in Lua: its texts, plus a table and a slot per column.
                    if let state, cap > 0, state.memoryUsed + row.textBytes + 64 + 48 * row.columnNames.count > cap {
                        throw stopForMemory("lvzhi.db.query 的结果超过内存上限，已在第 \(position + 1) 行停止")
                    }
                    position += 1
                    call.append(at: position) {
                        call.newTable(array: 0, fields: Int32(row.columnNames.count))
                        for (index, column) in row.columnNames.enumerated() {
                            switch row.value(at: index) {
                            case .integer(let i): call.set(column, i)
                            case .real(let d): call.set(column) { call.push(d) }
                            case .text(let s): call.set(column, s)
                            case .blob(let bytes): call.set(column, "<\(bytes) 字节>")
                            case .null: break
                            }
                        }
                    }
                }
            } catch let error as LvzhiError where error.code == .limitExceeded && state?.stopReason == nil {
                throw stopForMemory(error.message)
            }
            return 1
        },
    ])
}
