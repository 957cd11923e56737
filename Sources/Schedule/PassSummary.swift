/// What one forward and backward pass found, in points, without per-task rows: see
/// ``CompiledSchedule/runPasses()``.
public struct PassSummary: Sendable, Hashable {
    /// The largest early finish of any task (0 for an empty network).
    public var projectFinish: Int
    /// Unfinished tasks whose total float is at most the input's critical threshold.
    public var criticalCount: Int
    /// The go-live milestone's early start, when the input names one.
    public var goLiveStart: Int?

    public init(projectFinish: Int, criticalCount: Int, goLiveStart: Int?) {
        self.projectFinish = projectFinish
        self.criticalCount = criticalCount
        self.goLiveStart = goLiveStart
    }
}
