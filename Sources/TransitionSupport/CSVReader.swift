/// Reads RFC 4180 CSV, including the quirks of files saved by Excel.
///
/// Staff registers and contract lists arrive as spreadsheet exports, so the reader accepts what
/// Excel writes (a UTF-8 byte order mark, CRLF or LF line endings, quoted fields spanning lines,
/// trailing `,,,` rows, a missing final newline) and refuses anything ambiguous with a
/// ``CSVError`` naming the line and field. It works on UTF-8 bytes in one pass: O(n) in bytes.
///
/// Rules:
/// - Empty physical lines are skipped wherever they appear.
/// - Trailing rows whose fields are all empty and unquoted (`,,,`) are dropped.
/// - Every row must have as many fields as the header (or the first row without a header).
/// - Header names are trimmed; field values are kept exactly as written.
/// - Header names must be unique, ignoring case and surrounding spaces (empty names excepted).
public enum CSVReader {
    /// Parses CSV held as UTF-8 bytes, such as `Data` or `[UInt8]` read from a file.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents; a leading UTF-8 byte order mark is ignored.
    ///   - hasHeader: Whether the first record names the columns.
    /// - Returns: The table; rows keep the physical line on which they start.
    /// - Throws: ``CSVError`` for unterminated or stray quotes, invalid UTF-8, UTF-16 input,
    ///   rows with the wrong number of fields, and duplicate header names.
    public static func parse(_ bytes: some Collection<UInt8>, hasHeader: Bool = true) throws(CSVError) -> CSVTable {
        if let result = bytes.withContiguousStorageIfAvailable({ parseCatching($0, hasHeader: hasHeader) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { parseCatching($0, hasHeader: hasHeader) }.get()
    }

    /// Parses CSV text, following the same rules as the byte-based overload.
    public static func parse(_ text: String, hasHeader: Bool = true) throws(CSVError) -> CSVTable {
        var text = text
        return try text.withUTF8 { parseCatching($0, hasHeader: hasHeader) }.get()
    }

    /// Wraps the parse in a `Result`, since the buffer-access closures do not forward typed throws.
    private static func parseCatching(
        _ buffer: UnsafeBufferPointer<UInt8>, hasHeader: Bool
    ) -> Result<CSVTable, CSVError> {
        Result { () throws(CSVError) in try parse(buffer: buffer, hasHeader: hasHeader) }
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, hasHeader: Bool) throws(CSVError) -> CSVTable {
        if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
            throw .utf16(line: 1)
        }
        let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var scanner = CSVScanner(bytes: buffer, startingAt: start)
        var records: [CSVRecord] = []
        while let record = try scanner.nextRecord() {
            records.append(record)
        }
        while let last = records.last, last.isBlank {
            records.removeLast()
        }
        guard let first = records.first else { return CSVTable(header: [], rows: []) }

        let header = hasHeader ? first.fields.map(CSVColumnIndex.trimmed) : []
        if hasHeader {
            try checkUnique(header, line: first.line)
        }
        let index = CSVColumnIndex(header: header)
        let expected = first.fields.count
        var rows: [CSVRow] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst(hasHeader ? 1 : 0) {
            guard record.fields.count == expected else {
                throw .fieldCount(
                    line: record.line, expected: expected, found: record.fields.count, hasHeader: hasHeader)
            }
            rows.append(CSVRow(line: record.line, fields: record.fields, columnIndex: index))
        }
        return CSVTable(header: header, rows: rows, columnIndex: index)
    }

    private static func checkUnique(_ header: [String], line: Int) throws(CSVError) {
        var seen: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            let key = CSVColumnIndex.normalize(name)
            guard !key.isEmpty else { continue }
            if let earlier = seen[key] {
                throw .duplicateColumn(line: line, name: name, column: position + 1, firstColumn: earlier + 1)
            }
            seen[key] = position
        }
    }
}
