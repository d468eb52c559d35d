import GRDB

extension TableDefinition {
    /// Adds an indexed foreign-key column `NAME_id` referring to `table` (default: `NAME` + "s").
    ///
    /// GRDB's `belongsTo` names the column in camelCase (`officeId`); the platform's tables
    /// use snake_case throughout (`office_id`), so core and plugin migrations use this instead.
    @discardableResult
    public func reference(_ name: String, table: String? = nil, onDelete: Database.ForeignKeyAction) -> ColumnDefinition {
        column("\(name)_id", .integer).references(table ?? name + "s", onDelete: onDelete).indexed()
    }
}
