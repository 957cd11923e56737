/// Why a task spreadsheet was refused: every problem found in it, by line and column.
///
/// Plans arrive as MS Project, Smartsheet or Excel exports edited by hand, so the importer
/// checks every row and reports everything at once, compiler-style, rather than stopping at the
/// first bad cell; nothing is imported unless the whole sheet is clean.
public struct TaskImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as named by the caller.
    public var file: String
    /// The problems, sorted by line and column.
    public var problems: [TaskImportProblem]

    /// Creates an error; `problems` are sorted by position.
    public init(file: String, problems: [TaskImportProblem]) {
        self.file = file
        self.problems = problems.sorted {
            ($0.line, $0.column ?? 0, $0.message) < ($1.line, $1.column ?? 0, $1.message)
        }
    }

    /// One line per problem (`FILE:LINE:COL: error: COLUMN: MESSAGE`), then a count.
    public var description: String {
        var lines = problems.map { problem in
            let position = problem.column.map { "\(problem.line):\($0)" } ?? "\(problem.line)"
            return "\(file):\(position): error: \(problem)"
        }
        let count = problems.count
        lines.append("\(count) \(count == 1 ? "problem" : "problems") in \(file); nothing was imported")
        return lines.joined(separator: "\n")
    }
}
