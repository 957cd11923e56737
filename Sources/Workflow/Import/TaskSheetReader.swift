import TransitionSupport

/// Reads the rows of a task sheet, collecting every problem; the working part of ``TaskImport``.
struct TaskSheetReader {
    let table: CSVTable
    let columns: TaskImportColumns
    let defaultWorkstream: String?
    var problems: [TaskImportProblem] = []

    /// A row that read cleanly, remembered for checks across rows.
    private struct ReadRow {
        var task: TaskDefinition
        var line: Int
    }

    init(table: CSVTable, defaultWorkstream: String?) {
        self.table = table
        self.columns = TaskImportColumns(table)
        let trimmed = defaultWorkstream?.trimmingSpaces
        self.defaultWorkstream = trimmed?.isEmpty == false ? trimmed : nil
    }

    mutating func read() -> [TaskDefinition] {
        let missing = columns.required.filter { $0.position == nil }.map(\.name)
        if !missing.isEmpty {
            let headers = table.header.joined(separator: ", ")
            report(
                line: 1, column: nil,
                "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "(the header has: \(headers)); add \(missing.count == 1 ? "it" : "them") or rename the header")
            return []
        }
        if columns.workstream == nil && defaultWorkstream == nil {
            report(line: 1, column: nil, "no Workstream column; add one or pass --workstream with a workstream id")
        }
        if let workstream = defaultWorkstream, !TaskSheetReader.isIdentifier(workstream) {
            report(
                line: 1, column: nil, "--workstream '\(workstream)' may contain only letters, digits, '.', '_' and '-'")
        }
        let rows = table.rows.filter { row in !row.fields.allSatisfy { $0.trimmingSpaces.isEmpty } }
        let knownIDs = Set(rows.compactMap { row in columns.id.map { cell(row, $0) } }.filter { !$0.isEmpty })
        var read: [ReadRow] = []
        var firstLine: [String: Int] = [:]
        for row in rows {
            guard let task = readRow(row, knownIDs: knownIDs) else { continue }
            if let earlier = firstLine[task.id] {
                report(row, columns.id, "duplicate id '\(task.id)' (first on line \(earlier)); ids must be unique")
                continue
            }
            firstLine[task.id] = row.line
            read.append(ReadRow(task: task, line: row.line))
        }
        checkCycles(read)
        return problems.isEmpty ? read.map(\.task) : []
    }

    // MARK: - One row

    private mutating func readRow(_ row: CSVRow, knownIDs: Set<String>) -> TaskDefinition? {
        let before = problems.count
        let id = cell(row, columns.id)
        if id.isEmpty {
            report(row, columns.id, "no task id; every row needs one")
        } else if !TaskSheetReader.isIdentifier(id) {
            report(row, columns.id, "id '\(id)' may contain only letters, digits, '.', '_' and '-'")
        }
        let name = cell(row, columns.name)
        if name.isEmpty { report(row, columns.name, "no task name; every row needs one") }
        let saysMilestone = ["yes", "y", "true", "1"].contains(cell(row, columns.milestone).lowercased())
        let duration = readDuration(row, column: columns.duration, required: !saysMilestone) ?? 0
        let isMilestone = readMilestone(row, duration: duration)
        let workstream = readWorkstream(row)
        let relations = readPredecessors(row, id: id, knownIDs: knownIDs)
        let start = readDate(row, column: columns.startNoEarlierThan)
        let finish = readDate(row, column: columns.finishNoLaterThan)
        if let start, let finish, start > finish {
            report(row, columns.finishNoLaterThan, "must finish by \(finish) but may not start before \(start)")
        }
        let estimate = readEstimate(row, isMilestone: isMilestone)
        let notes = cell(row, columns.description)
        guard problems.count == before else { return nil }
        return TaskDefinition(
            id: id, name: name, workstream: workstream, duration: isMilestone ? 0 : duration, isMilestone: isMilestone,
            relations: relations, startNoEarlierThan: start, finishNoLaterThan: finish, estimate: estimate,
            description: notes.isEmpty ? nil : notes)
    }

    private mutating func readDuration(_ row: CSVRow, column: Int?, required: Bool) -> Int? {
        let text = cell(row, column)
        if text.isEmpty && !required { return nil }
        switch SpreadsheetDuration.parse(text) {
        case .success(let days): return days
        case .failure(let failure):
            report(row, column, failure.reason)
            return nil
        }
    }

    private mutating func readMilestone(_ row: CSVRow, duration: Int) -> Bool {
        let text = cell(row, columns.milestone).lowercased()
        switch text {
        case "": return duration == 0
        case "yes", "y", "true", "1":
            if duration > 0 {
                report(
                    row, columns.milestone,
                    "a milestone takes no time, but Duration is \(duration) days; set Duration to 0 or Milestone to No")
            }
            return true
        case "no", "n", "false", "0": return false
        default:
            report(row, columns.milestone, "'\(cell(row, columns.milestone))' is not Yes or No")
            return false
        }
    }

    private mutating func readWorkstream(_ row: CSVRow) -> String {
        let text = cell(row, columns.workstream)
        if text.isEmpty {
            if columns.workstream != nil && defaultWorkstream == nil {
                report(row, columns.workstream, "no workstream; fill it in or pass --workstream for rows without one")
            }
            return defaultWorkstream ?? ""
        }
        if !TaskSheetReader.isIdentifier(text) {
            report(row, columns.workstream, "workstream '\(text)' may contain only letters, digits, '.', '_' and '-'")
        }
        return text
    }

    private mutating func readPredecessors(_ row: CSVRow, id: String, knownIDs: Set<String>) -> [TaskDefinition
        .Relation]
    {
        var relations: [TaskDefinition.Relation] = []
        for entry in PredecessorNotation.parse(cell(row, columns.predecessors), knownIDs: knownIDs) {
            switch entry.result {
            case .failure(let failure):
                report(row, columns.predecessors, failure.reason)
            case .success(let relation):
                if relation.task == id {
                    report(row, columns.predecessors, "'\(entry.text)': task '\(id)' cannot be its own predecessor")
                } else if !knownIDs.contains(relation.task) {
                    let shown =
                        entry.text == relation.task ? "'\(relation.task)'" : "'\(relation.task)' (in '\(entry.text)')"
                    report(
                        row, columns.predecessors, "predecessor \(shown) is not the id of any row in this sheet",
                        suggestion: Suggestion.closest(to: relation.task, in: knownIDs.sorted()))
                } else if relations.contains(where: { $0.task == relation.task && $0.type == relation.type }) {
                    report(
                        row, columns.predecessors,
                        "'\(entry.text)' repeats a \(relation.type.rawValue) link to '\(relation.task)'")
                } else {
                    relations.append(relation)
                }
            }
        }
        return relations
    }

    private mutating func readDate(_ row: CSVRow, column: Int?) -> CivilDate? {
        switch SpreadsheetDate.parse(cell(row, column)) {
        case .none: return nil
        case .success(let date): return date
        case .failure(let failure):
            report(row, column, failure.reason)
            return nil
        }
    }

    private mutating func readEstimate(_ row: CSVRow, isMilestone: Bool) -> TaskDefinition.Estimate? {
        let estimateColumns = [columns.optimistic, columns.mostLikely, columns.pessimistic]
        let cells = estimateColumns.map { cell(row, $0) }
        guard cells.contains(where: { !$0.isEmpty }) else { return nil }
        var values: [Int] = []
        for (column, text) in zip(estimateColumns, cells) {
            if text.isEmpty {
                report(
                    row, column ?? columns.duration,
                    "a three-point estimate needs Optimistic, Most Likely and Pessimistic")
                return nil
            }
            guard let days = readDuration(row, column: column, required: true) else { return nil }
            values.append(days)
        }
        guard values.count == 3 else { return nil }
        guard values[0] <= values[1], values[1] <= values[2] else {
            report(
                row, columns.optimistic,
                "estimate out of order (\(values[0]), \(values[1]), \(values[2])); need Optimistic <= Most Likely <= Pessimistic"
            )
            return nil
        }
        if isMilestone && values[2] > 0 {
            report(row, columns.optimistic, "a milestone takes no time; leave its estimate empty")
            return nil
        }
        return TaskDefinition.Estimate(optimistic: values[0], mostLikely: values[1], pessimistic: values[2])
    }

    // MARK: - Across rows

    private mutating func checkCycles(_ rows: [ReadRow]) {
        let cycles = DependencyCycles.find(in: rows.map { ($0.task.id, $0.task.relations.map(\.task)) })
        for cycle in cycles {
            let names = (cycle + [cycle[0]]).map { rows[$0].task.id }
            let successor = rows[cycle.count > 1 ? cycle[1] : cycle[0]]
            report(
                line: successor.line, column: columns.predecessors,
                "dependency cycle \(names.joined(separator: " -> ")) (each task is a predecessor of the next); "
                    + "remove or reverse one of these links")
        }
    }

    // MARK: - Helpers

    private func cell(_ row: CSVRow, _ column: Int?) -> String {
        guard let column, column < row.fields.count else { return "" }
        return row.fields[column].trimmingSpaces
    }

    private mutating func report(_ row: CSVRow, _ column: Int?, _ message: String, suggestion: String? = nil) {
        report(line: row.line, column: column, message, suggestion: suggestion)
    }

    private mutating func report(line: Int, column: Int?, _ message: String, suggestion: String? = nil) {
        let name = column.flatMap { $0 < table.header.count ? table.header[$0] : nil }
        problems.append(
            TaskImportProblem(
                line: line, column: column.map { $0 + 1 }, columnName: name, message: message, suggestion: suggestion))
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }
}
