import Projections
import Rules
import Schedule
import TransitionSupport
import Workflow

/// A self-contained, printable HTML status pack for boards and SROs: one file with inline CSS and
/// SVG only, so it opens offline, survives email and prints on A3. The output is deterministic
/// (dated by the data date, never the clock) and its footer ties the printout to the log's head.
public enum HTMLReport {
    /// Renders the whole document. `baseline` draws grey baseline bars under the Gantt bars;
    /// `workstream` limits the Gantt, RAG table and checklist to one workstream.
    public static func render(
        state: TransitionState, workflow: WorkflowDefinition, schedule: ScheduleResult, baseline: BaselineDates?,
        check: CheckReport, status: StatusReport, asOf: CivilDate, head: String, workstream: String?,
        toolVersion: String = "transition"
    ) -> String {
        var html = HTMLMarkup()
        html.raw("<!DOCTYPE html>\n")
        html.open("html", [("lang", "en-GB")])
        html.wrap("head") { head in
            head.empty("meta", [("charset", "utf-8")])
            head.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
            head.element("title", [], "\(workflow.programme.title) — status as of \(asOf)")
            head.open("style")
            head.raw(HTMLStyle.css)
            head.close("style")
        }
        html.open("body")
        header(&html, workflow: workflow, schedule: schedule, status: status, asOf: asOf, baseline: baseline, workstream: workstream)
        ragTable(&html, status: status)
        HTMLGantt(workflow: workflow, schedule: schedule, baseline: baseline, status: status, asOf: asOf, workstream: workstream)
            .render(&html)
        checklist(&html, status: status)
        transfers(&html, status: status)
        readiness(&html, status: status)
        violations(&html, check: check)
        residue(&html, check: check)
        footer(&html, head: head, asOf: asOf, toolVersion: toolVersion, baseline: baseline)
        html.close("body")
        html.close("html")
        return html.text
    }

    static func header(
        _ html: inout HTMLMarkup, workflow: WorkflowDefinition, schedule: ScheduleResult, status: StatusReport, asOf: CivilDate,
        baseline: BaselineDates?, workstream: String?
    ) {
        html.wrap("header", [("class", "masthead")]) { html in
            html.element("h1", [], workflow.programme.title)
            html.element("p", [("class", "subtitle")], "Transition status report as of \(asOf) (data date)" + (workstream.map { " — workstream \($0)" } ?? ""))
            html.wrap("dl", [("class", "facts")]) { html in
                fact(&html, "Data date", asOf.description)
                fact(&html, "Statutory date", "\(status.statutoryDate) (\(status.statutoryDistance))")
                fact(&html, "Forecast go-live", status.forecastGoLive?.description ?? "none")
                fact(&html, "Slip", slipText(status.slipDays))
                fact(&html, "Baseline", baseline.map { "\($0.number)" + ($0.label.isEmpty ? "" : " — \($0.label)") } ?? "none recorded")
            }
            let late = (status.slipDays ?? 0) > 0
            html.element("p", [("class", late ? "headline late" : "headline")], CriticalPathReport.headline(schedule))
        }
    }

    static func fact(_ html: inout HTMLMarkup, _ term: String, _ value: String) {
        html.wrap("div") { html in
            html.element("dt", [], term)
            html.element("dd", [], value)
        }
    }

    static func slipText(_ slip: Int?) -> String {
        guard let slip else { return "no forecast" }
        if slip > 0 { return "LATE by \(slip) working day\(slip == 1 ? "" : "s")" }
        if slip == 0 { return "on the date, no float" }
        return "\(-slip) working day\(slip == -1 ? "" : "s") of float"
    }

    static func footer(_ html: inout HTMLMarkup, head: String, asOf: CivilDate, toolVersion: String, baseline: BaselineDates?) {
        html.wrap("footer") { html in
            html.open("p")
            html.write("Built from event log head ")
            html.element("code", [("class", "head")], head)
            html.write(" as of \(asOf) by \(toolVersion)")
            html.write(baseline.map { "; baseline \($0.number) shown" } ?? "; no baseline shown")
            html.write(". Verify with ‘transition verify --anchor \(head)’.")
            html.close("p")
        }
    }
}
