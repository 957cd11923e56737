/// A problem found while reading CSV, located by physical line and field.
///
/// Spreadsheet exports are edited by hand, so every refusal names the 1-based physical line
/// (counting newlines inside quoted fields) and the 1-based field number, says what is wrong
/// and says how to fix it: `line 12, column 3: unterminated quoted field; close the quote or remove it`.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based physical line on which the problem starts.
    public var line: Int
    /// The 1-based field number (not a character offset) of the field at fault.
    public var column: Int
    /// What went wrong and what to do about it, in lower case with no location prefix.
    public var message: String

    /// Creates an error at `line` and `column` (both 1-based).
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as `line L, column C: message`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}

extension CSVError {
    static func unterminatedQuote(line: Int, column: Int) -> CSVError {
        CSVError(line: line, column: column, message: "unterminated quoted field; close the quote or remove it")
    }

    static func strayQuote(line: Int, column: Int) -> CSVError {
        CSVError(
            line: line, column: column,
            message: "quote inside an unquoted field; wrap the whole field in quotes and double the quote (\"\")")
    }

    static func textAfterClosingQuote(line: Int, column: Int) -> CSVError {
        CSVError(
            line: line, column: column,
            message:
                "text after the closing quote of a quoted field; put the whole field inside the quotes "
                + "and double any quote within it (\"\")")
    }

    static func invalidUTF8(line: Int, column: Int) -> CSVError {
        CSVError(
            line: line, column: column,
            message: "field is not valid UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')")
    }

    static func utf16(line: Int) -> CSVError {
        CSVError(
            line: line, column: 1,
            message: "file is UTF-16 encoded; save it as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')")
    }

    static func fieldCount(line: Int, expected: Int, found: Int, hasHeader: Bool) -> CSVError {
        let source = hasHeader ? "the header has" : "the first row has"
        let fields = { (count: Int) in count == 1 ? "1 field" : "\(count) fields" }
        if found > expected {
            return CSVError(
                line: line, column: expected + 1,
                message:
                    "expected \(fields(expected)) but found \(found) (\(source) \(expected)); "
                    + "quote fields that contain commas, or remove the extra fields")
        }
        return CSVError(
            line: line, column: found + 1,
            message:
                "expected \(fields(expected)) but found \(found) (\(source) \(expected)); "
                + "add the missing fields, leaving them empty if there is no value")
    }

    static func duplicateColumn(line: Int, name: String, column: Int, firstColumn: Int) -> CSVError {
        CSVError(
            line: line, column: column,
            message: "duplicate column name '\(name)' (also column \(firstColumn)); rename one of them")
    }
}
