/// One bad row or cell of a task spreadsheet.
///
/// Carries the physical line and the column number and header, so the person fixing the sheet
/// can go straight to the cell in Excel.
public struct TaskImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line of the row.
    public var line: Int
    /// The 1-based column number of the cell at fault, when one cell is at fault.
    public var column: Int?
    /// The header of that column, as written in the file.
    public var columnName: String?
    /// What is wrong and how to fix it.
    public var message: String
    /// The closest valid value, for "did you mean" hints.
    public var suggestion: String?

    /// Creates a problem.
    public init(line: Int, column: Int? = nil, columnName: String? = nil, message: String, suggestion: String? = nil) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
        self.suggestion = suggestion
    }

    /// `COLUMN: MESSAGE; did you mean 'X'?` (without the column when none is at fault).
    public var description: String {
        var text = columnName.map { "\($0): \(message)" } ?? message
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }
}
