@testable import Schedule
import Testing
import TransitionSupport

/// The flat-array scheduler against the straightforward one it replaced (`Reference/`), on random
/// networks: every field of every task, the critical path, forecast and slip, or the same error.
@Suite struct SchedulerEquivalenceTests {
    @Test("the scheduler equals the reference on random networks", arguments: 0 ..< 8)
    func equalsReference(batch: Int) {
        var networks = RandomNetworks(seed: 0x5C4E_D000 + UInt64(batch))
        var scheduled = 0
        for _ in 0 ..< 250 {
            let input = networks.input(errors: true)
            let expected = Result { () throws(ScheduleError) in try ReferenceScheduler.schedule(input) }
            let actual = Result { () throws(ScheduleError) in try CriticalPathScheduler.schedule(input) }
            #expect(actual == expected, "\(Self.difference(actual, expected))")
            if case .success(let result) = actual {
                scheduled += 1
                let compiled = Result { () throws(ScheduleError) in try CompiledSchedule(input) }
                #expect((try? compiled.get().schedule()) == result)
            }
        }
        #expect(scheduled > 150, "most random inputs are valid")
    }

    @Test("large networks in file order and shuffled agree with the reference")
    func largeNetworks() throws {
        var networks = RandomNetworks(seed: 99)
        for _ in 0 ..< 6 {
            let input = networks.input(maximumTasks: 3_000)
            let actual = try CriticalPathScheduler.schedule(input)
            let expected = try ReferenceScheduler.schedule(input)
            #expect(actual == expected, "\(Self.difference(.success(actual), .success(expected)))")
        }
    }

    @Test("passes alone summarise the full schedule")
    func passSummary() throws {
        var networks = RandomNetworks(seed: 7)
        for _ in 0 ..< 300 {
            let input = networks.input()
            let compiled = try CompiledSchedule(input)
            let result = compiled.schedule()
            let summary = compiled.runPasses()
            #expect(summary.projectFinish == (result.tasks.map(\.earlyFinish).max() ?? 0))
            let critical = result.tasks.filter { task in
                !task.isFinished && task.lateFinish - task.earlyFinish <= input.criticalThreshold
            }
            #expect(summary.criticalCount == critical.count)
            #expect(summary.goLiveStart == input.goLiveMilestone.flatMap { result.task($0)?.earlyStart })
            #expect(compiled.taskCount == input.tasks.count)
            #expect(compiled.linkCount == input.tasks.reduce(0) { $0 + $1.predecessors.count })
        }
    }

    @Test("a Monte Carlo run schedules the drawn durations exactly as the reference does")
    func monteCarloRunsMatchReference() throws {
        var networks = RandomNetworks(seed: 2_026)
        var checked = 0
        while checked < 200 {
            var input = networks.input()
            guard let goLive = input.goLiveMilestone else { continue }
            if input.statutoryDate == nil { input.statutoryDate = input.calendar.start.adding(days: 60) }
            guard let network = try? ScheduleNetwork(input) else { continue }
            let plan = SamplingPlan(input: input, network: network, distribution: checked % 2 == 0 ? .pert : .triangular)
            var generator = Xoshiro256StarStar(seed: UInt64(checked))
            let workspace = PassWorkspace(network: network)
            for _ in 0 ..< 3 {
                plan.draw(into: workspace.work, generator: &generator)
                network.forwardPass(workspace)
                let counts = UnsafeMutablePointer<Int>.allocate(capacity: network.count)
                counts.initialize(repeating: 0, count: network.count)
                defer { counts.deallocate() }
                var tally = CriticalRuns(counts: counts)
                network.backwardPass(workspace, threshold: input.criticalThreshold, tally: &tally)

                let drawn = Self.input(input, withDrawnWorkFrom: workspace, network: network)
                let reference = try ReferenceScheduler.schedule(drawn)
                #expect(workspace.earlyStart(network.rank[try #require(network.index.position(of: goLive))])
                    == reference[goLive].earlyStart)
                for (position, task) in reference.tasks.enumerated() {
                    let rank = network.rank[position]
                    #expect(workspace.earlyStart(rank) == task.earlyStart)
                    #expect(workspace.earlyFinish(rank) == task.earlyFinish)
                    if !task.isFinished { #expect(workspace.lateFinish(rank) == task.lateFinish) }
                    #expect(counts[rank] == (task.isCritical ? 1 : 0), "\(task.id)")
                }
            }
            checked += 1
        }
    }

    /// The first thing that differs between two outcomes, briefly.
    static func difference(_ actual: Result<ScheduleResult, ScheduleError>, _ expected: Result<ScheduleResult, ScheduleError>) -> String {
        guard case .success(let got) = actual, case .success(let want) = expected else {
            return "got \(actual.map { _ in "a schedule" }), expected \(expected.map { _ in "a schedule" })"
        }
        for (mine, theirs) in zip(got.tasks, want.tasks) where mine != theirs {
            return "task \(mine.id): got \(mine), expected \(theirs)"
        }
        return "critical path \(got.criticalPath) vs \(want.criticalPath), forecast \(String(describing: got.forecastGoLive)) vs "
            + "\(String(describing: want.forecastGoLive)), slip \(String(describing: got.slipDays)) vs \(String(describing: want.slipDays))"
    }

    /// `input` with each task's work replaced by what the last draw left in `workspace`: the
    /// duration of a task not started, the remaining of a started one.
    static func input(_ input: ScheduleInput, withDrawnWorkFrom workspace: PassWorkspace, network: ScheduleNetwork) -> ScheduleInput {
        var drawn = input
        for (position, task) in input.tasks.enumerated() {
            let rank = network.rank[position]
            switch network.state[rank] {
            case .notStarted: drawn.tasks[position].duration = workspace.work[rank]
            case .started: drawn.progress[task.id]?.remaining = workspace.work[rank]
            case .finished: break
            }
        }
        return drawn
    }
}
