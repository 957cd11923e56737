/// One record of a CSV table, remembering the physical line it started on.
///
/// Importers report problems by line ("line 12: unknown staff grade"), so each row keeps the
/// 1-based line where its record begins, counting newlines inside quoted fields.
/// Rows read by ``CSVReader`` can look fields up by header name.
public struct CSVRow: Sendable, Equatable {
    /// The 1-based physical line where the record starts.
    public var line: Int
    /// The field values in column order, exactly as written (only header names are trimmed).
    public var fields: [String]
    var columnIndex: CSVColumnIndex

    /// Creates a row; use ``CSVTable/init(header:rows:)`` to make name lookups work.
    public init(line: Int, fields: [String]) {
        self.init(line: line, fields: fields, columnIndex: CSVColumnIndex())
    }

    init(line: Int, fields: [String], columnIndex: CSVColumnIndex) {
        self.line = line
        self.fields = fields
        self.columnIndex = columnIndex
    }

    /// The value in the column whose header is `name` (case-insensitive, surrounding spaces
    /// ignored), or `nil` when there is no such column.
    public subscript(column name: String) -> String? {
        guard let position = columnIndex.position(of: name), position < fields.count else { return nil }
        return fields[position]
    }

    /// Rows are equal when their line and fields are equal; the header they were read with is ignored.
    public static func == (lhs: CSVRow, rhs: CSVRow) -> Bool {
        lhs.line == rhs.line && lhs.fields == rhs.fields
    }
}
