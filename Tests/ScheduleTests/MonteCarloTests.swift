@testable import Schedule
import Testing
import TransitionSupport

@Suite struct MonteCarloTests {
    /// Two parallel chains with wide estimates feeding go-live.
    static let uncertain: ScheduleInput = {
        var tasks: [ScheduleTask] = []
        for chain in ["X", "Y"] {
            for step in 1...6 {
                let predecessors = step == 1 ? [] : [fs("\(chain)\(step - 1)")]
                tasks.append(task(
                    "\(chain)\(step)", 5, after: predecessors,
                    estimate: ThreePointEstimate(optimistic: 3, mostLikely: 5, pessimistic: 12)))
            }
        }
        tasks.append(task("GO", milestone: true, after: [fs("X6"), fs("Y6")]))
        return ScheduleInput(tasks: tasks, calendar: june2022, statutoryDate: day("2022-08-01"), goLiveMilestone: "GO")
    }()

    @Test("the same seed gives an identical analysis", arguments: EstimateDistribution.allCases)
    func reproducible(distribution: EstimateDistribution) throws {
        let first = try MonteCarlo.analyse(Self.uncertain, iterations: 2_000, seed: 42, distribution: distribution)
        let second = try MonteCarlo.analyse(Self.uncertain, iterations: 2_000, seed: 42, distribution: distribution)
        #expect(first == second)
        #expect(first.iterations == 2_000 && first.seed == 42 && first.distribution == distribution)
        #expect(first.p50 <= first.p80 && first.p80 <= first.p95)
    }

