import LvzhiCore

extension UnitEvaluationRow: ReportRecord {
    /// A handling unit's evaluation in a report, as `lvzhi proposal units` shows it.
    public static let reportColumns: [(field: String, header: String)] = [
        ("unit", "承办单位"), ("lead", "主办"), ("co", "协办"), ("returned", "退回"), ("replied", "已答复"), ("onTime", "按时"),
        ("late", "逾期答复"), ("overdue", "超期未答"), ("outcomeA", "A"), ("outcomeB", "B"), ("outcomeC", "C"), ("satisfied", "满意"),
        ("basic", "基本满意"), ("unsatisfied", "不满意"), ("onTimePercent", "按时率"), ("satisfactionPercent", "满意率"),
    ]
}
