internal import Dispatch
import TransitionSupport

/// Schedule risk analysis: reschedules the network many times with durations drawn from the tasks'
/// three-point estimates and summarises the go-live dates.
///
/// - Tasks without an estimate, and milestones, keep their duration; finished tasks keep their
///   actual dates.
/// - A task not started takes the draw rounded to the nearest whole working day (halves away from
///   zero).
/// - A started task keeps its actual start and only its remaining work varies: the remaining is
///   scaled by `draw / mostLikely` and rounded the same way (when `mostLikely` is 0 the rounded draw
///   is added to the remaining instead).
/// - Each run applies exactly the deterministic rules of ``CriticalPathScheduler``, so a programme
///   without estimates gives percentiles equal to the deterministic forecast.
///
/// Determinism: the runs are split into at most 32 fixed chunks of consecutive iterations; chunk
/// `k` draws from xoshiro256** seeded with `mix(seed ^ mix(k + 1))` (SplitMix64's finaliser).
/// Chunks run concurrently but each writes only its own slots and the results are combined in
/// chunk order, so thread scheduling never changes the result.
public enum MonteCarlo {
    /// Upper bound on the number of chunks (and so on per-chunk criticality counters).
    static let maximumChunks = 32

    /// Runs `iterations` Monte Carlo schedules of `input`.
    /// - Throws: any ``ScheduleError`` the deterministic scheduler would throw, or
    ///   ``ScheduleError/invalidIterationCount(_:)``, ``ScheduleError/missingGoLiveMilestone``,
    ///   ``ScheduleError/missingStatutoryDate``.
    public static func analyse(
        _ input: ScheduleInput, iterations: Int, seed: UInt64, distribution: EstimateDistribution = .pert
    ) throws(ScheduleError) -> RiskAnalysis {
        guard iterations >= 1 else { throw .invalidIterationCount(iterations) }
        let network = try ScheduleNetwork(input)
        guard let goLive = network.goLive else { throw .missingGoLiveMilestone }
        guard let statutoryPoint = network.statutoryPoint else { throw .missingStatutoryDate }

        let plan = SamplingPlan(input: input, network: network, distribution: distribution)
        let count = network.count
        let chunkCount = min(iterations, maximumChunks)
        let goLiveStarts = UnsafeMutableBufferPointer<Int>.allocate(capacity: iterations)
        let criticalCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, chunkCount * count))
        goLiveStarts.initialize(repeating: 0)
        criticalCounts.initialize(repeating: 0)
        defer {
            goLiveStarts.deallocate()
            criticalCounts.deallocate()
        }
        let slots = ChunkSlots(goLiveStarts: goLiveStarts, criticalCounts: criticalCounts)
        let threshold = input.criticalThreshold

        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let first = chunk * iterations / chunkCount
            let end = (chunk + 1) * iterations / chunkCount
            var generator = Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(chunk) &+ 1)))
            var workspace = PassWorkspace(count: count)
            var durations = network.duration
            var remaining = network.remaining
            let countBase = chunk * count
            for iteration in first..<end {
                plan.draw(durations: &durations, remaining: &remaining, generator: &generator)
                network.forwardPass(durations: durations, remaining: remaining, workspace: &workspace)
                network.backwardPass(durations: durations, remaining: remaining, workspace: &workspace)
                slots.goLiveStarts[iteration] = workspace.earlyStart[goLive]
                for task in 0..<count where network.state[task] != .finished {
                    if workspace.lateFinish[task] - workspace.earlyFinish[task] <= threshold {
                        slots.criticalCounts[countBase + task] += 1
                    }
                }
            }
        }

        return summarise(
            input: input, network: network, iterations: iterations, seed: seed, distribution: distribution,
            goLiveStarts: Array(goLiveStarts), criticalCounts: Array(criticalCounts), chunkCount: chunkCount,
            statutoryPoint: statutoryPoint)
    }

    private static func summarise(
        input: ScheduleInput, network: ScheduleNetwork, iterations: Int, seed: UInt64,
        distribution: EstimateDistribution, goLiveStarts: [Int], criticalCounts: [Int], chunkCount: Int,
        statutoryPoint: Int
    ) -> RiskAnalysis {
        let sorted = goLiveStarts.sorted()
        func percentile(_ percent: Int) -> CivilDate {
            let rank = max(1, (percent * iterations + 99) / 100)
            return input.calendar.date(ofWorkingDay: sorted[min(rank, iterations) - 1])
        }
        let onTime = goLiveStarts.reduce(0) { $0 + ($1 <= statutoryPoint ? 1 : 0) }
        let totalSlip = goLiveStarts.reduce(0) { $0 + ($1 - statutoryPoint) }
        var criticality: [String: Double] = [:]
        criticality.reserveCapacity(network.count)
        for task in 0..<network.count {
            var runs = 0
            for chunk in 0..<chunkCount { runs += criticalCounts[chunk * network.count + task] }
            criticality[network.ids[task]] = Double(runs) / Double(iterations)
        }
        return RiskAnalysis(
            iterations: iterations, seed: seed, distribution: distribution,
            p50: percentile(50), p80: percentile(80), p95: percentile(95),
            probabilityOnTime: Double(onTime) / Double(iterations),
            criticalityIndex: criticality,
            meanSlipDays: Double(totalSlip) / Double(iterations))
    }
}

/// Result storage shared by the chunks. Each chunk writes only its own iterations' go-live slots
/// and its own row of criticality counters, so the writes never overlap.
private struct ChunkSlots: @unchecked Sendable {
    let goLiveStarts: UnsafeMutableBufferPointer<Int>
    let criticalCounts: UnsafeMutableBufferPointer<Int>
}
