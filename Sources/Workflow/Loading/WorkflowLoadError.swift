/// Why a workflow file was refused: every problem found in it, in file order.
///
/// Thrown by ``WorkflowLoader``; the description is compiler-style, one line per problem
/// (`FILE:LINE:COL: error: PATH: MESSAGE; did you mean 'X'?`) and then a count, ready for stderr.
public struct WorkflowLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as named by the caller.
    public var file: String
    /// The problems, sorted by position.
    public var problems: [WorkflowProblem]

    /// Creates an error; `problems` are sorted by position.
    public init(file: String, problems: [WorkflowProblem]) {
        self.file = file
        self.problems = problems.sorted(by: WorkflowProblem.precedes)
    }

    /// One line per problem, then `N problem(s) in FILE`.
    public var description: String {
        var lines: [String] = []
        for problem in problems {
            var prefix = file
            if let line = problem.line {
                prefix += ":\(line)"
                if let column = problem.column { prefix += ":\(column)" }
            }
            lines.append("\(prefix): error: \(problem)")
        }
        let count = problems.count
        lines.append("\(count) \(count == 1 ? "problem" : "problems") in \(file)")
        return lines.joined(separator: "\n")
    }
}
