/// Writes RFC 4180 CSV that Excel and ``CSVReader`` read back unchanged.
///
/// Reports and exports must survive a round trip through a spreadsheet, so a field is quoted
/// when it contains a comma, quote, CR or LF, or starts or ends with a space or tab (which
/// spreadsheet tools may otherwise trim); quotes inside are doubled. A row whose fields are all
/// empty gets its first field written as `""`, so the reader does not mistake it for a blank line.
public enum CSVWriter {
    /// Renders a header line (omitted when `header` is empty) and `rows`, each ended by `lineEnding`.
    ///
    /// - Parameters:
    ///   - header: Column names, written first.
    ///   - rows: Field values; rows are written as given, whatever their length.
    ///   - lineEnding: `"\r\n"` (RFC 4180, Excel) by default.
    ///   - byteOrderMark: Whether to start with U+FEFF so Excel detects UTF-8.
    /// - Returns: The CSV text. O(n) in the total length of the fields.
    public static func write(
        header: [String], rows: [[String]], lineEnding: String = "\r\n", byteOrderMark: Bool = false
    ) -> String {
        var output: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        let ending = Array(lineEnding.utf8)
        if !header.isEmpty {
            appendRecord(header, lineEnding: ending, to: &output)
        }
        for row in rows {
            appendRecord(row, lineEnding: ending, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends one record (`fields`, then `lineEnding`) exactly as ``write(header:rows:lineEnding:byteOrderMark:)``
    /// writes each row, for a caller that writes a long table a piece at a time.
    public static func appendRow(_ fields: [String], lineEnding: String = "\r\n", to output: inout [UInt8]) {
        appendRecord(fields, lineEnding: Array(lineEnding.utf8), to: &output)
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    private static func appendRecord(_ fields: [String], lineEnding: [UInt8], to output: inout [UInt8]) {
        let allEmpty = !fields.isEmpty && fields.allSatisfy(\.isEmpty)
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(comma) }
            if allEmpty && position == 0 {
                output.append(contentsOf: [quote, quote])
            } else if needsQuotes(field) {
                output.append(quote)
                for byte in field.utf8 {
                    if byte == quote { output.append(quote) }
                    output.append(byte)
                }
                output.append(quote)
            } else {
                output.append(contentsOf: field.utf8)
            }
        }
        output.append(contentsOf: lineEnding)
    }

    private static func needsQuotes(_ field: String) -> Bool {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        if first == space || first == tab || last == space || last == tab { return true }
        return utf8.contains { byte in
            byte == comma || byte == quote || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
    }
}
