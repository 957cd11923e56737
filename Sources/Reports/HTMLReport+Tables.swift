import Rules
import TransitionSupport

/// The tabular sections of the HTML report: RAG, checklist, transfers, ROS, violations, residue.
extension HTMLReport {
    /// A `<table>` with a caption and column headers; `rows` cells are escaped text.
    static func table(
        _ html: inout HTMLMarkup, caption: String, headers: [String], numeric: Set<Int> = [], rows: [[String]],
        rowClass: (Int) -> String? = { _ in nil }, cell: ((inout HTMLMarkup, Int, Int, String) -> Bool)? = nil
    ) {
        html.wrap("table") { html in
            html.element("caption", [], caption)
            html.wrap("thead") { html in
                html.wrap("tr") { html in
                    for (index, header) in headers.enumerated() {
                        html.element("th", numeric.contains(index) ? [("scope", "col"), ("class", "num")] : [("scope", "col")], header)
                    }
                }
            }
            html.wrap("tbody") { html in
                for (rowIndex, row) in rows.enumerated() {
                    html.wrap("tr", rowClass(rowIndex).map { [("class", $0)] } ?? []) { html in
                        for (index, value) in row.enumerated() {
                            if let cell, cell(&html, rowIndex, index, value) { continue }
                            html.element("td", numeric.contains(index) ? [("class", "num")] : [], value)
                        }
                    }
                }
            }
        }
    }

    static func section(_ html: inout HTMLMarkup, id: String, title: String, _ body: (inout HTMLMarkup) -> Void) {
        html.wrap("section", [("id", id), ("class", "block")]) { html in
            html.element("h2", [], title)
            body(&html)
        }
    }

    static func ragTable(_ html: inout HTMLMarkup, status: StatusReport) {
        section(&html, id: "rag", title: "Workstream RAG") { html in
            let rows = status.workstreams.map { [$0.rating.rawValue, $0.name, $0.sro, $0.reasons.joined(separator: "; ")] }
            table(
                &html, caption: "RAG by workstream: RED, AMBER or GREEN with the reasons, and the senior responsible owner",
                headers: ["Rating", "Workstream", "SRO", "Why"], rows: rows,
                cell: { html, row, column, value in
                guard column == 0 else { return false }
                let rating = status.workstreams[row].rating
                html.wrap("td", [("class", "rag rag-\(rating.rawValue.lowercased())")]) { html in
                    html.element("span", [("class", "rag-chip")], value)
                }
                return true
            })
        }
    }

    static func checklist(_ html: inout HTMLMarkup, status: StatusReport) {
        section(&html, id: "due-diligence", title: "Due-diligence checklist") { html in
            let rows = status.checklist.map { row in
                [row.category, String(row.done), String(row.total), "\(percent(row.done, of: row.total))%"]
            }
            table(
                &html, caption: "Closed items (complete, not applicable or deferred) by category", headers: ["Category", "Closed", "Items", "Progress"],
                numeric: [1, 2], rows: rows,
                cell: { html, row, column, value in
                guard column == 3 else { return false }
                let share = percent(status.checklist[row].done, of: status.checklist[row].total)
                progressCell(&html, share: share, label: value)
                return true
            })
            if rows.isEmpty { html.element("p", [("class", "empty")], "No checklist items in scope.") }
        }
    }

    static func progressCell(_ html: inout HTMLMarkup, share: Int, label: String) {
        html.wrap("td", [("class", "progress")]) { html in
            html.wrap("span", [("class", "meter")]) { html in
                html.element("span", [("class", "fill"), ("style", "width: \(share)%")], "")
            }
            html.element("span", [("class", "pct")], label)
        }
    }

    static func percent(_ part: Int, of total: Int) -> Int {
        total == 0 ? 0 : part * 100 / total
    }

    static func transfers(_ html: inout HTMLMarkup, status: StatusReport) {
        section(&html, id: "transfers", title: "Staff and contract transfers by source organisation") { html in
            var rows: [[String]] = []
            for (index, staff) in status.staffByOrganisation.enumerated() {
                let contract = index < status.contractsByOrganisation.count
                    ? status.contractsByOrganisation[index] : (organisation: staff.organisation, transferred: 0, total: 0, value: 0.0)
                rows.append([
                    staff.organisation, "\(staff.transferred) of \(staff.total)", "\(staff.confirmed) of \(staff.total)",
                    "\(contract.transferred) of \(contract.total)", RegisterReports.money(contract.value),
                ])
            }
            table(
                &html, caption: "Transfer progress per source CCG",
                headers: ["Source organisation", "Staff transferred", "Staff confirmed", "Contracts transferred", "Annual contract value"],
                numeric: [1, 2, 3, 4], rows: rows)
        }
    }

    static func readiness(_ html: inout HTMLMarkup, status: StatusReport) {
        section(&html, id: "ros", title: "Readiness to Operate Statement") { html in
            html.element("p", [], status.readiness)
        }
    }

    static func violations(_ html: inout HTMLMarkup, check: CheckReport) {
        section(&html, id: "violations", title: "Open rule violations") { html in
            for (label, list) in [("Blocking", check.blocking), ("Advisory", check.advisory)] {
                if list.isEmpty {
                    html.element("p", [("class", "empty")], "\(label): none.")
                    continue
                }
                let rows = list.map { [$0.rule, $0.kind, $0.entity ?? "", $0.unmet, $0.remedy] }
                table(
                    &html, caption: "\(label) (\(list.count))", headers: ["Rule", "Kind", "Entity", "What is unmet", "Remedy"], rows: rows,
                    rowClass: { _ in label == "Blocking" ? "blocking" : "advisory" })
            }
        }
    }

    static func residue(_ html: inout HTMLMarkup, check: CheckReport) {
        section(&html, id: "residue", title: "Residue: items deferred past go-live") { html in
            guard !check.residue.isEmpty else {
                html.element("p", [("class", "empty")], "No deferred items.")
                return
            }
            let rows = check.residue.map { item in
                [item.id, item.title, item.owner ?? "no owner", item.mitigation ?? "none recorded", item.deferredOn?.description ?? "",
                 item.ageDays.map { "\($0) days" } ?? ""]
            }
            table(
                &html, caption: "Deferred items stay visible until closed (\(rows.count))",
                headers: ["Item", "Title", "Owner", "Mitigation", "Deferred on", "Age"], numeric: [5], rows: rows)
        }
    }
}
