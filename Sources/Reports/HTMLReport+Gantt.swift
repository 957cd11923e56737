import Schedule
import TransitionSupport
import Workflow

/// The report's SVG Gantt chart: one row per task in workflow order grouped by workstream, with
/// baseline bars, month gridlines and data-date and statutory-date lines. Critical tasks differ by
/// fill, outline weight, a "critical" tag and a bold label, so the path survives black-and-white print.
struct HTMLGantt: Sendable {
    var workflow: WorkflowDefinition
    var schedule: ScheduleResult
    var baseline: BaselineDates?
    var status: StatusReport
    var asOf: CivilDate
    var workstream: String?

    static let labelWidth = 440
    static let rowHeight = 18
    static let groupHeight = 22
    static let top = 52
    static let rightMargin = 90

    /// Rows in display order: a workstream heading followed by its tasks.
    enum Row {
        case group(name: String, sro: String)
        case task(ScheduledTask)
    }

    var rows: [Row] {
        var rows: [Row] = []
        var shown = Set<String>()
        for stream in workflow.workstreams where workstream == nil || stream.id == workstream {
            let tasks = schedule.tasks.filter { $0.workstream == stream.id }
            guard !tasks.isEmpty else { continue }
            rows.append(.group(name: stream.name, sro: stream.sro.name))
            for task in tasks { rows.append(.task(task)); shown.insert(task.id) }
        }
        if workstream == nil {
            let rest = schedule.tasks.filter { !shown.contains($0.id) }
            if !rest.isEmpty {
                rows.append(.group(name: "Other tasks", sro: ""))
                rows += rest.map { .task($0) }
            }
        }
        return rows
    }

    /// The charted span: whole months covering every date drawn.
    var span: (start: CivilDate, end: CivilDate) {
        var dates = [asOf, status.statutoryDate, workflow.programme.start]
        for case .task(let task) in rows {
            dates += [task.startDate, task.finishDate]
            if let base = baseline?.tasks[task.id] { dates += [base.start, base.finish] }
        }
        let low = dates.min() ?? asOf
        let high = dates.max() ?? asOf
        let start = CivilDate(year: low.year, month: low.month, day: 1) ?? low
        let next = high.month == 12 ? (high.year + 1, 1) : (high.year, high.month + 1)
        let end = CivilDate(year: next.0, month: next.1, day: 1) ?? high
        return (start, end)
    }

    /// Pixels per calendar day: wide enough to read, narrow enough to fit an A3 page.
    func scale(days: Int) -> Int { max(1, min(6, 1600 / max(days, 1))) }

