import LvzhiCore

extension Proposal: ReportRecord {
    /// A proposal in a report: number, title and state first, then the rest of the record.
    public static let reportColumns: [(field: String, header: String)] = [
        ("id", "ID"), ("numberLabel", "编号"), ("title", "案由"), ("category", "类别"), ("kind", "类型"), ("status", "状态"),
        ("collectiveBody", "集体提案者"), ("occasion", "提出时机"), ("submittedYear", "年度"), ("submittedAt", "提交时间"),
        ("filedAt", "立案时间"), ("concludedAt", "办结时间"), ("isKey", "重点提案"), ("keyYear", "重点提案年度"), ("keyMode", "重点方式"),
        ("keySupervisor", "督办领导"), ("keySupervisorMemberID", "督办领导委员 ID"), ("isPublic", "公开"), ("privateReason", "不公开理由"),
        ("isExcellent", "优秀提案"), ("rejectionGround", "不予立案理由"), ("mergedIntoID", "并入提案 ID"), ("number", "序号"),
        ("numberScope", "编号范围"), ("body", "正文"), ("createdBy", "撰写人"), ("createdAt", "创建时间"),
        ("officeID", "政协 ID"), ("termID", "届次 ID"),
    ]
}
