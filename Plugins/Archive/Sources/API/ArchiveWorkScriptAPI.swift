import GRDB
import LvzhiCore
import LvzhiStorage

/// The `lvzhi.archive` functions of oral histories, editorial review, volumes, exhibitions and
/// copy and use requests: the queries an archivist's script needs and the main steps, through
/// the same stores as the CLI (same checks, audit and events; hidden units are absent).
enum ArchiveWorkScriptAPI {
    static let functions: [ScriptFunction] = oralHistories + editorial + publication + exhibitions + requests

    static let oralHistories: [ScriptFunction] = [
        ScriptFunction("interviews", [.options([.id("narrator")])], summary: "可见的口述史采访（最近的在前；narrator 为口述者的人物 ID）") { session, call in
            let f = try call.options(1)
            try call.push(encoding: try OralHistoryQuery.list(officeCode: session.office.code, narratorID: try f.id("narrator"),
                                                                   context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("interview", [.id("id")], summary: "一次采访：interview（采访记录）、versions（整理稿各版）、segments（索引片段）") { session, call in
            let id = try call.requireInteger(1, "id")
            try own(session, OralHistoryQuery.visible(id, context: session.context, db: session.tx.db).office, "口述史采访", id)
            try call.push(encoding: try OralHistoryQuery.detail(id, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("transcript", [.id("id"), .integer("version", in: NumberRange.ordinal, optional: true)], summary: "采访的整理稿（默认最新一版）：version、text、length、note…") { session, call in
            let id = try call.requireInteger(1, "id")
            let version = call.argumentCount >= 2 && call.typeName(2) != "nil" ? Int(try call.requireInteger(2, "version")) : nil
            try own(session, OralHistoryQuery.visible(id, context: session.context, db: session.tx.db).office, "口述史采访", id)
            try call.push(encoding: try OralHistoryTranscriptStore.transcript(interviewID: id, version: version,
                                                                              context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("segments", [.id("id")], summary: "采访的索引片段（按开始时间），text 为对应的整理稿文字") { session, call in
            let id = try call.requireInteger(1, "id")
            try own(session, OralHistoryQuery.visible(id, context: session.context, db: session.tx.db).office, "口述史采访", id)
            try call.push(encoding: try OralHistorySegmentStore.list(interviewID: id, context: session.context, db: session.tx.db))
            return 1
        },
    ]

    static let editorial: [ScriptFunction] = [
        ScriptFunction("reviews", [.id("unit")], summary: "一个条目的各轮编审（文史工作人员）") { session, call in
            let unit = try call.requireInteger(1, "unit")
            try ownUnit(session, unit)
            try call.push(encoding: try EditorialReviewStore.reviews(unitID: unit, context: session.context, db: session.tx.db).map(EditorialReviewSummary.init))
            return 1
        },
        ScriptFunction("review", [.options([.id("unit"), .text("decision"), .text("reviewers"), .text("note"), .date("date")])],
                       summary: "记录下一轮编审（决定：采用、修改后采用、存稿备用、退稿；reviewers 用顿号分隔），返回轮次", writes: true) { session, call in
            let f = try call.options(1)
            let unit = try required(f, "unit")
            try ownUnit(session, unit)
            let review = try EditorialReviewStore.add(unitID: unit, decision: f["decision"] ?? "", reviewers: [f["reviewers"] ?? ""], note: f["note"],
                                                      on: try f.date("date"), tx: session.tx)
            call.push(Int64(review.round))
            return 1
        },
    ]

    static let publication: [ScriptFunction] = [
        ScriptFunction("volumes", [.options([.text("series")])], summary: "各辑文史资料（按丛书、辑号），含篇数和页数") { session, call in
            let f = try call.options(1)
            try call.push(encoding: try VolumeQuery.list(officeCode: session.office.code, series: f["series"], context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("volume", [.id("id")], summary: "一辑的目录：volume 与 contents（按页码：pages、title、author、unit_id、reference_code）") { session, call in
            let id = try call.requireInteger(1, "id")
            let contents = try VolumeQuery.contents(id, context: session.context, db: session.tx.db)
            guard try Volume.find(id: id, db: session.tx.db).officeID == session.office.id else { throw LvzhiError.notFound(Volume.entityName, "ID \(id)") }
            try call.push(encoding: contents)
            return 1
        },
        ScriptFunction("add_to_volume", [.options([.id("volume"), .id("unit"), .integer("from", in: NumberRange.ordinal),
                                                            .integer("to", in: NumberRange.ordinal), .text("title"), .text("author")])],
                       summary: "把一篇（编审决定为采用或修改后采用的条目）收入一辑，页码不能与已有篇目重叠；返回篇目 ID", writes: true) { session, call in
            let f = try call.options(1)
            let volume = try required(f, "volume")
            guard try Volume.find(id: volume, db: session.tx.db).officeID == session.office.id else { throw LvzhiError.notFound(Volume.entityName, "ID \(volume)") }
            let item = try VolumeStore.addItem(volumeID: volume, VolumeItemInput(unitID: try required(f, "unit"), pageFrom: try page(f, "from"),
                                                                                pageTo: try page(f, "to"), printedTitle: f["title"],
                                                                                printedAuthor: f["author"]), tx: session.tx)
            call.push(item.id!)
            return 1
        },
    ]

    static let exhibitions: [ScriptFunction] = [
        ScriptFunction("exhibitions", summary: "展览（最近开展的在前），含单元数和展品数") { session, call in
            try call.push(encoding: try ExhibitionQuery.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("exhibition", [.id("id")], summary: "一个展览：exhibition 与 sections（各单元及其展品：label、form_title、unit_id）") { session, call in
            let id = try call.requireInteger(1, "id")
            let detail = try ExhibitionQuery.detail(id, context: session.context, db: session.tx.db)
            guard try Exhibition.find(id: id, db: session.tx.db).officeID == session.office.id else { throw LvzhiError.notFound(Exhibition.entityName, "ID \(id)") }
            try call.push(encoding: detail)
            return 1
        },
    ]

    static let requests: [ScriptFunction] = [
        ScriptFunction("requests", [.options([.text("status")])], summary: "复制利用申请（文史工作人员看全部，其他人看自己的；status：pending、approved、refused）") { session, call in
            let f = try call.options(1)
            try call.push(encoding: try UseRequestStore.list(officeCode: session.office.code, status: try f["status"].map(UseRequestStatus.parse),
                                                                  context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("request", [.options([.id("unit"), .text("kind"), .text("purpose"), .text("applicant")])],
                       summary: "申请复制（kind=\"复制\"）或利用（\"利用\"）一个可见的条目；applicant 为代他人登记（文史工作人员）；返回申请 ID", writes: true) { session, call in
            let f = try call.options(1)
            let unit = try required(f, "unit")
            try ownUnit(session, unit)
            let request = try UseRequestStore.request(unitID: unit, kind: f["kind"] ?? "利用", purpose: f["purpose"] ?? "", applicant: f["applicant"], tx: session.tx)
            call.push(request.id!)
            return 1
        },
        ScriptFunction("approve_request", [.id("id"), .text("note", optional: true)], summary: "同意一件申请（控制、内部的资料须在 note 中写明依据）", writes: true) { session, call in
            let id = try ownRequest(session, call)
            let note = call.argumentCount >= 2 && call.typeName(2) != "nil" ? try call.requireString(2, "note") : nil
            _ = try UseRequestStore.approve(id: id, note: note, tx: session.tx)
            call.push(true)
            return 1
        },
        ScriptFunction("refuse_request", [.id("id"), .text("note")], summary: "不同意一件申请（须写明理由）", writes: true) { session, call in
            let id = try ownRequest(session, call)
            _ = try UseRequestStore.refuse(id: id, note: try call.requireString(2, "note"), tx: session.tx)
            call.push(true)
            return 1
        },
    ]

    // MARK: Helpers

    /// A required id option.
    static func required(_ f: ScriptOptions, _ key: String) throws -> Int64 {
        guard let n = try f.id(key) else { throw LvzhiError(.invalidInput, "须给出 \(key)") }
        return n
    }

    /// A required page number option.
    static func page(_ f: ScriptOptions, _ key: String) throws -> Int {
        guard let n = try f.integer(key) else { throw LvzhiError(.invalidInput, "须给出 \(key)（页码）") }
        return n
    }

    /// Refuses records of another office than the script's (as not found).
    static func own(_ session: ScriptSession, _ office: Office, _ entity: String, _ id: Int64) throws {
        guard office.id == session.office.id else { throw LvzhiError.notFound(entity, "ID \(id)") }
    }

    static func ownUnit(_ session: ScriptSession, _ id: Int64) throws {
        guard try DescriptionUnit.fetchOne(session.tx.db, key: id)?.officeID == session.office.id else { throw LvzhiError.notFound("著录条目", "ID \(id)") }
    }

    static func ownRequest(_ session: ScriptSession, _ call: any ScriptCall) throws -> Int64 {
        let id = try call.requireInteger(1, "id")
        guard try UseRequest.fetchOne(session.tx.db, key: id)?.officeID == session.office.id else { throw LvzhiError.notFound(UseRequest.entityName, "ID \(id)") }
        return id
    }
}