    func render(_ html: inout HTMLMarkup) {
        let rows = rows
        let span = span
        let perDay = scale(days: span.start.days(to: span.end))
        let chartWidth = span.start.days(to: span.end) * perDay
        let width = Self.labelWidth + chartWidth + Self.rightMargin
        var height = Self.top
        for row in rows {
            if case .group = row { height += Self.groupHeight } else { height += Self.rowHeight }
        }
        height += 8
        func x(_ date: CivilDate) -> Int { Self.labelWidth + span.start.days(to: date) * perDay }

        HTMLReport.section(&html, id: "gantt", title: "Schedule") { html in
            legend(&html)
            html.open(
                "svg",
                [("class", "gantt"), ("role", "img"), ("width", "\(width)"), ("height", "\(height)"), ("viewBox", "0 0 \(width) \(height)"),
                 ("aria-labelledby", "gantt-title")])
            html.element("title", [("id", "gantt-title")], "Gantt chart of \(rows.count) rows from \(span.start) to \(span.end); critical path in red with a heavy outline")
            months(&html, span: span, x: x, height: height)
            var y = Self.top
            var index = 0
            for row in rows {
                switch row {
                case .group(let name, let sro):
                    html.empty("rect", [("class", "group-band"), ("x", "0"), ("y", "\(y)"), ("width", "\(width)"), ("height", "\(Self.groupHeight)")])
                    html.element("text", [("class", "group-label"), ("x", "6"), ("y", "\(y + 15)")], Self.groupTitle(name: name, sro: sro))
                    y += Self.groupHeight
                case .task(let task):
                    taskRow(&html, task: task, y: y, x: x, width: width, striped: index.isMultiple(of: 2))
                    y += Self.rowHeight
                    index += 1
                }
            }
            dateLine(&html, x: x(asOf), label: "data date \(asOf)", kind: "data-date", labelY: 14, height: height, width: width)
            dateLine(&html, x: x(status.statutoryDate), label: "statutory date \(status.statutoryDate)", kind: "statutory", labelY: 28, height: height, width: width)
            html.close("svg")
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func months(_ html: inout HTMLMarkup, span: (start: CivilDate, end: CivilDate), x: (CivilDate) -> Int, height: Int) {
        var month = span.start
        while month < span.end {
            let left = x(month)
            html.empty("line", [("class", "month"), ("x1", "\(left)"), ("y1", "\(Self.top - 12)"), ("x2", "\(left)"), ("y2", "\(height)")])
            html.element("text", [("class", "month-label"), ("x", "\(left + 3)"), ("y", "\(Self.top - 3)")], "\(Self.monthNames[month.month - 1]) \(month.year)")
            let next = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
            guard let following = CivilDate(year: next.0, month: next.1, day: 1) else { break }
            month = following
        }
    }

    func taskRow(_ html: inout HTMLMarkup, task: ScheduledTask, y: Int, x: (CivilDate) -> Int, width: Int, striped: Bool) {
        let kind = task.isCritical ? "critical" : task.isNearCritical ? "near-critical" : "normal"
        let classes = "task \(kind)" + (task.isFinished ? " finished" : "") + (task.isMilestone ? " milestone" : "")
        html.open("g", [("class", classes), ("data-task", task.id), ("data-critical", task.isCritical ? "true" : "false")])
        html.element("title", [], hover(task))
        if striped {
            html.empty("rect", [("class", "stripe"), ("x", "0"), ("y", "\(y)"), ("width", "\(width)"), ("height", "\(Self.rowHeight)")])
        }
        let label = task.id + "  " + Self.truncate(task.name, to: 52)
        html.element("text", [("class", "task-label"), ("x", "10"), ("y", "\(y + 13)")], (task.isCritical ? "▶ " : "") + label)
        if let base = baseline?.tasks[task.id] {
            let left = x(base.start)
            let right = task.isMilestone ? left + 2 : max(left + 2, x(base.finish.adding(days: 1)))
            html.empty("rect", [("class", "baseline"), ("x", "\(left)"), ("y", "\(y + 14)"), ("width", "\(right - left)"), ("height", "3")])
        }
        let left = x(task.startDate)
        let end: Int
        if task.isMilestone {
            let middle = y + 7
            let points = "\(left),\(middle - 6) \(left + 6),\(middle) \(left),\(middle + 6) \(left - 6),\(middle)"
            html.empty("polygon", [("class", "bar \(kind)"), ("points", points)])
            end = left + 6
        } else {
            let right = max(left + 2, x(task.finishDate.adding(days: 1)))
            html.empty("rect", [("class", "bar \(kind)"), ("x", "\(left)"), ("y", "\(y + 2)"), ("width", "\(right - left)"), ("height", "10")])
            end = right
        }
        if task.isCritical || task.isNearCritical {
            html.element("text", [("class", "tag \(kind)"), ("x", "\(end + 4)"), ("y", "\(y + 13)")], task.isCritical ? "critical" : "near-critical")
        }
        html.close("g")
    }

    func hover(_ task: ScheduledTask) -> String {
        var parts = ["\(task.id) \(task.name)"]
        parts.append(task.isMilestone ? "milestone \(task.startDate)" : "\(task.startDate) to \(task.finishDate) (\(task.duration) working days)")
        parts.append(task.isFinished ? "finished" : task.isStarted ? "started" : "not started")
        if let float = task.totalFloat { parts.append("total float \(float)") }
        if task.isCritical { parts.append("CRITICAL PATH") } else if task.isNearCritical { parts.append("near-critical") }
        if let base = baseline?.tasks[task.id] { parts.append("baseline \(base.start) to \(base.finish)") }
        return parts.joined(separator: "; ")
    }

    func dateLine(_ html: inout HTMLMarkup, x: Int, label: String, kind: String, labelY: Int, height: Int, width: Int) {
        html.wrap("g", [("class", "date-line \(kind)")]) { html in
            html.element("title", [], label)
            html.empty("line", [("x1", "\(x)"), ("y1", "\(labelY + 4)"), ("x2", "\(x)"), ("y2", "\(height)")])
            let nearEnd = x > width - 220
            html.element("text", [("x", "\(nearEnd ? x - 4 : x + 4)"), ("y", "\(labelY)"), ("text-anchor", nearEnd ? "end" : "start")], label)
        }
    }

    func legend(_ html: inout HTMLMarkup) {
        html.wrap("p", [("class", "legend")]) { html in
            for (kind, text) in [("critical", "critical path (red, heavy outline, ▶ and “critical” tag)"), ("near-critical", "near-critical (amber, dashed outline)"), ("normal", "other task")] {
                html.raw("<svg width=\"26\" height=\"12\" role=\"presentation\"><rect class=\"bar \(kind)\" x=\"1\" y=\"1\" width=\"24\" height=\"10\"/></svg>")
                html.element("span", [], text)
            }
            html.raw("<svg width=\"14\" height=\"14\" role=\"presentation\"><polygon class=\"bar normal\" points=\"7,1 13,7 7,13 1,7\"/></svg>")
            html.element("span", [], "milestone")
            html.raw("<svg width=\"26\" height=\"8\" role=\"presentation\"><rect class=\"baseline\" x=\"1\" y=\"2\" width=\"24\" height=\"3\"/></svg>")
            html.element("span", [], "baseline dates")
            html.element("span", [], "┆ dashed line: data date   ┃ heavy line: statutory date")
        }
    }

    /// "Finance — SRO: E. Mensah", without doubling a name that already says "SRO".
    static func groupTitle(name: String, sro: String) -> String {
        if sro.isEmpty { return name }
        return name + " — " + (sro.hasPrefix("SRO") ? sro : "SRO: \(sro)")
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
