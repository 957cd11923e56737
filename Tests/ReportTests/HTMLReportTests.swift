import EventLog
import Foundation
import Projections
import Reports
import Schedule
import Testing
import TransitionKit
import TransitionSupport
import Workflow

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects every element and its attributes, and the first parse error.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var error: (any Error)?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if error == nil { error = parseError }
    }
}

/// A small BOB 2022 programme recorded through the TransitionKit API at its own (past) dates.
struct ReportFixture {
    let directory: String
    let programme: TransitionKit.Programme
    static let mitigation = "Archive <b>move</b> & \"retention\" isn't due until Q3"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)").path
        programme = TransitionKit.Programme(log: try EventLog.create(at: directory))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let workflow = root.appendingPathComponent("Workflows/bob-ccg-to-icb-2022.json").path
        _ = try programme.initialise(
            workflowPath: workflow, actor: "Programme office", role: "programme-director", reason: "tests",
            recordedAt: Timestamp(iso8601: "2021-10-01T08:00:00Z"))
        _ = try programme.takeBaseline(
            label: "original plan", actor: "Programme director", role: "programme-director", recordedAt: Timestamp(iso8601: "2021-10-01T08:30:00Z"))
        func task(_ type: String, _ id: String, _ on: String, _ time: String) -> ProposedEvent {
            ProposedEvent(
                type: type, recordedAt: Timestamp(iso8601: time), actor: "Programme office", role: "transition-pmo", entity: id,
                data: ["task": .string(id), "on": .string(on)])
        }
        try programme.record([
            task("task.finished", "M-START", "2021-10-01", "2021-10-04T08:00:00Z"),
            task("task.started", "T-GOV-01", "2021-10-04", "2021-10-04T09:00:00Z"),
            task("task.started", "T-GOV-02", "2021-10-04", "2021-10-04T09:05:00Z"),
            task("task.finished", "T-GOV-01", "2021-10-29", "2021-10-29T16:00:00Z"),
        ])
        try programme.record([
            ProposedEvent(
                type: "dd.status.changed", recordedAt: Timestamp(iso8601: "2022-03-01T10:00:00Z"), actor: "Programme office",
                role: "transition-pmo", entity: "DD-CORP-03",
                data: [
                    "item": .string("DD-CORP-03"), "status": .string("deferred"), "mitigation": .string(Self.mitigation),
                    "owner": .string("Head of <Corporate> Affairs"),
                ])
        ])
    }

    func render(workstream: String? = nil) throws -> (html: String, schedule: ScheduleResult) {
        let view = try TransitionKit.Programme.open(at: directory).view()
        let schedule = try ScheduleService.schedule(view)
        let check = try RuleService.check(view)
        let status = StatusReport.make(
            state: view.state, workflow: view.workflow, schedule: schedule, check: check, asOf: view.dataDate, head: view.head.description,
            workstream: workstream)
        let html = HTMLReport.render(
            state: view.state, workflow: view.workflow, schedule: schedule, baseline: ScheduleService.baselines(in: view).last,
            check: check, status: status, asOf: view.dataDate, head: view.head.description, workstream: workstream,
            toolVersion: SystemIdentity.toolVersion)
        return (html, schedule)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

func parse(_ html: String) -> ElementCollector {
    let collector = ElementCollector()
    let parser = XMLParser(data: Data(html.utf8))
    parser.delegate = collector
    if !parser.parse(), collector.error == nil { collector.error = parser.parserError }
    return collector
}

@Suite struct HTMLReportTests {
    @Test func isWellFormedXML() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let collector = parse(try fixture.render().html)
        #expect(collector.error == nil, "\(String(describing: collector.error))")
        let names = Set(collector.elements.map(\.name))
        for name in ["html", "svg", "table", "caption", "thead", "th", "footer", "title"] { #expect(names.contains(name), "missing <\(name)>") }
        let headers = collector.elements.filter { $0.name == "th" }
        #expect(!headers.isEmpty && headers.allSatisfy { $0.attributes["scope"] == "col" })
    }

    @Test("the statutory date's distance reads as words, in the future, today and in the past")
    func statutoryDistance() {
        #expect(StatusReport.distance(days: 46) == "in 46 days")
        #expect(StatusReport.distance(days: 1) == "in 1 day")
        #expect(StatusReport.distance(days: 0) == "today")
        #expect(StatusReport.distance(days: -1) == "1 day ago")
        #expect(StatusReport.distance(days: -1608) == "1608 days ago")
    }

    @Test func parserCatchesMalformedMarkup() {
        #expect(parse("<p>fish & chips</p>").error != nil)
        #expect(parse("<p><br></p>").error != nil)
        #expect(parse("<p>fish &amp; chips<br/></p>").error == nil)
    }

    @Test func namesCriticalTasksStatutoryDateAndHead() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let (html, schedule) = try fixture.render()
        #expect(!schedule.criticalPath.isEmpty)
        for id in schedule.criticalPath { #expect(html.contains(id), "critical task \(id) missing") }
        #expect(html.contains("statutory date 2022-07-01"))
        #expect(html.contains("data date 2022-03-01"))
        #expect(html.contains("2022-07-01 (in 122 days)"))
        let head = try TransitionKit.Programme.open(at: fixture.directory).view().head.description
        #expect(html.contains(head))
        #expect(html.contains(SystemIdentity.toolVersion))
        for rating in ["RED", "AMBER", "GREEN"] where html.contains(">\(rating)<") { #expect(html.contains("rag-\(rating.lowercased())")) }
    }

    @Test func isSelfContained() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let html = try fixture.render().html.lowercased()
        for forbidden in ["http://", "https://", "src=", "<script", "@import", "url(", "<link", "<img"] {
            #expect(!html.contains(forbidden), "report contains \(forbidden)")
        }
        #expect(html.contains("@page { size: a3 landscape; margin: 12mm; }"))
    }

    @Test func isDeterministic() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let first = try fixture.render().html
        let second = try fixture.render().html
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    @Test func criticalBarsCarryTheMarker() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let (html, schedule) = try fixture.render()
        let rows = parse(html).elements.filter { $0.attributes["data-task"] != nil }
        #expect(rows.count == schedule.tasks.count)
        for task in schedule.tasks {
            guard let row = rows.first(where: { $0.attributes["data-task"] == task.id }) else {
                Issue.record("no Gantt row for \(task.id)")
                continue
            }
            let classes = Set((row.attributes["class"] ?? "").split(separator: " ").map(String.init))
            #expect(classes.contains("critical") == task.isCritical, "\(task.id) critical marker")
            #expect(row.attributes["data-critical"] == (task.isCritical ? "true" : "false"))
        }
        #expect(html.contains(">critical</text>"))
    }

    @Test func escapesRecordedText() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let html = try fixture.render().html
        #expect(html.contains("Archive &lt;b&gt;move&lt;/b&gt; &amp; &quot;retention&quot; isn&#39;t due until Q3"))
        #expect(html.contains("Head of &lt;Corporate&gt; Affairs"))
        #expect(!html.contains("<b>move"))
        #expect(HTMLEscaping.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    }

    @Test func workstreamFilterLimitsTheGantt() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let (html, schedule) = try fixture.render(workstream: "FIN")
        let rows = parse(html).elements.filter { $0.attributes["data-task"] != nil }
        #expect(rows.count == schedule.tasks.filter { $0.workstream == "FIN" }.count)
        #expect(!rows.isEmpty)
    }
}
