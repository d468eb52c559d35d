import GRDB
import LvzhiCore
import LvzhiStorage

/// `lvzhi.archive`: search, the description tree, accessions, agents, the review queue and the
/// reports, with the same access rules as the CLI (hidden units are absent, not refused).
public enum ArchiveScriptAPI {
    public static let module = ScriptModule(name: "archive", moduleID: ArchivePlugin.id, summary: "文史资料",
                                            functions: core + ArchiveReportsScriptAPI.functions + ArchiveFilesScriptAPI.functions + ArchiveWorkScriptAPI.functions)

    /// The filter of units/each_unit.
    static let unitFilters: [ScriptParameter] = [.options([.text("level"), .id("parent"), .id("accession"), .text("genre"), .text("location")])]

    /// The keys of `describe`: the fields of `lvzhi archive unit add` (dates are archival dates, written as text).
    static let describeKeys: [ScriptParameter] = [.text("level"), .id("parent")]
        + ["reference_code", "title", "creator", "created_on", "period_from", "period_to", "manuscript", "genre", "extent", "summary",
           "persons", "places", "subjects", "classification", "secrecy", "retention", "openness", "original_location", "copy_location"].map { .text($0) }
        + [.id("accession"), .text("body")]

    static let core: [ScriptFunction] = [
        ScriptFunction("search", [.text("query"), .options([.integer("limit", in: 0...NumberRange.limit.upperBound),
                                                                      .integer("offset", in: NumberRange.offset)])], summary: "中文全文检索（题名、提要、主题词、正文、口述稿），按相关度排序，带摘录") { session, call in
            let query = try call.requireString(1, "query")
            let f = try call.options(2)
            let result = try ArchiveSearch.search(query, officeCode: session.office.code, limit: try f.integer("limit") ?? 20,
                                                  offset: try f.integer("offset") ?? 0, context: session.context, db: session.tx.db)
            try call.push(encoding: result.hits)
            return 1
        },
        ScriptFunction("units", unitFilters, summary: "可见的著录条目数组（按档号）") { session, call in
            try call.push(encoding: try units(session, call))
            return 1
        },
        ScriptFunction("each_unit", unitFilters, summary: "逐条遍历可见的著录条目") { session, call in
            var remaining = try units(session, call)[...]
            call.pushIterator { call in
                guard let unit = remaining.popFirst() else { return 0 }
                try call.push(encoding: unit)
                return 1
            }
            return 1
        },
        ScriptFunction("count_units", unitFilters, summary: "可见的著录条目条数（条件同 units）") { session, call in
            call.push(Int64(try units(session, call).count))
            return 1
        },
        ScriptFunction("unit", [.id("id")], summary: "按 ID 取一条著录（看不到的条目视为不存在）；path 为从全宗到本条的档号") { session, call in
            let (unit, office) = try ArchiveAccess.unit(try call.requireInteger(1, "id"), context: session.context, db: session.tx.db)
            guard office.id == session.office.id else { throw LvzhiError.notFound("著录条目", "ID \(unit.id!)") }
            let path = try DescriptionStore.path(to: unit, db: session.tx.db).map(\.referenceCode)
            try call.push(encoding: unit)
            try call.set("path") { try call.push(encoding: path) }
            return 1
        },
        ScriptFunction("describe", [.options(describeKeys)], summary: "新增一条著录（与 lvzhi archive unit add 相同的校验），返回其 ID",
                       writes: true) { session, call in
            let f = try call.options(1)
            let unit = try DescriptionStore.add(officeCode: session.office.code, UnitInput(
                level: f["level"], parentID: try f.id("parent"), referenceCode: f["reference_code"], title: f["title"],
                creator: f["creator"], createdOn: f["created_on"], periodFrom: f["period_from"], periodTo: f["period_to"],
                manuscript: f["manuscript"], genre: f["genre"], extent: f["extent"], summary: f["summary"], persons: f["persons"],
                places: f["places"], subjects: f["subjects"], classification: f["classification"], secrecy: f["secrecy"],
                retention: f["retention"], openness: f["openness"], originalLocation: f["original_location"], copyLocation: f["copy_location"],
                accessionID: try f.id("accession"), body: f["body"]), tx: session.tx)
            call.push(unit.id!)
            return 1
        },
        ScriptFunction("accessions", [.options([.integer("year", in: NumberRange.year), .text("status")])], summary: "接收登记（文史工作人员），按编号") { session, call in
            let f = try call.options(1)
            try call.push(encoding: try AccessionStore.list(officeCode: session.office.code, year: try f.integer("year"),
                                                                 status: try f["status"].map(ProcessingStatus.parse), context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("agents", [.options([.text("name")])], summary: "人物和机构（按名称的一部分筛选）") { session, call in
            let f = try call.options(1)
            try call.push(encoding: try AgentStore.list(officeCode: session.office.code, name: f["name"], context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("submissions", [.options([.text("status")])], summary: "征集来稿（文史工作人员看全部，其他人看自己提交的）") { session, call in
            let f = try call.options(1)
            let status = try f["status"].map { text in
                guard let s = SubmissionStatus.named(text) else {
                    throw LvzhiError.invalid("status", text, "应为 needs_review、accepted 或 declined")
                }
                return s
            }
            try call.push(encoding: try CollectionStore.submissions(officeCode: session.office.code, status: status, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("submit", [.options([.text("title"), .text("summary"), .text("sanqin"), .id("campaign")])], summary: "委员提交文史资料来稿（进入审核队列），返回其 ID", writes: true) { session, call in
            let f = try call.options(1)
            let s = try CollectionStore.submit(officeCode: session.office.code, campaignID: try f.id("campaign"), title: f["title"] ?? "",
                                               summary: f["summary"] ?? "", sanqin: f["sanqin"], tx: session.tx)
            call.push(s.id!)
            return 1
        },
    ]

    static func units(_ session: ScriptSession, _ call: any ScriptCall) throws -> [DescriptionUnit] {
        let f = try call.options(1)
        return try DescriptionStore.list(officeCode: session.office.code, UnitFilter(
            level: try f["level"].map(DescriptionLevel.parse), parentID: try f.id("parent"),
            accessionID: try f.id("accession"), genre: f["genre"], location: f["location"]), context: session.context, db: session.tx.db)
    }
}
