import Testing

@testable import TransitionSupport

/// One malformed input and where and how it must be refused.
struct CSVErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: [UInt8]
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { name }

    init(_ name: String, _ text: String, line: Int, column: Int, _ message: String) {
        self.init(name, Array(text.utf8), line: line, column: column, message)
    }

    init(_ name: String, _ bytes: [UInt8], line: Int, column: Int, _ message: String) {
        self.name = name
        self.input = bytes
        self.line = line
        self.column = column
        self.message = message
    }
}

@Suite("CSVReader errors")
struct CSVReaderErrorTests {
    static let cases: [CSVErrorCase] = [
        CSVErrorCase(
            "unterminated quote on the last line", "a,b\n1,2\n3,\"open", line: 3, column: 2,
            "unterminated quoted field; close the quote or remove it"),
        CSVErrorCase(
            "unterminated quote spanning lines reports its first line", "a,b\n1,\"open\n\n\nstill open\n", line: 2,
            column: 2, "unterminated quoted field; close the quote or remove it"),
        CSVErrorCase(
            "stray quote in an unquoted field", "a,b,c\n1,2,3\n4,5 \"inch\",6\n", line: 3, column: 2,
            "quote inside an unquoted field; wrap the whole field in quotes and double the quote (\"\")"),
        CSVErrorCase(
            "text after a closing quote", "a,b\n\"x\"y,2\n", line: 2, column: 1,
            "text after the closing quote of a quoted field; put the whole field inside the quotes "
                + "and double any quote within it (\"\")"),
        CSVErrorCase(
            "text after a closing quote that spans lines", "a,b\n1,\"x\ny\" z\n", line: 3, column: 2,
            "text after the closing quote of a quoted field; put the whole field inside the quotes "
                + "and double any quote within it (\"\")"),
        CSVErrorCase(
            "ragged row with too many fields", "a,b,c\r\n1,2,3\r\n4,5,6,7\r\n", line: 3, column: 4,
            "expected 3 fields but found 4 (the header has 3); quote fields that contain commas, "
                + "or remove the extra fields"),
        CSVErrorCase(
            "ragged row with too few fields on the last line", "a,b,c\n1,2,3\n4,5", line: 3, column: 3,
            "expected 3 fields but found 2 (the header has 3); add the missing fields, "
                + "leaving them empty if there is no value"),
        CSVErrorCase(
            "ragged row after a multi-line field names the record's first line", "a,b\n\"x\ny\",2\n1\n", line: 4,
            column: 2,
            "expected 2 fields but found 1 (the header has 2); add the missing fields, "
                + "leaving them empty if there is no value"),
        CSVErrorCase(
            "invalid UTF-8 in an unquoted field", [0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xC3, 0x28, 0x0A], line: 2,
            column: 2, "field is not valid UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"),
        CSVErrorCase(
            "invalid UTF-8 in a quoted field", [0x61, 0x0A, 0x22, 0x0A, 0xFF, 0x22, 0x0A], line: 2, column: 1,
            "field is not valid UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"),
        CSVErrorCase(
            "UTF-16 export", [0xFF, 0xFE, 0x61, 0x00], line: 1, column: 1,
            "file is UTF-16 encoded; save it as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"),
        CSVErrorCase(
            "duplicate header names", "\nStaff ID,Grade,staff id \n1,2,3\n", line: 2, column: 3,
            "duplicate column name 'staff id' (also column 1); rename one of them"),
    ]

    @Test("refuses malformed input naming line and column", arguments: cases)
    func refuses(_ example: CSVErrorCase) {
        let error = #expect(throws: CSVError.self) { try CSVReader.parse(example.input) }
        #expect(error == CSVError(line: example.line, column: example.column, message: example.message))
    }

    @Test("describes itself as line, column and message")
    func description() {
        let error = #expect(throws: CSVError.self) { try CSVReader.parse("a,b\n1,2\n3,\"open") }
        #expect(error?.description == "line 3, column 2: unterminated quoted field; close the quote or remove it")
    }

    @Test("without a header the first row sets the field count")
    func raggedWithoutHeader() {
        let error = #expect(throws: CSVError.self) { try CSVReader.parse("1\n2,3\n", hasHeader: false) }
        #expect(
            error?.description
                == "line 2, column 2: expected 1 field but found 2 (the first row has 1); quote fields that "
                + "contain commas, or remove the extra fields")
    }

    @Test("arbitrary bytes never crash the reader")
    func fuzz() {
        var generator = CSVTestRandom(seed: 0x5EED)
        let alphabet: [UInt8] = Array("a,\"\r\n ".utf8) + [0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            do {
                let table = try CSVReader.parse(bytes)
                for row in table.rows {
                    #expect(row.line >= 1)
                    #expect(row.fields.count == (table.header.isEmpty ? row.fields.count : table.header.count))
                }
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }
}
