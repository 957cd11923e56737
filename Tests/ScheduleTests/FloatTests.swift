import Schedule
import Testing
import TransitionSupport

@Suite struct FloatTests {
    @Test("only open ends are closed by the statutory date (clarification 2)")
    func openEnds() throws {
        // B hangs on A's start only, so A is not an open end and may finish after the statutory point.
        let input = ScheduleInput(
            tasks: [task("A", 5), task("B", 2, after: [ss("A")])], calendar: june2022,
            statutoryDate: day("2022-06-28"))  // point 6
        let result = try CriticalPathScheduler.schedule(input)
        #expect((result["B"].ls, result["B"].lf) == (4, 6))
        #expect(result["A"].lf == 9)
        #expect(result["A"].totalFloat == 4)
        #expect(result["A"].freeFloat == 0)
    }

    @Test("without a statutory date open ends finish at the largest early finish")
    func openEndsWithoutStatutoryDate() throws {
        let input = ScheduleInput(tasks: [task("A", 5), task("B", 2)], calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["B"].lf == 5)
        #expect(result["B"].totalFloat == 3)
        #expect(result["B"].freeFloat == 3)
        #expect(result.criticalPath == ["A"])
    }

    @Test("an open end's free float is LF - EF and may be negative (clarification 11)")
    func negativeFreeFloat() throws {
        let input = ScheduleInput(
            tasks: [task("A", 8), task("B", 2)], calendar: june2022, statutoryDate: day("2022-06-24"))  // point 4
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["A"].freeFloat == -4)
        #expect(result["A"].totalFloat == -4)
        #expect(result["B"].freeFloat == 2)
        #expect(result["B"].isNearCritical)
    }

    @Test("free float is not capped by total float")
    func freeFloatAboveTotalFloat() throws {
        // B has a deadline that leaves it negative float, but A's slack to B's early start is 2.
        let input = ScheduleInput(
            tasks: [task("A", 1), task("C", 3), task("B", 2, after: [fs("A"), fs("C")], fnlt: "2022-06-22")],
            calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["A"].freeFloat == 2)
        #expect(result["A"].totalFloat == 0)
        #expect(result["C"].totalFloat == -2)
    }

    @Test("critical at or below the threshold, near-critical above it up to N", arguments: [
        (0, 0, true, false), (1, 0, false, true), (10, 0, false, true), (11, 0, false, false),
        (2, 2, true, false), (3, 2, false, true), (-3, 0, true, false),
    ])
    func criticality(totalFloat: Int, threshold: Int, critical: Bool, nearCritical: Bool) throws {
        // A (20) drives the open-end date; B (20 - totalFloat) has that much float.
        let input = ScheduleInput(
            tasks: [task("A", 20), task("B", 20 - totalFloat)], calendar: june2022, statutoryDate: day("2022-07-18"),
            criticalThreshold: threshold)
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["A"].totalFloat == 0)
        #expect(result["B"].totalFloat == totalFloat)
        #expect(result["B"].isCritical == critical)
        #expect(result["B"].isNearCritical == nearCritical)
    }

    @Test("the critical path lists critical tasks in forward-pass order, ties broken by file order")
    func criticalPathOrder() throws {
        // File order P, R, Q; P waits for Q. Ready at first: R and Q -> R (earlier in the file), Q, then P.
        let input = ScheduleInput(
            tasks: [task("P", 2, after: [fs("Q")]), task("R", 5), task("Q", 3)], calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result.criticalPath == ["R", "Q", "P"])
        #expect(result.tasks.map(\.id) == ["P", "R", "Q"])
    }

    @Test("a zero-duration task that is not a milestone shows one date")
    func zeroDurationTask() throws {
        let input = ScheduleInput(tasks: [task("A", 2), task("B", 0, after: [fs("A")])], calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect((result["B"].es, result["B"].ef) == (2, 2))
        #expect(result["B"].startDate == day("2022-06-22"))
        #expect(result["B"].finishDate == day("2022-06-22"))
    }
}
