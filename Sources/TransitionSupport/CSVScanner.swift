/// A record as scanned, before header and field-count checks.
struct CSVRecord {
    var line: Int
    var fields: [String]
    /// True when every field is empty and none was quoted, such as Excel's trailing `,,,` rows.
    var isBlank: Bool
}

/// Splits UTF-8 bytes into RFC 4180 records in one forward pass.
///
/// Works on bytes, never on `String.Index`, so the cost is linear in the input. Physical lines
/// are counted as LF, CRLF or a lone CR, including those inside quoted fields, so each record
/// and error can name the line a person sees in an editor.
struct CSVScanner {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private(set) var line = 1
    /// Reused buffer for quoted fields that contain doubled quotes.
    private var unescaped: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, startingAt position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// The next record, skipping empty lines, or `nil` at the end of the input.
    mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        while position < bytes.count, isLineBreak(bytes[position]) {
            consumeLineBreak()
        }
        guard position < bytes.count else { return nil }

        let recordLine = line
        var fields: [String] = []
        var isBlank = true
        while true {
            let column = fields.count + 1
            let field: String
            if position < bytes.count, bytes[position] == CSVScanner.quote {
                field = try quotedField(column: column)
                isBlank = false
            } else {
                field = try unquotedField(column: column)
                if !field.isEmpty { isBlank = false }
            }
            fields.append(field)

            if position < bytes.count, bytes[position] == CSVScanner.comma {
                position += 1
                continue
            }
            if position < bytes.count {
                consumeLineBreak()
            }
            return CSVRecord(line: recordLine, fields: fields, isBlank: isBlank)
        }
    }

    private func isLineBreak(_ byte: UInt8) -> Bool {
        byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn
    }

    /// Consumes one LF, CRLF or lone CR at `position` and counts the line.
    private mutating func consumeLineBreak() {
        if bytes[position] == CSVScanner.carriageReturn, position + 1 < bytes.count,
            bytes[position + 1] == CSVScanner.lineFeed
        {
            position += 2
        } else {
            position += 1
        }
        line += 1
    }

    /// Reads an unquoted field up to the next comma, line break or end of input.
    private mutating func unquotedField(column: Int) throws(CSVError) -> String {
        let start = position
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == CSVScanner.comma || isLineBreak(byte) { break }
            if byte == CSVScanner.quote { throw .strayQuote(line: line, column: column) }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        return try decode(UnsafeBufferPointer(rebasing: bytes[start..<position]), isASCII: isASCII, column: column)
    }

    /// Reads a quoted field starting at its opening quote, undoubling `""`.
    private mutating func quotedField(column: Int) throws(CSVError) -> String {
        let startLine = line
        position += 1
        var segmentStart = position
        var isASCII = true
        var hasEscapes = false
        unescaped.removeAll(keepingCapacity: true)
        while true {
            guard position < bytes.count else { throw .unterminatedQuote(line: startLine, column: column) }
            let byte = bytes[position]
            if byte == CSVScanner.quote {
                if position + 1 < bytes.count, bytes[position + 1] == CSVScanner.quote {
                    // Keep one quote of the pair: copy up to and including the first.
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...position]))
                    hasEscapes = true
                    position += 2
                    segmentStart = position
                    continue
                }
                break
            }
            if isLineBreak(byte) {
                consumeLineBreak()
                continue
            }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        let segmentEnd = position
        position += 1  // closing quote
        if position < bytes.count, bytes[position] != CSVScanner.comma, !isLineBreak(bytes[position]) {
            throw .textAfterClosingQuote(line: line, column: column)
        }
        if !hasEscapes {
            return try decode(
                UnsafeBufferPointer(rebasing: bytes[segmentStart..<segmentEnd]), isASCII: isASCII, column: column,
                line: startLine)
        }
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<segmentEnd]))
        return try unescaped.withUnsafeBufferPointer { buffer throws(CSVError) in
            try decode(buffer, isASCII: isASCII, column: column, line: startLine)
        }
    }

    /// Turns field bytes into a `String`, refusing invalid UTF-8.
    private func decode(
        _ buffer: UnsafeBufferPointer<UInt8>, isASCII: Bool, column: Int, line fieldLine: Int? = nil
    ) throws(CSVError) -> String {
        if isASCII {
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw .invalidUTF8(line: fieldLine ?? line, column: column)
        }
        return text
    }
}
