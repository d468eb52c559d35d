import GRDB

/// A record that names its columns once, in a fixed order, and gives its values in that order.
///
/// Its `encode(to:)` is derived from these two lists, so GRDB's single-record path and the
/// bulk path (``AuditedTransaction/insertAll(_:)``) write the same row. The bulk path prepares
/// one `INSERT` for all rows instead of building one per record: a roster writes thousands
/// of members at once.
public protocol ColumnOrderedRecord: LvzhiRecord {
    /// The table's columns other than `id`, in the order of ``columnValues``.
    static var insertColumns: [String] { get }
    /// The record's values for ``insertColumns``, in the same order.
    var columnValues: [(any DatabaseValueConvertible)?] { get }
}

extension ColumnOrderedRecord {
    /// The row: `id`, then every column of ``insertColumns`` with its value.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        for (column, value) in zip(Self.insertColumns, columnValues) { container[column] = value }
    }
}
