import Schedule
import Testing
import TransitionSupport

/// A (5) -> B (5) -> C (3) -> GO, starting Monday 2022-06-20; statutory Friday 2022-07-15
/// (point 19); data date Monday 2022-06-27 (point 5).
@Suite struct ProgressTests {
    func input(_ progress: [String: TaskProgress], tasks: [ScheduleTask]? = nil) -> ScheduleInput {
        let tasks = tasks ?? [
            task("A", 5), task("B", 5, after: [fs("A")]), task("C", 3, after: [fs("B")]),
            task("GO", milestone: true, after: [fs("C")]),
        ]
        return ScheduleInput(
            tasks: tasks, calendar: june2022, statutoryDate: day("2022-07-15"),
            goLiveMilestone: tasks.contains { $0.id == "GO" } ? "GO" : nil,
            dataDate: day("2022-06-27"), progress: progress)
    }

    @Test("a finished task keeps its actuals, has no float and is never critical (clarifications 4 and 7)")
    func finishedTask() throws {
        let result = try CriticalPathScheduler.schedule(
            input(["A": TaskProgress(actualStart: day("2022-06-20"), actualFinish: day("2022-06-23"))]))
        let a = result["A"]
        #expect((a.es, a.ef, a.ls, a.lf) == (0, 4, 0, 4))
        #expect(a.totalFloat == nil)
        #expect(a.freeFloat == nil)
        #expect(a.isFinished && a.isStarted && !a.isCritical && !a.isNearCritical)
        #expect(a.startDate == day("2022-06-20"))
        #expect(a.finishDate == day("2022-06-23"))
        #expect(a.lateFinishDate == day("2022-06-23"))
        // B cannot start before the data date even though A finished earlier.
        #expect((result["B"].es, result["B"].ef) == (5, 10))
        #expect((result["B"].ls, result["B"].lf) == (11, 16))
        #expect(result.forecastGoLive == day("2022-07-07"))
        #expect(result.slipDays == -6)
    }

    @Test("a finished task late in the plan still drives its successors")
    func lateFinishDrivesSuccessors() throws {
        let result = try CriticalPathScheduler.schedule(
            input(["A": TaskProgress(actualStart: day("2022-06-20"), actualFinish: day("2022-06-28"))]))
        #expect(result["A"].ef == 7)
        #expect(result["B"].es == 7)
    }

    @Test("a started task with a recorded remaining resumes at the data date (clarification 5 and 9)")
    func startedWithRemaining() throws {
        let result = try CriticalPathScheduler.schedule(
            input(["A": TaskProgress(actualStart: day("2022-06-21"), remaining: 2)]))
        let a = result["A"]
        #expect((a.es, a.ef) == (1, 7))
        #expect(a.remaining == 2)
        #expect(a.lf == 11)
        #expect(a.totalFloat == 4)
        #expect(a.ls == 5)  // LF - (EF - ES)
        #expect(a.isStarted && !a.isFinished)
        #expect(a.startDate == day("2022-06-21"))
        #expect(a.finishDate == day("2022-06-28"))
        #expect((result["B"].es, result["B"].ef) == (7, 12))
    }

    @Test("default remaining is max(1, d - elapsed) (clarification 6)", arguments: [
        ("2022-06-21", 1), ("2022-06-22", 2), ("2022-06-27", 5), ("2022-06-29", 5), ("2022-06-13", 1),
    ])
    func defaultRemaining(actualStart: String, remaining: Int) throws {
        let result = try CriticalPathScheduler.schedule(input(["A": TaskProgress(actualStart: day(actualStart))]))
        let a = result["A"]
        #expect(a.remaining == remaining)
        #expect(a.es == june2022.startPoint(of: day(actualStart)))
        #expect(a.ef == max(5, a.es) + remaining)
    }

    @Test("a task not started cannot start before the data date")
    func notStartedPushedToDataDate() throws {
        let result = try CriticalPathScheduler.schedule(input([:]))
        #expect((result["A"].es, result["A"].ef) == (5, 10))
        #expect(result["A"].startDate == day("2022-06-27"))
        #expect(result.forecastGoLive == day("2022-07-14"))
        #expect(result.slipDays == -1)
        #expect(result.tasks.map(\.totalFloat) == [1, 1, 1, 1])
    }

