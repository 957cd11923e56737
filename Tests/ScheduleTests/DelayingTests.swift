import Schedule
import Testing
import TransitionSupport

@Suite struct DelayingTests {
    let base = ScheduleInput(
        tasks: [
            task("K", milestone: true), task("A", 5, after: [fs("K")]), task("B", 5), task("C", 5), task("D", 5),
            task("GO", milestone: true, after: [fs("A"), fs("B"), fs("C"), fs("D")]),
        ],
        calendar: june2022, statutoryDate: day("2022-07-15"), goLiveMilestone: "GO", dataDate: day("2022-06-22"),
        progress: [
            "B": TaskProgress(actualStart: day("2022-06-20"), remaining: 4),
            "C": TaskProgress(actualStart: day("2022-06-20")),
            "D": TaskProgress(actualStart: day("2022-06-20"), actualFinish: day("2022-06-21")),
        ])

    @Test("adds days to the duration, or to the remaining work of a started task")
    func delays() throws {
        let delayed = try base.delaying(["A": 3, "B": 2, "C": 1, "D": 9])
        #expect(delayed.tasks[1].duration == 8)
        #expect(delayed.progress["B"]?.remaining == 6)
        #expect(delayed.progress["C"]?.remaining == 4)  // default remaining 5 - 2 elapsed = 3, plus 1
        #expect(delayed.progress["D"] == base.progress["D"])
        #expect(delayed.tasks[4].duration == 5)
        let result = try CriticalPathScheduler.schedule(delayed)
        #expect(result["A"].ef == 10)
        #expect(result["B"].ef == 8)
        #expect(result["C"].ef == 6)
    }

    @Test("a milestone becomes a task of that many days")
    func milestone() throws {
        let delayed = try base.delaying(["K": 4])
        #expect(!delayed.tasks[0].isMilestone)
        #expect(delayed.tasks[0].duration == 4)
        let result = try CriticalPathScheduler.schedule(delayed)
        #expect((result["K"].es, result["K"].ef) == (2, 6))  // not started: from the data date
        #expect(result["A"].es == 6)
    }

    @Test("an unknown id is refused")
    func unknownID() {
        #expect(throws: ScheduleError.unknownDelayedTask("NOPE")) { try base.delaying(["A": 1, "NOPE": 2]) }
    }
}
