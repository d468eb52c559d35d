/// A record that says how a report shows it: its fields in the order a person reads them, each
/// with its Chinese column header. A script's `lvzhi.report.print(records)` and `report.save`
/// show such records with these headers and in this order when the script names no `headers`
/// or `columns` (fields not listed follow, by name).
///
/// ```swift
/// extension LocationHolding: ReportRecord {
///     public static let reportColumns = [("location", "存放位置"), ("total", "合计")]
/// }
/// ```
public protocol ReportRecord {
    /// (Swift property name, Chinese header), in report order.
    static var reportColumns: [(field: String, header: String)] { get }
}
