import Foundation
import Testing

@testable import TransitionSupport

/// One well-formed input and the table it must produce.
struct CSVCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var header: [String]
    var rows: [CSVRow]
    var testDescription: String { name }
}

@Suite("CSVReader")
struct CSVReaderTests {
    static let quirks: [CSVCase] = [
        CSVCase(
            name: "LF line endings", input: "a,b\n1,2\n3,4\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["1", "2"]), CSVRow(line: 3, fields: ["3", "4"])]),
        CSVCase(
            name: "CRLF line endings", input: "a,b\r\n1,2\r\n3,4\r\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["1", "2"]), CSVRow(line: 3, fields: ["3", "4"])]),
        CSVCase(
            name: "lone CR line endings", input: "a,b\r1,2\r", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["1", "2"])]),
        CSVCase(
            name: "no trailing newline", input: "a,b\n1,2", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["1", "2"])]),
        CSVCase(
            name: "UTF-8 byte order mark", input: "\u{FEFF}Name,Grade\r\nAda,7\r\n", header: ["Name", "Grade"],
            rows: [CSVRow(line: 2, fields: ["Ada", "7"])]),
        CSVCase(
            name: "quoted field with comma", input: "a,b\n\"x, y\",2\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["x, y", "2"])]),
        CSVCase(
            name: "doubled quotes", input: "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["say \"hi\"", "\""])]),
        CSVCase(
            name: "LF inside quotes counts lines", input: "a,b\n\"one\ntwo\",2\n3,4\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["one\ntwo", "2"]), CSVRow(line: 4, fields: ["3", "4"])]),
        CSVCase(
            name: "CRLF inside quotes counts lines", input: "a,b\r\n\"one\r\ntwo\r\nthree\",2\r\n3,4\r\n",
            header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["one\r\ntwo\r\nthree", "2"]), CSVRow(line: 5, fields: ["3", "4"])]),
        CSVCase(
            name: "empty fields", input: "a,b,c\n,,\n1,,3\n", header: ["a", "b", "c"],
            rows: [CSVRow(line: 2, fields: ["", "", ""]), CSVRow(line: 3, fields: ["1", "", "3"])]),
        CSVCase(
            name: "quoted empty field", input: "a,b\n\"\",x\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["", "x"])]),
        CSVCase(
            name: "trailing comma is an empty last field", input: "a,b\n1,\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["1", ""])]),
        CSVCase(
            name: "blank trailing lines ignored", input: "a,b\n1,2\n\n\r\n\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["1", "2"])]),
        CSVCase(
            name: "Excel trailing empty rows ignored", input: "a,b,c\r\n1,2,3\r\n,,\r\n,,\r\n",
            header: ["a", "b", "c"],
            rows: [CSVRow(line: 2, fields: ["1", "2", "3"])]),
        CSVCase(
            name: "blank lines inside skipped, numbering kept", input: "a,b\n\n1,2\n\n\n3,4\n", header: ["a", "b"],
            rows: [CSVRow(line: 3, fields: ["1", "2"]), CSVRow(line: 6, fields: ["3", "4"])]),
        CSVCase(
            name: "empty rows inside kept", input: "a,b\n,\n1,2\n", header: ["a", "b"],
            rows: [CSVRow(line: 2, fields: ["", ""]), CSVRow(line: 3, fields: ["1", "2"])]),
        CSVCase(
            name: "header names trimmed, values kept", input: " Staff ID ,\tGrade \n A1 , 7 \n",
            header: ["Staff ID", "Grade"], rows: [CSVRow(line: 2, fields: [" A1 ", " 7 "])]),
        CSVCase(
            name: "non-ASCII text", input: "name,place\nZoë,日本\n\"Ñandú, Sr\",Kraków\n", header: ["name", "place"],
            rows: [CSVRow(line: 2, fields: ["Zoë", "日本"]), CSVRow(line: 3, fields: ["Ñandú, Sr", "Kraków"])]),
        CSVCase(name: "header only", input: "a,b\r\n", header: ["a", "b"], rows: []),
        CSVCase(name: "empty input", input: "", header: [], rows: []),
        CSVCase(name: "only a byte order mark", input: "\u{FEFF}", header: [], rows: []),
        CSVCase(
            name: "single column", input: "id\nDD-1\nDD-2", header: ["id"],
            rows: [CSVRow(line: 2, fields: ["DD-1"]), CSVRow(line: 3, fields: ["DD-2"])]),
    ]

    @Test("reads spreadsheet quirks", arguments: quirks)
    func readsQuirks(_ example: CSVCase) throws {
        let table = try CSVReader.parse(example.input)
        #expect(table.header == example.header)
        #expect(table.rows == example.rows)
        let fromBytes = try CSVReader.parse(Array(example.input.utf8))
        #expect(fromBytes == table)
    }

    @Test("reads Data, byte arrays and non-contiguous collections alike")
    func readsAnyByteCollection() throws {
        let text = "\u{FEFF}a,b\r\n\"x\r\ny\",2\r\n"
        let expected = try CSVReader.parse(text)
        #expect(try CSVReader.parse(Data(text.utf8)) == expected)
        #expect(try CSVReader.parse(Array(text.utf8)) == expected)
        #expect(try CSVReader.parse(AnyCollection(text.utf8)) == expected)
        #expect(try CSVReader.parse(text.utf8) == expected)
        #expect(expected.rows == [CSVRow(line: 2, fields: ["x\r\ny", "2"])])
    }

    @Test("finds columns ignoring case and surrounding spaces")
    func columnLookup() throws {
        let table = try CSVReader.parse("\u{FEFF} Staff ID ,Grade,Start Date\nA1,7,2022-07-01\nB2,8a,2022-07-01\n")
        #expect(table.column(named: "staff id") == 0)
        #expect(table.column(named: "  GRADE ") == 1)
        #expect(table.column(named: "Start Date") == 2)
        #expect(table.column(named: "start_date") == nil)
        #expect(table.rows[1][column: "STAFF ID"] == "B2")
        #expect(table.rows[0][column: "grade"] == "7")
        #expect(table.rows[0][column: "missing"] == nil)
        #expect(table.values(inColumn: "grade") == ["7", "8a"])
        #expect(table.values(inColumn: "nope") == nil)
    }

    @Test("rows built by hand gain lookups through the table")
    func handBuiltTable() {
        var table = CSVTable(header: ["Name"], rows: [CSVRow(line: 2, fields: ["Ada"])])
        #expect(table.rows[0][column: "name"] == "Ada")
        #expect(CSVRow(line: 2, fields: ["Ada"])[column: "name"] == nil)
        table.header = ["Who"]
        #expect(table.rows[0][column: "who"] == "Ada")
        #expect(table.rows[0][column: "name"] == nil)
    }

    @Test("without a header every record is a row")
    func noHeader() throws {
        let table = try CSVReader.parse("1,2\n3,4\n", hasHeader: false)
        #expect(table.header.isEmpty)
        #expect(table.rows == [CSVRow(line: 1, fields: ["1", "2"]), CSVRow(line: 2, fields: ["3", "4"])])
        #expect(table.column(named: "1") == nil)
    }

    @Test("reads 100,000 rows")
    func largeFile() throws {
        var text = "id,name,note\r\n"
        for number in 0..<100_000 {
            text += "DD-\(number),\"Item \(number), part\",\"line1\nline2\"\r\n"
        }
        let table = try CSVReader.parse(text)
        #expect(table.rows.count == 100_000)
        #expect(table.rows.last?.line == 200_000)
        #expect(table.rows.last?.fields == ["DD-99999", "Item 99999, part", "line1\nline2"])
    }
}
