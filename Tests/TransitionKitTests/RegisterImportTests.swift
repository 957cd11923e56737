import EventLog
import Testing
import TransitionSupport
@testable import TransitionKit

@Suite("Importing registers from spreadsheets")
struct RegisterImportTests {
    let staffImporter = RegisterImport(
        kind: .staff,
        organisations: ["OXON-CCG": "OXON-CCG", "oxon-ccg": "OXON-CCG", "10q": "OXON-CCG", "BUCKS-CCG": "BUCKS-CCG", "bucks-ccg": "BUCKS-CCG"],
        groups: ["G-OXON", "G-BUCKS"])

    @Test("an Excel export with a BOM, CRLF, quoted commas and embedded newlines becomes one event per row")
    func excelQuirks() throws {
        let csv = "\u{FEFF}Person ID,Name,Post,Band,Organisation,Target Post,Consultation Group,Employment,Fixed Term End,Board Level\r\n"
            + "E1001,\"Patel, Asha\",Finance Manager,7,10Q,\"ICB Finance Manager\",G-OXON,permanent,,No\r\n"
            + "E1002,\"Jones, Sam\",\"Analyst\nBI team\",6,BUCKS-CCG,ICB Analyst,G-BUCKS,Fixed-Term,31/03/2023,no\r\n"
        let events = try staffImporter.events(from: Array(csv.utf8), file: "staff.csv", actor: "HR", role: "hr-lead", system: nil)
        #expect(events.count == 2)
        #expect(events[0].type == "staff.post.mapped" && events[0].schema == 2 && events[0].entity == "E1001")
        #expect(events[0].data["name"] == .string("Patel, Asha"))
        #expect(events[0].data["organisation"] == .string("OXON-CCG"))
        #expect(events[0].data["boardLevel"] == .bool(false))
        #expect(events[1].data["post"] == .string("Analyst\nBI team"))
        #expect(events[1].data["employment"] == .string("fixed-term"))
        #expect(events[1].data["fixedTermEnd"] == .string("2023-03-31"))
    }

    @Test("an error on the last line refuses the whole file, naming line and column")
    func errorOnLastLine() throws {
        let csv = "Person ID,Post,Organisation,Target Post,Consultation Group,Employment\n"
            + "E1,Manager,OXON-CCG,ICB Manager,G-OXON,permanent\n"
            + "E2,Manager,OXON-CCG,ICB Manager,G-OXON,permanent\n"
            + "E3,Manager,OXFORD-CCG,ICB Manager,G-OXON,permanant\n"
        let error = try #require(throws: ImportError.self) {
            try staffImporter.events(from: Array(csv.utf8), file: "staff.csv", actor: "HR", role: nil, system: nil)
        }
        #expect(error.problems.count == 2)
        #expect(error.problems[0].line == 4 && error.problems[0].column == 3 && error.problems[0].columnName == "Organisation")
        #expect(error.problems[1].line == 4 && error.problems[1].column == 6)
        #expect(error.problems[1].message.contains("did you mean 'permanent'"))
        #expect(error.description.contains("staff.csv: line 4, column 3 (Organisation): unknown organisation 'OXFORD-CCG'"))
        #expect(error.description.contains("nothing was imported"))
    }

    @Test("a missing required column and duplicate ids are refused")
    func missingColumnAndDuplicates() throws {
        let missing = "Person ID,Post\nE1,Manager\n"
        let first = try #require(throws: ImportError.self) {
            try staffImporter.events(from: Array(missing.utf8), file: "s.csv", actor: "HR", role: nil, system: nil)
        }
        #expect(first.problems.contains { $0.message.contains("'Organisation' is missing") })
        let contracts = RegisterImport(kind: .contracts, organisations: ["OXON-CCG": "OXON-CCG"], groups: [])
        let duplicated = "Reference,Counterparty,Service,Annual Value,End Date,Organisation\n"
            + "C-1,SCW CSU,BI,\"£1,250,000.50\",2023-03-31,OXON-CCG\nC-1,Acme,Cleaning,12000,,OXON-CCG\n"
        let second = try #require(throws: ImportError.self) {
            try contracts.events(from: Array(duplicated.utf8), file: "c.csv", actor: "PMO", role: nil, system: nil)
        }
        #expect(second.problems.count == 1 && second.problems[0].line == 3 && second.problems[0].message.contains("already appears on line 2"))
    }

    @Test("amounts in spreadsheet formats become numbers")
    func amounts() {
        #expect(RegisterImport.money("£1,250,000.50") == .double(1_250_000.5))
        #expect(RegisterImport.money("125000") == .int(125_000))
        #expect(RegisterImport.money("twelve") == nil)
    }
}

@Suite("Parsing 'transition append' input")
struct EventInputTests {
    @Test("a batch with defaults, evidence names and an id")
    func batch() throws {
        let input = #"[{"type":"a.b","data":{"x":1},"evidence":["minutes.pdf"]},{"type":"a.c","data":{},"id":"7D0F6A3E-8A43-4C8A-9C4E-2F0C1D9E5B11","actor":"Me","effective":"2022-07-01"}]"#
        let events = try EventInput.parse(Array(input.utf8), defaultActor: "Default", defaultRole: "pmo", system: nil)
        #expect(events.count == 2)
        #expect(events[0].actor == "Default" && events[0].role == "pmo" && events[0].evidence.first?.name == "minutes.pdf")
        #expect(events[1].id == "7d0f6a3e-8a43-4c8a-9c4e-2f0c1d9e5b11" && events[1].actor == "Me")
        #expect(events[1].effective == CivilDate(year: 2022, month: 7, day: 1))
    }

    @Test("bad input is refused with where and why", arguments: [
        (#"{"type":"a.b","data":{}"#, "not valid JSON"),
        (#"{"type":"a.b"}"#, "event.data: missing"),
        (#"{"type":"a.b","data":[]}"#, "must be an object"),
        (#"{"type":"a.b","data":{},"entiy":"X"}"#, "did you mean 'entity'"),
        (#"{"type":"a.b","data":{},"effective":"1/7/2022"}"#, "is not a date"),
        (#"{"type":"a.b","data":{},"id":"nope"}"#, "is not a UUID"),
        (#"{"data":{}}"#, "every event needs a type"),
        (#"[]"#, "holds no events"),
    ])
    func refusals(input: String, expected: String) throws {
        let error = try #require(throws: InputError.self) {
            try EventInput.parse(Array(input.utf8), defaultActor: "A", defaultRole: nil, system: nil)
        }
        #expect(error.description.contains(expected), "\(error)")
    }
}
