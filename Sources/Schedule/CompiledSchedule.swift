/// A ``ScheduleInput`` validated and compiled once, whose passes can then be rerun cheaply.
///
/// ``CriticalPathScheduler/schedule(_:)`` compiles and schedules in one call; this type separates
/// the two, for callers that run the passes many times on one network (what-if loops, and the
/// benchmark that times the passes alone against a peer's).
public struct CompiledSchedule: Sendable {
    /// The input this network was compiled from.
    public let input: ScheduleInput
    let network: ScheduleNetwork

    /// Validates and compiles `input`. O(n + e) when the tasks are listed in an order their links
    /// respect, O((n + e) log n) otherwise.
    /// - Throws: ``ScheduleError``, exactly as ``CriticalPathScheduler/schedule(_:)`` would.
    public init(_ input: ScheduleInput) throws(ScheduleError) {
        self.input = input
        network = try ScheduleNetwork(input)
    }

    /// Tasks in the network.
    public var taskCount: Int { network.count }
    /// Links (relations) in the network.
    public var linkCount: Int { network.linkCount }

    /// Runs the forward and backward passes with the planned work and summarises them, without
    /// building per-task rows or dates. O(n + e); allocates one workspace.
    public func runPasses() -> PassSummary {
        let workspace = PassWorkspace(network: network)
        var critical = CriticalCount()
        network.forwardPass(workspace)
        network.backwardPass(workspace, threshold: input.criticalThreshold, tally: &critical)
        return PassSummary(
            projectFinish: workspace.latestFinish, criticalCount: critical.count,
            goLiveStart: network.goLive.map { workspace.earlyStart(network.rank[$0]) })
    }

    /// The full schedule: equal to `CriticalPathScheduler.schedule(input)`. O(n + e).
    public func schedule() -> ScheduleResult {
        CriticalPathScheduler.makeResult(input: input, network: network, workspace: network.schedule())
    }
}