    @Test("out-of-sequence progress keeps the logic: the started successor resumes after its predecessor (clarifications 5 and 8)")
    func outOfSequence() throws {
        let result = try CriticalPathScheduler.schedule(input(["B": TaskProgress(actualStart: day("2022-06-22"))]))
        let a = result["A"]
        let b = result["B"]
        #expect((a.es, a.ef) == (5, 10))
        #expect(b.es == 2)
        #expect(b.remaining == 2)  // elapsed 3 of 5
        #expect(b.ef == 12)  // resumes when A finishes
        #expect((result["C"].es, result["GO"].es) == (12, 15))
        #expect(b.lf == 16)
        #expect(b.ls == 6)
        #expect(b.totalFloat == 4)
        // A is capped by B's late finish minus its remaining.
        #expect(a.lf == 14)
        #expect(a.totalFloat == 4)
        #expect(a.freeFloat == 0)
    }

    @Test("start-to-start links cap nothing on a started predecessor, which becomes an open end")
    func startedPredecessorWithStartLinks() throws {
        let tasks = [task("P", 10), task("Q", 3, after: [ss("P", 2)]), task("GO", milestone: true, after: [fs("Q")])]
        let result = try CriticalPathScheduler.schedule(input(["P": TaskProgress(actualStart: day("2022-06-20"))], tasks: tasks))
        #expect(result["P"].ef == 10)  // remaining 5 from the data date
        #expect(result["P"].lf == 19)  // open end: the statutory point
        #expect((result["Q"].es, result["Q"].ef) == (5, 8))
    }

    @Test("a link into a finished successor caps nothing")
    func linkIntoFinishedSuccessor() throws {
        let tasks = [task("P", 3), task("Q", 2, after: [fs("P")])]
        let result = try CriticalPathScheduler.schedule(
            input(["Q": TaskProgress(actualStart: day("2022-06-20"), actualFinish: day("2022-06-21"))], tasks: tasks))
        #expect((result["P"].es, result["P"].ef) == (5, 8))
        #expect(result["P"].lf == 19)
        #expect(result["P"].freeFloat == 11)
        #expect((result["Q"].es, result["Q"].ef, result["Q"].lf) == (0, 2, 2))
    }

    @Test("finish-to-finish bounds still apply to a started task's finish")
    func finishBoundOnStartedTask() throws {
        let tasks = [task("P", 10), task("Q", 4, after: [ff("P")])]
        let result = try CriticalPathScheduler.schedule(
            input(["Q": TaskProgress(actualStart: day("2022-06-21"), remaining: 1)], tasks: tasks))
        #expect((result["Q"].es, result["Q"].ef) == (1, 15))
        #expect(result["P"].lf == 19)
        #expect(result["Q"].lf == 19)
    }

    @Test("a started task ignores its start-no-earlier-than constraint")
    func startedIgnoresConstraint() throws {
        let tasks = [task("A", 5, snet: "2022-07-04")]
        let result = try CriticalPathScheduler.schedule(input(["A": TaskProgress(actualStart: day("2022-06-21"))], tasks: tasks))
        #expect((result["A"].es, result["A"].ef) == (1, 6))
    }

    @Test("a milestone with any actual date is finished at the start of that day", arguments: [
        TaskProgress(actualStart: day("2022-06-21")), TaskProgress(actualFinish: day("2022-06-21")),
        TaskProgress(actualStart: day("2022-06-21"), actualFinish: day("2022-06-21")),
    ])
    func achievedMilestone(progress: TaskProgress) throws {
        let tasks = [task("K", milestone: true), task("A", 3, after: [fs("K")])]
        let result = try CriticalPathScheduler.schedule(input(["K": progress], tasks: tasks))
        let k = result["K"]
        #expect((k.es, k.ef, k.ls, k.lf) == (1, 1, 1, 1))
        #expect(k.isFinished && k.totalFloat == nil && k.freeFloat == nil && !k.isCritical)
        #expect(k.startDate == day("2022-06-21") && k.finishDate == day("2022-06-21"))
        #expect(result["A"].es == 5)
    }

    @Test("a recorded remaining on a task not started is ignored (clarification 6)")
    func remainingOnUnstartedTaskIgnored() throws {
        let result = try CriticalPathScheduler.schedule(input(["A": TaskProgress(remaining: 1)]))
        #expect((result["A"].es, result["A"].ef) == (5, 10))
        #expect(result["A"].remaining == nil)
        #expect(!result["A"].isStarted)
    }
}
