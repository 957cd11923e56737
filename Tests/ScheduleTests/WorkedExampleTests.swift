import Schedule
import Testing
import TransitionSupport

@Suite struct WorkedExampleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let id: String, es: Int, ef: Int, ls: Int, lf: Int, totalFloat: Int, start: String, finish: String
        var testDescription: String { id }
    }

    @Test("matches the worked example of the contract", arguments: [
        Row(id: "A", es: 0, ef: 3, ls: 4, lf: 7, totalFloat: 4, start: "2022-06-20", finish: "2022-06-22"),
        Row(id: "B", es: 3, ef: 5, ls: 7, lf: 9, totalFloat: 4, start: "2022-06-23", finish: "2022-06-24"),
        Row(id: "GO", es: 5, ef: 5, ls: 9, lf: 9, totalFloat: 4, start: "2022-06-27", finish: "2022-06-27"),
    ])
    func row(_ row: Row) throws {
        let result = try CriticalPathScheduler.schedule(workedExample())
        let task = try #require(result.task(row.id))
        #expect([task.es, task.ef, task.ls, task.lf] == [row.es, row.ef, row.ls, row.lf])
        #expect(task.totalFloat == row.totalFloat)
        #expect(task.startDate == day(row.start))
        #expect(task.finishDate == day(row.finish))
        #expect(!task.isCritical)
        #expect(task.isNearCritical)
    }

    @Test("forecasts 27 June, four working days early")
    func forecast() throws {
        let result = try CriticalPathScheduler.schedule(workedExample())
        #expect(result.forecastGoLive == day("2022-06-27"))
        #expect(result.slipDays == -4)
        #expect(result.criticalPath.isEmpty)
        #expect(result.tasks.map(\.id) == ["A", "B", "GO"])
        #expect(result["A"].freeFloat == 0)
        #expect(result["B"].freeFloat == 0)
        #expect(result["GO"].freeFloat == 4)
        #expect(result["A"].lateStartDate == day("2022-06-24"))
        #expect(result["A"].lateFinishDate == day("2022-06-28"))
        #expect(result["GO"].lateStartDate == day("2022-07-01"))
        #expect(result["GO"].lateFinishDate == day("2022-07-01"))
    }

    @Test("a statutory date five days earlier makes the chain critical and late by one day")
    func lateProgramme() throws {
        var input = workedExample()
        input.statutoryDate = day("2022-06-24")  // point 4
        let result = try CriticalPathScheduler.schedule(input)
        #expect(result.slipDays == 1)
        #expect(result.criticalPath == ["A", "B", "GO"])
        #expect(result.tasks.map(\.totalFloat) == [-1, -1, -1])
    }
}
