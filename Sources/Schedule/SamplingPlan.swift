/// Which tasks Monte Carlo varies, and how, precomputed once per analysis.
///
/// A run only ever uses a draw rounded to whole working days, so each varied task's *rounded*
/// outcome has a small exact discrete distribution: the probability of outcome `k` is the
/// distribution's CDF between the two draws that round to `k ± ½`
/// (``EstimateDistribution/cumulativeProbability(atShare:mode:)``). The plan tabulates it once per
/// distinct estimate and draws from an ``AliasTable`` with one 64-bit random number, which gives
/// outcomes with exactly the probabilities of drawing continuously and rounding, at a fraction of
/// the cost. A task with more than ``largestTable`` possible outcomes is drawn continuously
/// (``EstimateSampler``) and rounded instead.
struct SamplingPlan: Sendable {
    /// Most outcomes a task may have and still be tabulated.
    static let largestTable = 1 << 16

    private struct Draw: Sendable {
        /// Rank of the task in the compiled network.
        let rank: Int
        /// First column of its alias table in `thresholds` / `aliases`.
        let offset: Int
        /// Columns in its table; 0 when the task is drawn continuously.
        let size: UInt64
        /// The outcome of column 0 (outcomes are consecutive integers).
        let base: Int
        /// Index into `continuous` when `size` is 0.
        let fallback: Int
    }

    /// A continuously drawn task.
    private struct Continuous: Sendable {
        let sampler: EstimateSampler
        /// Remaining work of a started task (scaled by each draw); -1 when not started.
        let plannedRemaining: Int
    }

    /// What determines a tabulated distribution, to share tables between tasks.
    private struct TableKey: Hashable {
        let optimistic: Int
        let mostLikely: Int
        let pessimistic: Int
        let plannedRemaining: Int
    }

    private let draws: [Draw]
    private let continuous: [Continuous]
    private let thresholds: [UInt64]
    private let aliases: [Int32]

    /// Tasks with an estimate that are neither milestones nor finished, in file order.
    init(input: ScheduleInput, network: ScheduleNetwork, distribution: EstimateDistribution) {
        var draws: [Draw] = []
        var continuous: [Continuous] = []
        var thresholds: [UInt64] = []
        var aliases: [Int32] = []
        var tables: [TableKey: (offset: Int, size: Int, base: Int)] = [:]
        for (position, definition) in input.tasks.enumerated() {
            guard let estimate = definition.estimate, !definition.isMilestone else { continue }
            let rank = network.rank[position]
            let planned: Int
            switch network.state[rank] {
            case .finished: continue
            case .started: planned = network.work[rank]
            case .notStarted: planned = -1
            }
            let key = TableKey(
                optimistic: estimate.optimistic, mostLikely: estimate.mostLikely, pessimistic: estimate.pessimistic,
                plannedRemaining: planned)
            if tables[key] == nil,
                let (base, weights) = Self.outcomes(estimate, distribution: distribution, plannedRemaining: planned)
            {
                let table = AliasTable(weights: weights)
                tables[key] = (thresholds.count, table.count, base)
                thresholds += table.thresholds
                aliases += table.aliases
            }
            if let table = tables[key] {
                draws.append(Draw(rank: rank, offset: table.offset, size: UInt64(table.size), base: table.base, fallback: 0))
            } else {
                draws.append(Draw(rank: rank, offset: 0, size: 0, base: 0, fallback: continuous.count))
                continuous.append(Continuous(
                    sampler: EstimateSampler(estimate, distribution: distribution), plannedRemaining: planned))
            }
        }
        self.draws = draws
        self.continuous = continuous
        self.thresholds = thresholds
        self.aliases = aliases
    }

    /// Overwrites the varied entries of `work` (per rank) with fresh draws, one per varied task in
    /// file order: a task not started takes the rounded draw; a started task's remaining is scaled by
    /// `draw / mostLikely` and rounded (or, when `mostLikely` is 0, has the rounded draw added).
    func draw(into work: UnsafeMutablePointer<Int>, generator: inout Xoshiro256StarStar) {
        draws.withUnsafeBufferPointer { draws in
            thresholds.withUnsafeBufferPointer { thresholds in
                aliases.withUnsafeBufferPointer { aliases in
                    for draw in draws {
                        guard draw.size > 0 else {
                            let task = continuous[draw.fallback]
                            work[draw.rank] = Self.outcome(
                                task.sampler.sample(&generator), mostLikely: task.sampler.mostLikely,
                                plannedRemaining: task.plannedRemaining)
                            continue
                        }
                        let (column, fraction) = generator.next().multipliedFullWidth(by: draw.size)
                        let slot = draw.offset + Int(truncatingIfNeeded: column)
                        let index = fraction < thresholds[slot] ? Int(truncatingIfNeeded: column) : Int(aliases[slot])
                        work[draw.rank] = draw.base + index
                    }
                }
            }
        }
    }

    /// The whole working days a continuous draw `value` turns into (see ``draw(into:generator:)``).
    @inline(__always)
    static func outcome(_ value: Double, mostLikely: Double, plannedRemaining planned: Int) -> Int {
        if planned < 0 { return roundedHalfAway(value) }
        return mostLikely > 0
            ? roundedHalfAway(Double(planned) * value / mostLikely)
            : planned + roundedHalfAway(value)
    }

    /// The consecutive outcomes a task's draw can turn into, from `base`, with their exact
    /// probabilities; `nil` when there are more than ``largestTable``.
    static func outcomes(
        _ estimate: ThreePointEstimate, distribution: EstimateDistribution, plannedRemaining planned: Int
    ) -> (base: Int, weights: [Double])? {
        let optimistic = Double(estimate.optimistic)
        let mostLikely = Double(estimate.mostLikely)
        let pessimistic = Double(estimate.pessimistic)
        let range = pessimistic - optimistic
        guard range > 0 else { return (outcome(mostLikely, mostLikely: mostLikely, plannedRemaining: planned), [1]) }
        let low = outcome(optimistic, mostLikely: mostLikely, plannedRemaining: planned)
        let high = outcome(pessimistic, mostLikely: mostLikely, plannedRemaining: planned)
        guard high - low < largestTable else { return nil }
        let mode = (mostLikely - optimistic) / range
        /// The draw at which the value before rounding reaches `y` (the inverse of `outcome`'s scaling).
        func draw(reaching y: Double) -> Double {
            if planned < 0 { return y }
            return mostLikely > 0 ? y * mostLikely / Double(planned) : y - Double(planned)
        }
        var weights: [Double] = []
        weights.reserveCapacity(high - low + 1)
        var below = 0.0
        for value in low ... high {
            let upTo = value == high
                ? 1 : distribution.cumulativeProbability(atShare: (draw(reaching: Double(value) + 0.5) - optimistic) / range, mode: mode)
            weights.append(max(0, upTo - below))
            below = max(below, upTo)
        }
        return (low, weights)
    }

    /// `Int(value.rounded())` (to nearest, halves away from zero) without a library call: the
    /// fraction left after truncation is exact in binary floating point.
    @inline(__always)
    static func roundedHalfAway(_ value: Double) -> Int {
        let magnitude = abs(value)
        let whole = Int(magnitude)
        let rounded = magnitude - Double(whole) >= 0.5 ? whole + 1 : whole
        return value < 0 ? -rounded : rounded
    }
}
