import GRDB
import LvzhiCore
import LvzhiStorage

/// The reports of `lvzhi.archive`, as the CLI's `lvzhi archive report …` prints them.
enum ArchiveReportsScriptAPI {
    static let functions: [ScriptFunction] = [
        ScriptFunction("register", yearOption, summary: "接收登记簿（文史工作人员）") { session, call in
            let year = try call.options(1).integer("year")
            try call.push(encoding: try ArchiveReports.register(office: session.office, year: year, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("backlog", summary: "尚未整理完的接收登记，最早的在前") { session, call in
            try call.push(encoding: try ArchiveReports.backlog(office: session.office, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("restrictions_ending", [.options([.integer("within", in: NumberRange.days)])], summary: "若干天内到期的开放和使用限制（默认按本政协设置）") { session, call in
            let days = try call.options(1).integer("within")
            try call.push(encoding: try ArchiveReports.restrictionsEnding(office: session.office, within: days, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("contributions", yearOption, summary: "各委员提供的资料、口述、来稿件数（履职档案）") { session, call in
            let year = try call.options(1).integer("year")
            try call.push(encoding: try ArchiveReports.members(office: session.office, year: year, context: session.context, db: session.tx.db))
            return 1
        },
        ScriptFunction("locations", summary: "馆藏分布：各存放位置的全宗、系列、案卷、件数") { session, call in
            try call.push(encoding: try ArchiveReports.locations(office: session.office, context: session.context, db: session.tx.db))
            return 1
        },
    ]

    /// The one option of the yearly reports.
    static let yearOption: [ScriptParameter] = [.options([.integer("year", in: NumberRange.year)])]
}
