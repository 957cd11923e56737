import Schedule
import Testing
import TransitionSupport

/// A crafted network with known offenders:
/// START -> A (10) -> B (50) -> GO; A -SS+2-> C (5, no successor); A -FS-1-> D (5, deadline Tue 5 July)
/// -> GO; E (3, no predecessor, started after the data date) -> GO. Statutory date = point 60.
@Suite struct QualityTests {
    static let crafted = ScheduleInput(
        tasks: [
            task("START", milestone: true), task("A", 10, after: [fs("START")]), task("B", 50, after: [fs("A")]),
            task("C", 5, after: [ss("A", 2)]), task("D", 5, after: [fs("A", -1)], fnlt: "2022-07-05"), task("E", 3),
            task("GO", milestone: true, after: [fs("B"), fs("D"), fs("E")]),
        ],
        calendar: june2022, statutoryDate: day("2022-09-12"), goLiveMilestone: "GO", dataDate: day("2022-06-20"),
        progress: ["E": TaskProgress(actualStart: day("2022-06-21"))])

    struct Expected: Sendable, CustomTestStringConvertible {
        let id: String, count: Int, total: Int, passed: Bool, tasks: [String]
        var testDescription: String { id }
    }

    @Test("the schedule behind the crafted network")
    func craftedSchedule() throws {
        let result = try CriticalPathScheduler.schedule(Self.crafted)
        #expect(result.criticalPath == ["START", "A", "B", "D", "GO"])
        #expect(result.tasks.map(\.totalFloat) == [-2, -2, 0, 53, -2, 56, 0])
    }

    @Test("counts offenders against DCMA-style thresholds", arguments: [
        Expected(id: "missing-logic", count: 2, total: 7, passed: false, tasks: ["C", "E"]),
        Expected(id: "leads", count: 1, total: 7, passed: false, tasks: ["D"]),
        Expected(id: "lags", count: 1, total: 7, passed: false, tasks: ["C"]),
        Expected(id: "relationship-types", count: 1, total: 7, passed: false, tasks: ["C"]),
        Expected(id: "hard-constraints", count: 1, total: 7, passed: false, tasks: ["D"]),
        Expected(id: "high-float", count: 2, total: 7, passed: false, tasks: ["C", "E"]),
        Expected(id: "negative-float", count: 3, total: 7, passed: false, tasks: ["START", "A", "D"]),
        Expected(id: "high-duration", count: 1, total: 5, passed: false, tasks: ["B"]),
        Expected(id: "invalid-dates", count: 1, total: 7, passed: false, tasks: ["E"]),
        Expected(id: "critical-path-test", count: 0, total: 1, passed: true, tasks: ["A"]),
        Expected(id: "baseline-execution-index", count: 0, total: 0, passed: true, tasks: []),
    ])
    func craftedChecks(_ expected: Expected) throws {
        let result = try CriticalPathScheduler.schedule(Self.crafted)
        let checks = ScheduleQuality.assess(Self.crafted, result: result, baseline: nil)
        #expect(checks.count == 11)
        let check = try #require(checks.first { $0.id == expected.id })
        #expect(check.count == expected.count)
        #expect(check.total == expected.total)
        #expect(check.passed == expected.passed)
        #expect(check.tasks == expected.tasks)
        #expect(!check.threshold.isEmpty && !check.title.isEmpty)
    }

    @Test("the worked example passes every check; the critical path test falls back to the least float")
    func cleanNetworkPasses() throws {
        let input = workedExample()
        let result = try CriticalPathScheduler.schedule(input)
        let checks = ScheduleQuality.assess(input, result: result, baseline: nil)
        let failed = checks.filter { !$0.passed }.map(\.id)
        #expect(failed.isEmpty)
        #expect(checks.first { $0.id == "critical-path-test" }?.tasks == ["A"])
    }

    @Test("the critical path test fails when a delay is absorbed before go-live")
    func brokenCriticalPath() throws {
        // A is critical only through its own deadline; go-live is driven by nothing it feeds.
        let input = ScheduleInput(
            tasks: [task("A", 5, fnlt: "2022-06-22"), task("B", 3), task("GO", milestone: true, after: [fs("B")])],
            calendar: june2022, statutoryDate: day("2022-07-01"), goLiveMilestone: "GO")
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result.criticalPath == ["A"])
        let check = try #require(ScheduleQuality.assess(input, result: result, baseline: nil).first { $0.id == "critical-path-test" })
        #expect(!check.passed)
        #expect(check.count == 1)
        #expect(check.tasks == ["A"])
    }

    @Test("baseline execution index: finished tasks over tasks baselined to finish by the data date", arguments: [
        (["START", "A", "E"], 3, false, ["C"]), (["START", "A", "C", "E"], 4, true, [String]()),
    ])
    func baselineExecutionIndex(finished: [String], count: Int, passed: Bool, missed: [String]) throws {
        var plan = Self.crafted
        plan.progress = [:]
        plan.dataDate = nil
        let baseline = try CriticalPathScheduler.schedule(plan)
        var current = plan
        current.dataDate = day("2022-07-04")  // point 10: START, E, C and A were due
        for id in finished {
            current.progress[id] = TaskProgress(actualStart: day("2022-06-20"), actualFinish: day("2022-07-01"))
        }
        let result = try CriticalPathScheduler.schedule(current)
        let check = try #require(
            ScheduleQuality.assess(current, result: result, baseline: baseline).first { $0.id == "baseline-execution-index" })
        #expect(check.count == count)
        #expect(check.total == 4)
        #expect(check.passed == passed)
        #expect(check.tasks == missed)
    }
}
