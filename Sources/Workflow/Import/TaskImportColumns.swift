import TransitionSupport

/// Where each recognised column sits in a task spreadsheet, found by header name.
///
/// Exports name columns differently ("Name" in MS Project, "Task Name" in Smartsheet), so each
/// field has a few accepted headers, compared ignoring case and surrounding spaces. Columns the
/// importer does not know (Start, Finish, % Complete, Resource Names …) are ignored.
struct TaskImportColumns {
    var id: Int?
    var name: Int?
    var duration: Int?
    var predecessors: Int?
    var workstream: Int?
    var startNoEarlierThan: Int?
    var finishNoLaterThan: Int?
    var optimistic: Int?
    var mostLikely: Int?
    var pessimistic: Int?
    var milestone: Int?
    var description: Int?

    init(_ table: CSVTable) {
        func find(_ names: String...) -> Int? { names.lazy.compactMap(table.column(named:)).first }
        id = find("ID", "Task ID")
        name = find("Name", "Task Name")
        duration = find("Duration")
        predecessors = find("Predecessors")
        workstream = find("Workstream")
        startNoEarlierThan = find("Start No Earlier Than")
        finishNoLaterThan = find("Finish No Later Than")
        optimistic = find("Optimistic", "Optimistic Duration")
        mostLikely = find("Most Likely", "Most Likely Duration")
        pessimistic = find("Pessimistic", "Pessimistic Duration")
        milestone = find("Milestone")
        description = find("Notes", "Description")
    }

    /// The headers every task sheet needs, with the column each was found at.
    var required: [(name: String, position: Int?)] {
        [("ID", id), ("Name", name), ("Duration", duration)]
    }
}