    @Test("analysing a compiled network equals analysing its input", arguments: EstimateDistribution.allCases)
    func compiledNetwork(distribution: EstimateDistribution) throws {
        let compiled = try CompiledSchedule(Self.uncertain)
        #expect(try MonteCarlo.analyse(compiled, iterations: 777, seed: 9, distribution: distribution)
            == MonteCarlo.analyse(Self.uncertain, iterations: 777, seed: 9, distribution: distribution))
        #expect(throws: ScheduleError.invalidIterationCount(0)) { try MonteCarlo.analyse(compiled, iterations: 0, seed: 9) }
        var noDate = Self.uncertain
        noDate.statutoryDate = nil
        #expect(throws: ScheduleError.missingStatutoryDate) {
            try MonteCarlo.analyse(CompiledSchedule(noDate), iterations: 10, seed: 9)
        }
    }

    @Test("the result does not depend on how the chunks are run", arguments: EstimateDistribution.allCases)
    func independentOfThreads(distribution: EstimateDistribution) throws {
        var networks = RandomNetworks(seed: 31)
        var compared = 0
        while compared < 12 {
            var input = networks.input(maximumTasks: 60)
            guard input.goLiveMilestone != nil else { continue }
            if input.statutoryDate == nil { input.statutoryDate = input.calendar.start.adding(days: 90) }
            let iterations = [1, 7, 32, 33, 500][compared % 5]
            let concurrent = try MonteCarlo.analyse(input, iterations: iterations, seed: 77, distribution: distribution)
            for execution in [MonteCarlo.ChunkExecution.serial, .reversed] {
                #expect(try MonteCarlo.analyse(
                    input, iterations: iterations, seed: 77, distribution: distribution, execution: execution) == concurrent)
            }
            compared += 1
        }
    }

    @Test("a large estimate range is drawn continuously and stays in range")
    func continuousFallback() throws {
        let input = ScheduleInput(
            tasks: [
                task("A", 10, estimate: ThreePointEstimate(optimistic: 0, mostLikely: 10, pessimistic: 300_000)),
                task("GO", milestone: true, after: [fs("A")]),
            ],
            calendar: june2022, statutoryDate: day("2022-08-01"), goLiveMilestone: "GO")
        let analysis = try MonteCarlo.analyse(input, iterations: 200, seed: 4)
        #expect(analysis.p50 > june2022.date(ofWorkingDay: 1_000))
        #expect(analysis.p95 <= june2022.date(ofWorkingDay: 300_000))
        #expect(try MonteCarlo.analyse(input, iterations: 200, seed: 4, distribution: .pert, execution: .serial) == analysis)
    }

    @Test("different seeds give different samples")
    func seedsDiffer() throws {
        let first = try MonteCarlo.analyse(Self.uncertain, iterations: 500, seed: 1)
        let second = try MonteCarlo.analyse(Self.uncertain, iterations: 500, seed: 2)
        #expect(first.meanSlipDays != second.meanSlipDays || first.criticalityIndex != second.criticalityIndex)
    }

    @Test("criticality indices are shares in [0, 1]; go-live is critical whenever it is late")
    func criticalityRange() throws {
        let analysis = try MonteCarlo.analyse(Self.uncertain, iterations: 1_000, seed: 7, distribution: .triangular)
        #expect(analysis.criticalityIndex.count == Self.uncertain.tasks.count)
        #expect(analysis.criticalityIndex.values.allSatisfy { (0...1).contains($0) })
        #expect((0...1).contains(analysis.probabilityOnTime))
        let go = try #require(analysis.criticalityIndex["GO"])
        #expect(abs(go - (1 - analysis.probabilityOnTime)) < 1e-9 || go >= 1 - analysis.probabilityOnTime)
        // Each chain's tasks share one fate.
        #expect(analysis.criticalityIndex["X1"] == analysis.criticalityIndex["X6"])
    }

    @Test("without estimates every run is the deterministic schedule", arguments: [
        ("2022-07-01", 1.0, -4.0, 0.0), ("2022-06-24", 0.0, 1.0, 1.0),
    ])
    func degenerate(statutory: String, onTime: Double, slip: Double, criticality: Double) throws {
        var input = workedExample()
        input.statutoryDate = day(statutory)
        let analysis = try MonteCarlo.analyse(input, iterations: 37, seed: 9)
        let forecast = try #require(try CriticalPathScheduler.schedule(input).forecastGoLive)
        #expect([analysis.p50, analysis.p80, analysis.p95] == [forecast, forecast, forecast])
        #expect(analysis.probabilityOnTime == onTime)
        #expect(analysis.meanSlipDays == slip)
        #expect(analysis.criticalityIndex == ["A": criticality, "B": criticality, "GO": criticality])
    }

    @Test("a point estimate replaces the duration; progress keeps actuals and scales the remaining work")
    func pointEstimatesAndProgress() throws {
        let estimate = ThreePointEstimate(optimistic: 8, mostLikely: 8, pessimistic: 8)
        let input = ScheduleInput(
            tasks: [
                task("A", 3, estimate: estimate), task("B", 4, after: [fs("A")], estimate: estimate),
                task("C", 2, after: [fs("B")], estimate: ThreePointEstimate(optimistic: 4, mostLikely: 4, pessimistic: 4)),
                task("GO", milestone: true, after: [fs("C")]),
            ],
            calendar: june2022, statutoryDate: day("2022-08-01"), goLiveMilestone: "GO", dataDate: day("2022-06-27"),
            progress: [
                "A": TaskProgress(actualStart: day("2022-06-20"), actualFinish: day("2022-06-22")),
                "B": TaskProgress(actualStart: day("2022-06-23"), remaining: 3),
            ])
        let analysis = try MonteCarlo.analyse(input, iterations: 10, seed: 3)
        // A finished (kept); B's remaining 3 scaled by 8/8 resumes at the data date 5 -> 8; C takes 4 -> GO at 12.
        #expect(analysis.p50 == june2022.date(ofWorkingDay: 12))
        #expect(analysis.p95 == analysis.p50)
        #expect(analysis.criticalityIndex["A"] == 0)
    }

    @Test("iteration counts that do not divide into chunks are all used", arguments: [1, 31, 33, 1_001])
    func oddIterationCounts(iterations: Int) throws {
        let analysis = try MonteCarlo.analyse(Self.uncertain, iterations: iterations, seed: 5)
        let onTimeRuns = analysis.probabilityOnTime * Double(iterations)
        #expect(abs(onTimeRuns - onTimeRuns.rounded()) < 1e-6)
        #expect(analysis.iterations == iterations)
    }

    /// Means: PERT (2 + 4 * 5 + 14) / 6 = 6; triangular (2 + 5 + 14) / 3 = 7.
    @Test("samples stay within the estimate and have the documented means", arguments: [
        (EstimateDistribution.pert, 6.0), (EstimateDistribution.triangular, 7.0),
    ])
    func samplerMoments(distribution: EstimateDistribution, mean: Double) {
        let sampler = EstimateSampler(ThreePointEstimate(optimistic: 2, mostLikely: 5, pessimistic: 14), distribution: distribution)
        var generator = Xoshiro256StarStar(seed: 11)
        var total = 0.0
        let draws = 200_000
        for _ in 0..<draws {
            let value = sampler.sample(&generator)
            #expect((2...14).contains(value))
            total += value
        }
        #expect(abs(total / Double(draws) - mean) < 0.05)
    }

    @Test("xoshiro256** is reproducible and spreads over the unit interval")
    func generator() {
        var first = Xoshiro256StarStar(seed: 0)
        var second = Xoshiro256StarStar(seed: 0)
        let a = (0..<8).map { _ in first.next() }
        #expect(a == (0..<8).map { _ in second.next() })
        #expect(Set(a).count == 8)
        var unit = Xoshiro256StarStar(seed: 99)
        let values = (0..<10_000).map { _ in unit.nextUnitInterval() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(values.reduce(0, +) / 10_000 - 0.5) < 0.02)
    }
}
