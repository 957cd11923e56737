/// One thing wrong with a workflow file: where it is, what is wrong, and the likely fix.
///
/// The loader collects every problem before refusing a file, so an author fixes them all in one
/// pass; each names the JSON path of the value at fault and, when the text was readable, its
/// line and column.
public struct WorkflowProblem: Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the value at fault, such as `tasks[12].relations[0].task`; empty for the
    /// whole document.
    public var path: String
    /// The 1-based line of the value, when known.
    public var line: Int?
    /// The 1-based column (in bytes) of the value, when known.
    public var column: Int?
    /// What is wrong and what to do about it.
    public var message: String
    /// The closest valid spelling, for "did you mean" hints.
    public var suggestion: String?

    /// Creates a problem.
    public init(path: String, line: Int? = nil, column: Int? = nil, message: String, suggestion: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// `PATH: MESSAGE; did you mean 'X'?` (the path is left out for the whole document).
    public var description: String {
        var text = path.isEmpty ? message : "\(path): \(message)"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }

    /// Orders problems by position; problems without one come last, then by path and message.
    static func precedes(_ lhs: WorkflowProblem, _ rhs: WorkflowProblem) -> Bool {
        let left = (lhs.line ?? Int.max, lhs.column ?? Int.max)
        let right = (rhs.line ?? Int.max, rhs.column ?? Int.max)
        if left != right { return left < right }
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        return lhs.message < rhs.message
    }
}
