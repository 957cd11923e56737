import Schedule
import Testing
import TransitionSupport

@Suite struct ConstraintTests {
    @Test("a finish-no-later-than deadline caps the late finish at the end of its day and gives negative float")
    func deadlineGivesNegativeFloat() throws {
        // A (5) -> B (5): B is 5-10 but must finish by Wednesday 29 June (end of point 7 = 8).
        let input = ScheduleInput(
            tasks: [task("A", 5), task("B", 5, after: [fs("A")], fnlt: "2022-06-29")], calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect((result["B"].ls, result["B"].lf) == (3, 8))
        #expect(result["B"].totalFloat == -2)
        #expect(result["A"].lf == 3)
        #expect(result["A"].totalFloat == -2)
        #expect(result.criticalPath == ["A", "B"])
        #expect(result["B"].lateFinishDate == day("2022-06-29"))
    }

    @Test("a deadline on a non-working day means the end of the previous working day")
    func weekendDeadline() throws {
        // B makes the open-end date 8; A's Sunday deadline is the end of Friday 24 June (point 5).
        let input = ScheduleInput(tasks: [task("A", 3, fnlt: "2022-06-26"), task("B", 8)], calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["A"].lf == 5)
        #expect(result["A"].totalFloat == 2)
    }

    @Test("a milestone's deadline is the end of its day too (clarification 3)")
    func milestoneDeadline() throws {
        let input = ScheduleInput(
            tasks: [task("A", 5), task("M", milestone: true, after: [fs("A")], fnlt: "2022-06-27")],
            calendar: june2022, statutoryDate: day("2022-07-15"))
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["M"].es == 5)
        #expect(result["M"].lf == 6)
        #expect(result["M"].totalFloat == 1)
        #expect(result["M"].finishDate == day("2022-06-27"))
    }

    @Test("start-no-earlier-than holds a task back; a weekend date moves to Monday", arguments: [
        ("2022-06-25", 5), ("2022-06-22", 3), ("2022-06-21", 3), ("2022-06-01", 3),
    ])
    func startNoEarlierThan(date: String, expectedStart: Int) throws {
        let input = ScheduleInput(
            tasks: [task("A", 3), task("B", 2, after: [fs("A")], snet: date)], calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["B"].es == expectedStart)
        #expect(result["B"].ef == expectedStart + 2)
    }

    @Test("weekends and a bank holiday inside a task stretch its dates, not its duration")
    func holidaysInsideTask() throws {
        let calendar = WorkingCalendar(start: day("2022-05-30"), holidays: bankHolidays2022)
        let input = ScheduleInput(
            tasks: [task("A", 5), task("B", 5, after: [fs("A")]), task("GO", milestone: true, after: [fs("B")])],
            calendar: calendar, statutoryDate: day("2022-06-20"), goLiveMilestone: "GO")
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result["A"].startDate == day("2022-05-30"))
        #expect(result["A"].finishDate == day("2022-06-07"))  // skips the Jubilee holidays and the weekend
        #expect(result["B"].startDate == day("2022-06-08"))
        #expect(result["B"].finishDate == day("2022-06-14"))
        #expect(result.forecastGoLive == day("2022-06-15"))
        // 20 June is point 13: Mon 30 May .. Fri 17 June has 13 working days.
        #expect(result.slipDays == 10 - 13)
    }
}
