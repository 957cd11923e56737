import TransitionSupport

/// Imports a plan's tasks from a spreadsheet export (MS Project, Smartsheet, Excel) as CSV.
///
/// Programme offices keep plans in spreadsheets; `transition workflow import-tasks` turns one
/// into the workflow's `tasks` array. Every row and cell is checked (ids, durations, MS Project
/// predecessor notation, UK dates, three-point estimates, references between rows, cycles) and
/// every problem is reported with its line and column; nothing is returned unless the whole sheet
/// is clean. Writing the workflow file is the caller's job.
public enum TaskImport {
    /// Parses CSV text; see ``parse(csv:file:defaultWorkstream:)-(([UInt8],_,_))``.
    public static func parse(csv text: String, file: String, defaultWorkstream: String? = nil)
        throws(TaskImportError) -> [TaskDefinition]
    {
        try parse(csv: Array(text.utf8), file: file, defaultWorkstream: defaultWorkstream)
    }

    /// Parses CSV bytes into tasks, in row order.
    ///
    /// Recognised columns (case-insensitive): ID (or Task ID), Name (or Task Name), Duration,
    /// Predecessors, Workstream, Start No Earlier Than, Finish No Later Than, Optimistic,
    /// Most Likely, Pessimistic, Milestone (Yes/No), Notes (or Description). Others are ignored.
    /// A duration of 0 makes a milestone unless the Milestone column says No.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents (UTF-8, with or without a byte order mark, LF or CRLF).
    ///   - file: The name used in diagnostics.
    ///   - defaultWorkstream: The workstream for rows that leave Workstream empty (`--workstream`).
    /// - Returns: The tasks, in file order.
    /// - Throws: ``TaskImportError`` listing every problem.
    public static func parse(csv bytes: [UInt8], file: String, defaultWorkstream: String? = nil)
        throws(TaskImportError) -> [TaskDefinition]
    {
        let table: CSVTable
        do {
            table = try CSVReader.parse(bytes)
        } catch {
            throw TaskImportError(
                file: file,
                problems: [TaskImportProblem(line: error.line, column: error.column, message: error.message)])
        }
        var reader = TaskSheetReader(table: table, defaultWorkstream: defaultWorkstream)
        let tasks = reader.read()
        guard reader.problems.isEmpty else { throw TaskImportError(file: file, problems: reader.problems) }
        return tasks
    }

    /// `workflow` with its `tasks` array replaced by `tasks`, everything else kept as it was.
    ///
    /// If `workflow` is not a JSON object it is returned unchanged; validating the result with
    /// ``WorkflowLoader/load(json:file:vocabulary:)`` then refuses it. Validate before writing:
    /// imported tasks must name workstreams the workflow defines, and the go-live milestone must
    /// still exist.
    public static func merge(_ tasks: [TaskDefinition], into workflow: JSONValue) -> JSONValue {
        guard var object = workflow.objectValue else { return workflow }
        object["tasks"] = .array(tasks.map(\.jsonValue))
        return .object(object)
    }
}
