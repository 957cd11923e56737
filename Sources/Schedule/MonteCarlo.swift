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
/// `k` draws from xoshiro256** seeded with `mix(seed ^ mix(k + 1))` (SplitMix64's finaliser), one
/// draw per varied task per run in file order. Chunks run concurrently but each writes only its own
/// slots and the results are combined in chunk order, so the number of threads and their timing
/// never change the result.
///
/// Cost: O(iterations × (n + e)) spread over the machine's cores; nothing is allocated per run.
public enum MonteCarlo {
    /// Upper bound on the number of chunks (and so on per-chunk criticality counters).
    static let maximumChunks = 32

    /// How chunks are run: concurrently in production; serially (or backwards) in tests that check
    /// the result does not depend on it.
    enum ChunkExecution: Sendable {
        case concurrent
        case serial
        case reversed
    }

    /// Runs `iterations` Monte Carlo schedules of `input`.
    /// - Throws: any ``ScheduleError`` the deterministic scheduler would throw, or
    ///   ``ScheduleError/invalidIterationCount(_:)``, ``ScheduleError/missingGoLiveMilestone``,
    ///   ``ScheduleError/missingStatutoryDate``.
    public static func analyse(
        _ input: ScheduleInput, iterations: Int, seed: UInt64, distribution: EstimateDistribution = .pert
    ) throws(ScheduleError) -> RiskAnalysis {
        try analyse(input, iterations: iterations, seed: seed, distribution: distribution, execution: .concurrent)
    }

    /// Runs `iterations` Monte Carlo schedules of a network already compiled: equal to
    /// `analyse(compiled.input, ...)`, without compiling it again (for callers that analyse one
    /// network many times, and the benchmark that times the runs alone).
    /// - Throws: ``ScheduleError/invalidIterationCount(_:)``, ``ScheduleError/missingGoLiveMilestone``,
    ///   ``ScheduleError/missingStatutoryDate``.
    public static func analyse(
        _ compiled: CompiledSchedule, iterations: Int, seed: UInt64, distribution: EstimateDistribution = .pert
    ) throws(ScheduleError) -> RiskAnalysis {
        guard iterations >= 1 else { throw .invalidIterationCount(iterations) }
        return try analyse(
            compiled.input, network: compiled.network, iterations: iterations, seed: seed, distribution: distribution,
            execution: .concurrent)
    }

    static func analyse(
        _ input: ScheduleInput, iterations: Int, seed: UInt64, distribution: EstimateDistribution,
        execution: ChunkExecution
    ) throws(ScheduleError) -> RiskAnalysis {
        guard iterations >= 1 else { throw .invalidIterationCount(iterations) }
        let network = try ScheduleNetwork(input)
        return try analyse(
            input, network: network, iterations: iterations, seed: seed, distribution: distribution, execution: execution)
    }

    /// The runs themselves, on `network` compiled from `input`; `iterations` is at least 1.
    private static func analyse(
        _ input: ScheduleInput, network: ScheduleNetwork, iterations: Int, seed: UInt64,
        distribution: EstimateDistribution, execution: ChunkExecution
    ) throws(ScheduleError) -> RiskAnalysis {
        guard let goLive = network.goLive else { throw .missingGoLiveMilestone }
        guard let statutoryPoint = network.statutoryPoint else { throw .missingStatutoryDate }

        let plan = SamplingPlan(input: input, network: network, distribution: distribution)
        let count = network.count
        let chunkCount = min(iterations, maximumChunks)
        let goLiveStarts = UnsafeMutableBufferPointer<Int>.allocate(capacity: iterations)
        let criticalCounts = UnsafeMutablePointer<Int>.allocate(capacity: max(1, chunkCount * count))
        goLiveStarts.initialize(repeating: 0)
        criticalCounts.initialize(repeating: 0, count: max(1, chunkCount * count))
        defer {
            goLiveStarts.deallocate()
            criticalCounts.deallocate()
        }
        let slots = ChunkSlots(goLiveStarts: goLiveStarts, criticalCounts: criticalCounts)
        let goLiveSlot = 2 * network.rank[goLive]
        let threshold = input.criticalThreshold

        let runChunk: @Sendable (Int) -> Void = { chunk in
            let first = chunk * iterations / chunkCount
            let end = (chunk + 1) * iterations / chunkCount
            var generator = Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(chunk) &+ 1)))
            let workspace = PassWorkspace(network: network)
            var tally = CriticalRuns(counts: slots.criticalCounts + chunk * count)
            for iteration in first ..< end {
                plan.draw(into: workspace.work, generator: &generator)
                network.forwardPass(workspace)
                network.backwardPass(workspace, threshold: threshold, tally: &tally)
                slots.goLiveStarts[iteration] = workspace.early[goLiveSlot]
            }
        }
        switch execution {
        case .concurrent: DispatchQueue.concurrentPerform(iterations: chunkCount, execute: runChunk)
        case .serial: for chunk in 0 ..< chunkCount { runChunk(chunk) }
        case .reversed: for chunk in (0 ..< chunkCount).reversed() { runChunk(chunk) }
        }

        return summarise(
            input: input, network: network, iterations: iterations, seed: seed, distribution: distribution,
            goLiveStarts: Array(goLiveStarts),
            criticalCounts: Array(UnsafeBufferPointer(start: criticalCounts, count: chunkCount * count)), chunkCount: chunkCount,
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
        for position in 0 ..< network.count {
            let rank = network.rank[position]
            var runs = 0
            for chunk in 0 ..< chunkCount { runs += criticalCounts[chunk * network.count + rank] }
            criticality[network.ids[position]] = Double(runs) / Double(iterations)
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
    let criticalCounts: UnsafeMutablePointer<Int>
}
