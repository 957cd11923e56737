/// A parsed CSV table: trimmed header names and the rows beneath them.
///
/// Importers (staff registers, contract lists) work on this rather than raw text so that every
/// value can be traced back to a line, and columns can be found by name however a spreadsheet
/// spelled them.
public struct CSVTable: Sendable, Equatable {
    /// Header names, trimmed of surrounding whitespace; empty when read with `hasHeader: false`.
    public var header: [String] {
        didSet {
            let index = CSVColumnIndex(header: header)
            columnIndex = index
            rows = rows.map { CSVRow(line: $0.line, fields: $0.fields, columnIndex: index) }
        }
    }
    /// The data rows, in file order.
    ///
    /// Rows appended later find columns by name only if they were read with this table's header;
    /// to add rows built by hand, make a new table with ``init(header:rows:)``.
    public var rows: [CSVRow]
    private var columnIndex: CSVColumnIndex

    /// Creates a table; `rows` are given access to `header` for ``CSVRow/subscript(column:)``.
    public init(header: [String], rows: [CSVRow]) {
        let index = CSVColumnIndex(header: header)
        self.header = header
        self.columnIndex = index
        self.rows = rows.map { CSVRow(line: $0.line, fields: $0.fields, columnIndex: index) }
    }

    /// Creates a table whose rows already carry `columnIndex`.
    init(header: [String], rows: [CSVRow], columnIndex: CSVColumnIndex) {
        self.header = header
        self.rows = rows
        self.columnIndex = columnIndex
    }

    /// The 0-based position of the column called `name`, ignoring case and surrounding spaces,
    /// or `nil` when the header has no such column.
    public func column(named name: String) -> Int? {
        columnIndex.position(of: name)
    }

    /// Every value in the column called `name` (ignoring case and surrounding spaces),
    /// or `nil` when the header has no such column.
    public func values(inColumn name: String) -> [String]? {
        guard let position = column(named: name) else { return nil }
        return rows.map { position < $0.fields.count ? $0.fields[position] : "" }
    }

    /// Tables are equal when their headers and rows are equal.
    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.header == rhs.header && lhs.rows == rhs.rows
    }
}
