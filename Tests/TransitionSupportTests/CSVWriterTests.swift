import Testing

@testable import TransitionSupport

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test(
        "quotes only the fields that need it",
        arguments: [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("two\r\nlines", "\"two\r\nlines\""),
            ("cr\ronly", "\"cr\ronly\""),
            (" leading", "\" leading\""),
            ("trailing ", "\"trailing \""),
            ("\ttab", "\"\ttab\""),
            ("inner space", "inner space"),
            ("Zoë", "Zoë"),
        ])
    func quoting(field: String, written: String) {
        #expect(CSVWriter.write(header: [], rows: [[field, "x"]], lineEnding: "\n") == "\(written),x\n")
    }

    @Test("writes header, CRLF endings and an optional byte order mark")
    func layout() {
        let text = CSVWriter.write(header: ["id", "name"], rows: [["1", "Ada"], ["2", "Grace"]])
        #expect(text == "id,name\r\n1,Ada\r\n2,Grace\r\n")
        let excel = CSVWriter.write(header: ["id"], rows: [], byteOrderMark: true)
        #expect(Array(excel.utf8) == [0xEF, 0xBB, 0xBF, 0x69, 0x64, 0x0D, 0x0A])
    }

    @Test("marks all-empty rows so they are not read as blank lines")
    func emptyRows() throws {
        let text = CSVWriter.write(header: ["a", "b"], rows: [["", ""], ["1", "2"], ["", ""]], lineEnding: "\n")
        #expect(text == "a,b\n\"\",\n1,2\n\"\",\n")
        let table = try CSVReader.parse(text)
        #expect(table.rows.map(\.fields) == [["", ""], ["1", "2"], ["", ""]])
    }

    @Test("round-trips nasty fields through the reader", arguments: ["\r\n", "\n"], [false, true])
    func roundTrip(lineEnding: String, byteOrderMark: Bool) throws {
        let header = ["Staff ID", "Name, \"known as\"", "Notes"]
        let rows = [
            ["A1", "O'Brien, \"Pat\"", "line one\r\nline two"],
            ["", " padded ", "\"\""],
            ["B2", "Zoë 日本", "ends with newline\n"],
            [",", "\"", "\r"],
            ["", "", ""],
        ]
        let text = CSVWriter.write(header: header, rows: rows, lineEnding: lineEnding, byteOrderMark: byteOrderMark)
        let table = try CSVReader.parse(text)
        #expect(table.header == header)
        #expect(table.rows.map(\.fields) == rows)
        #expect(table.rows.map(\.line) == [2, 4, 5, 7, 9])
        #expect(table.rows[0][column: "notes"] == "line one\r\nline two")
    }

    @Test("random tables round-trip")
    func randomRoundTrip() throws {
        var generator = CSVTestRandom(seed: 42)
        let alphabet = Array("ab ,\"\r\n\té日")
        for _ in 0..<300 {
            let columns = Int(generator.next() % 4) + 1
            let rowCount = Int(generator.next() % 5)
            func field() -> String {
                let length = Int(generator.next() % 6)
                let characters = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                return String(characters)
            }
            let header = (0..<columns).map { "col\($0)" }
            let rows = (0..<rowCount).map { _ in (0..<columns).map { _ in field() } }
            let table = try CSVReader.parse(CSVWriter.write(header: header, rows: rows))
            #expect(table.rows.map(\.fields) == rows)
        }
    }
}
