/// Which tasks Monte Carlo varies, and how, precomputed once per analysis.
struct SamplingPlan: Sendable {
    private struct Draw: Sendable {
        let task: Int
        let sampler: EstimateSampler
        /// Remaining work of a started task (scaled by each draw); `nil` when not started.
        let plannedRemaining: Int?
    }

    private let draws: [Draw]

    /// Tasks with an estimate that are neither milestones nor finished.
    init(input: ScheduleInput, network: ScheduleNetwork, distribution: EstimateDistribution) {
        var draws: [Draw] = []
        for (task, definition) in input.tasks.enumerated() {
            guard let estimate = definition.estimate, !definition.isMilestone else { continue }
            switch network.state[task] {
            case .finished: continue
            case .started:
                draws.append(Draw(
                    task: task, sampler: EstimateSampler(estimate, distribution: distribution),
                    plannedRemaining: network.remaining[task]))
            case .notStarted:
                draws.append(Draw(
                    task: task, sampler: EstimateSampler(estimate, distribution: distribution), plannedRemaining: nil))
            }
        }
        self.draws = draws
    }

    /// Overwrites the varied entries of `durations` / `remaining` with fresh draws, in file order.
    func draw(durations: inout [Int], remaining: inout [Int], generator: inout Xoshiro256StarStar) {
        for draw in draws {
            let value = draw.sampler.sample(&generator)
            if let planned = draw.plannedRemaining {
                let mostLikely = draw.sampler.mostLikely
                remaining[draw.task] = mostLikely > 0
                    ? Int((Double(planned) * value / mostLikely).rounded())
                    : planned + Int(value.rounded())
            } else {
                durations[draw.task] = Int(value.rounded())
            }
        }
    }
}
