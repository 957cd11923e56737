import Schedule
import Testing
import TransitionSupport

@Suite struct ErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: ScheduleInput
        let error: ScheduleError
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "cycle",
            input: ScheduleInput(
                tasks: [task("S", 1), task("A", 1, after: [fs("C"), fs("S")]), task("B", 1, after: [fs("A")]), task("C", 1, after: [ss("B")]), task("D", 1, after: [fs("C")])],
                calendar: june2022),
            error: .cycle(["A", "B", "C", "A"]),
            message: "dependency cycle: A -> B -> C -> A; remove one of these relations"),
        Case(
            name: "self link",
            input: ScheduleInput(tasks: [task("A", 1, after: [fs("A")])], calendar: june2022),
            error: .cycle(["A", "A"]), message: "dependency cycle: A -> A"),
        Case(
            name: "unknown predecessor",
            input: ScheduleInput(tasks: [task("A", 1, after: [fs("NOPE")])], calendar: june2022),
            error: .unknownTask(task: "A", predecessor: "NOPE"),
            message: "task 'A' depends on 'NOPE', which is not defined; add it or remove the relation"),
        Case(
            name: "duplicate id",
            input: ScheduleInput(tasks: [task("A", 1), task("B", 1), task("A", 2)], calendar: june2022),
            error: .duplicateTask("A"), message: "task id 'A' is defined more than once"),
        Case(
            name: "negative duration",
            input: ScheduleInput(tasks: [task("A", -1)], calendar: june2022),
            error: .negativeDuration(task: "A", duration: -1), message: "negative duration (-1)"),
        Case(
            name: "milestone with duration",
            input: ScheduleInput(tasks: [task("M", 3, milestone: true)], calendar: june2022),
            error: .milestoneWithDuration(task: "M", duration: 3), message: "milestone 'M' has a duration of 3"),
        Case(
            name: "invalid estimate",
            input: ScheduleInput(
                tasks: [task("A", 3, estimate: ThreePointEstimate(optimistic: 4, mostLikely: 3, pessimistic: 5))],
                calendar: june2022),
            error: .invalidEstimate(task: "A", estimate: ThreePointEstimate(optimistic: 4, mostLikely: 3, pessimistic: 5)),
            message: "0 <= optimistic <= most likely <= pessimistic"),
        Case(
            name: "progress without data date",
            input: ScheduleInput(
                tasks: [task("A", 3)], calendar: june2022, progress: ["A": TaskProgress(actualStart: day("2022-06-20"))]),
            error: .progressWithoutDataDate(task: "A"), message: "there is no data date"),
        Case(
            name: "finish before start",
            input: ScheduleInput(
                tasks: [task("A", 3)], calendar: june2022, dataDate: day("2022-07-01"),
                progress: ["A": TaskProgress(actualStart: day("2022-06-22"), actualFinish: day("2022-06-21"))]),
            error: .finishBeforeStart(task: "A"), message: "actual finish before its actual start"),
        Case(
            name: "finish without start",
            input: ScheduleInput(
                tasks: [task("A", 3)], calendar: june2022, dataDate: day("2022-07-01"),
                progress: ["A": TaskProgress(actualFinish: day("2022-06-21"))]),
            error: .finishWithoutStart(task: "A"), message: "record the actual start"),
        Case(
            name: "progress for an unknown task",
            input: ScheduleInput(
                tasks: [task("A", 3)], calendar: june2022, dataDate: day("2022-07-01"),
                progress: ["Z": TaskProgress(actualStart: day("2022-06-21"))]),
            error: .progressForUnknownTask("Z"), message: "'Z', which is not a task"),
        Case(
            name: "negative remaining",
            input: ScheduleInput(
                tasks: [task("A", 3)], calendar: june2022, dataDate: day("2022-07-01"),
                progress: ["A": TaskProgress(actualStart: day("2022-06-21"), remaining: -2)]),
            error: .negativeRemaining(task: "A", remaining: -2), message: "negative remaining duration (-2)"),
        Case(
            name: "unknown go-live milestone",
            input: ScheduleInput(tasks: [task("A", 3)], calendar: june2022, goLiveMilestone: "GO"),
            error: .unknownGoLiveMilestone("GO"), message: "go-live milestone 'GO' is not a task"),
    ]

    @Test("refuses invalid networks, naming the tasks and the remedy", arguments: cases)
    func refuses(_ example: Case) {
        let error = #expect(throws: ScheduleError.self) { try CriticalPathScheduler.schedule(example.input) }
        #expect(error == example.error)
        #expect(error?.description.contains(example.message) == true, "\(String(describing: error))")
    }

    @Test("Monte Carlo refuses the same networks and a bad iteration count")
    func monteCarloRefuses() {
        #expect(throws: ScheduleError.cycle(["A", "A"])) {
            try MonteCarlo.analyse(Self.cases[1].input, iterations: 10, seed: 1)
        }
        #expect(throws: ScheduleError.invalidIterationCount(0)) {
            try MonteCarlo.analyse(workedExample(), iterations: 0, seed: 1)
        }
        var noGoLive = workedExample()
        noGoLive.goLiveMilestone = nil
        #expect(throws: ScheduleError.missingGoLiveMilestone) { try MonteCarlo.analyse(noGoLive, iterations: 5, seed: 1) }
        var noStatutoryDate = workedExample()
        noStatutoryDate.statutoryDate = nil
        #expect(throws: ScheduleError.missingStatutoryDate) {
            try MonteCarlo.analyse(noStatutoryDate, iterations: 5, seed: 1)
        }
    }
}
