import Foundation
import Testing
import TransitionSupport
import Workflow

/// Broken workflows and task sheets kept as files, so their exact bytes (line endings, BOM,
/// layout) are what the tests read; diagnostics are compared with golden files.
@Suite struct FixtureTests {
    /// `Fixtures/<name>` in the test bundle.
    static func fixture(_ name: String) throws -> [UInt8] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Compares `actual` with the golden file `Fixtures/<name>`; with `RECORD_GOLDEN=1` in the
    /// environment, writes it into the source tree instead.
    static func expectGolden(
        _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent(name)
            try Data(actual.utf8).write(to: source)
            return
        }
        let expected = String(decoding: try fixture(name), as: UTF8.self)
        #expect(
            actual == expected, "golden \(name) differs; rerun with RECORD_GOLDEN=1 to update",
            sourceLocation: sourceLocation)
    }

    @Test("a file with many problems reports each one, compiler-style, in file order")
    func multipleProblems() throws {
        let bytes = try FixtureTests.fixture("broken/multiple-problems.json")
        let error = try #require(loadError(bytes, file: "Fixtures/broken/multiple-problems.json"))
        try FixtureTests.expectGolden(error.description + "\n", "broken/multiple-problems.expected")
    }

    @Test("a file that is not JSON is one problem at the parser's position")
    func invalidJSON() throws {
        let bytes = try FixtureTests.fixture("broken/invalid-json.json")
        let error = try #require(loadError(bytes, file: "invalid-json.json"))
        #expect(error.problems.count == 1)
        #expect(
            error.description.hasPrefix("invalid-json.json:6:3: error: not valid JSON: expected a quoted member name"))
    }

    @Test("an Excel export with BOM and CRLF imports exactly")
    func cleanExport() throws {
        let tasks = try TaskImport.parse(
            csv: try FixtureTests.fixture("tasks/clean-export.csv"), file: "clean-export.csv",
            defaultWorkstream: "PEOPLE")
        #expect(tasks.map(\.id) == ["1", "2", "3", "4", "5", "6"])
        #expect(tasks[0].name == "Mobilise, plan and staff the PMO")
        #expect(tasks[2].name == "Consult \"all\" staff")
        #expect(tasks[2].relations == [.init(task: "1", type: .ss), .init(task: "2", type: .ff, lag: -1)])
        #expect(tasks[3].workstream == "PEOPLE")
        #expect(tasks[3].relations == [.init(task: "3", type: .sf, lag: 5)])
        #expect(tasks[4].relations == [.init(task: "4", type: .fs, lag: 3), .init(task: "2")])
        #expect(tasks[5].isMilestone)
    }

    @Test("a sheet with errors on several rows, the last without a newline, matches its golden report")
    func errorSheet() throws {
        let bytes = try FixtureTests.fixture("tasks/errors.csv")
        do {
            _ = try TaskImport.parse(csv: bytes, file: "errors.csv")
            Issue.record("errors.csv imported")
        } catch {
            #expect(error.problems.map(\.line) == [3, 4, 5])
            try FixtureTests.expectGolden(error.description + "\n", "tasks/errors.expected")
        }
    }

    @Test("the sample task sheet shipped with the workflows imports")
    func shippedSample() throws {
        let path = TestFiles.workflowsDirectory + "/examples/bob-tasks-sample.csv"
        guard let bytes = TestFiles.read(path) else {
            Issue.record("\(path) is missing; skipped")
            return
        }
        let tasks = try TaskImport.parse(csv: bytes, file: path)
        #expect(tasks.count == 13)
        #expect(tasks.filter(\.isMilestone).map(\.id) == ["1", "6", "9", "13"])
        #expect(
            tasks.first { $0.id == "8" }?.relations == [
                .init(task: "7", type: .ss, lag: 2), .init(task: "7", type: .ff, lag: -1),
            ])
        #expect(tasks.first { $0.id == "12" }?.relations == [.init(task: "11", type: .sf)])
    }
}
