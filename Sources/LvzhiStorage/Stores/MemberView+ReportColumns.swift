import LvzhiCore

extension MemberView: ReportRecord {
    /// A member in a report: as `lvzhi member list` reads, then the rest of the record.
    public static let reportColumns: [(field: String, header: String)] = [
        ("id", "ID"), ("name", "姓名"), ("gender", "性别"), ("ethnicity", "民族"), ("birthDate", "出生日期"), ("sector", "界别"),
        ("group", "界别活动组"), ("committee", "专委会"), ("drawn", "跨组选调"), ("party", "党派"), ("roles", "职务"),
        ("mobile", "手机"), ("email", "电子邮箱"), ("address", "通讯地址"), ("office", "政协"), ("term", "届次"),
    ]
}
