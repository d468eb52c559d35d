import GRDB
import LvzhiCore
import LvzhiStorage

/// The `lvzhi.archive` functions of digital files and fixity: the files of a unit (or of the
/// office) as the reader may see them, a fixity check (a write: it records an event per file),
/// and the files whose latest check failed.
enum ArchiveFilesScriptAPI {
    static let functions: [ScriptFunction] = [
        ScriptFunction("files", [.id("unit_id", optional: true)],
                       summary: "著录条目的数字文件（用途、MIME、大小、SHA-256、最近检查）；不给 unit_id 则为本政协可见的全部文件") { session, call in
            if call.argumentCount >= 1, call.typeName(1) != "nil" {
                let (unit, office) = try ArchiveAccess.unit(try call.requireInteger(1, "unit_id"), context: session.context, db: session.tx.db)
                guard office.id == session.office.id else { throw LvzhiError.notFound("著录条目", "ID \(unit.id!)") }
                try call.push(encoding: try DigitalFileStore.files(unitID: unit.id!, context: session.context, db: session.tx.db))
            } else {
                try call.push(encoding: try DigitalFileStore.list(officeCode: session.office.code, context: session.context, db: session.tx.db))
            }
            return 1
        },
        ScriptFunction("fixity", [.options([.integer("sample", in: NumberRange.count), .id("unit")])],
                       summary: "固定性检查（文史工作人员）：重新计算全部文件（或抽查 sample 个、或某条目的文件）的 SHA-256 并记录；返回 checked、passed、failed、missing、ok、problems",
                       writes: true) { session, call in
            let f = try call.options(1)
            let scope = FixityScope(unitID: try f.id("unit"), sample: try f.integer("sample"))
            let summary = try FixityCheck.run(officeCode: session.office.code, scope: scope, tx: session.tx)
            try call.push(encoding: summary)
            return 1
        },
        ScriptFunction("fixity_failures", summary: "最近一次固定性检查未通过（内容不符或缺失）的文件（文史工作人员）") { session, call in
            try call.push(encoding: try FixityCheck.failures(officeCode: session.office.code, context: session.context, db: session.tx.db))
            return 1
        },
    ]
}
