/// The outcome of one schedule-quality check (after the DCMA 14-point assessment), with offenders.
public struct QualityCheck: Sendable, Hashable {
    /// Stable identifier, e.g. `missing-logic`.
    public var id: String
    public var title: String
    /// Offending items counted (for `baseline-execution-index`: tasks finished).
    public var count: Int
    /// The population the count is measured against.
    public var total: Int
    /// The pass condition in words, e.g. `<= 5%`.
    public var threshold: String
    public var passed: Bool
    /// Offending task ids in workflow order.
    public var tasks: [String]

    public init(id: String, title: String, count: Int, total: Int, threshold: String, passed: Bool, tasks: [String]) {
        self.id = id
        self.title = title
        self.count = count
        self.total = total
        self.threshold = threshold
        self.passed = passed
        self.tasks = tasks
    }
}
