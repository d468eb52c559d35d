import LvzhiCore

extension AccessionRegisterRow: ReportRecord {
    /// A line of the accession register, as `lvzhi archive report register` shows it.
    public static let reportColumns: [(field: String, header: String)] = [
        ("number", "编号"), ("receivedOn", "接收日期"), ("title", "题名"), ("acquisition", "方式"), ("sources", "提供者"), ("sanqin", "三亲"),
        ("extent", "数量"), ("processing", "整理"), ("restrictions", "限制"), ("units", "著录条数"), ("deaccessioned", "注销日期"),
    ]
}

extension MemberContribution: ReportRecord {
    /// What a member gave the archive, as `lvzhi archive report members` shows it.
    public static let reportColumns: [(field: String, header: String)] = [
        ("memberID", "委员ID"), ("member", "委员"), ("accessions", "提供资料"), ("narrated", "口述"), ("submissions", "来稿"), ("accepted", "来稿被接收"),
    ]
}

extension LocationHolding: ReportRecord {
    /// The holdings of a storage location, as `lvzhi archive report locations` shows them.
    public static let reportColumns: [(field: String, header: String)] = [
        ("location", "存放位置"), ("fonds", "全宗"), ("series", "系列"), ("files", "案卷"), ("items", "件"), ("total", "合计"),
    ]
}
