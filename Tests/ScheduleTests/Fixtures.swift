@testable import Schedule
import TransitionSupport

/// Parses a `YYYY-MM-DD` literal; test fixtures only.
func day(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso8601: text) else { fatalError("bad test date \(text)") }
    return date
}

/// A Monday-to-Friday calendar starting Monday 2022-06-20 (point 0), no holidays.
let june2022 = WorkingCalendar(start: day("2022-06-20"))

/// England and Wales bank holidays 2022.
let bankHolidays2022: Set<CivilDate> = [
    "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
    "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
].reduce(into: []) { $0.insert(day($1)) }

func task(
    _ id: String, _ duration: Int = 0, milestone: Bool = false, after predecessors: [ScheduleRelation] = [],
    snet: String? = nil, fnlt: String? = nil, estimate: ThreePointEstimate? = nil
) -> ScheduleTask {
    ScheduleTask(
        id: id, duration: duration, isMilestone: milestone, predecessors: predecessors,
        startNoEarlierThan: snet.map(day), finishNoLaterThan: fnlt.map(day), estimate: estimate)
}

func fs(_ id: String, _ lag: Int = 0) -> ScheduleRelation { ScheduleRelation(predecessor: id, type: .finishToStart, lag: lag) }
func ss(_ id: String, _ lag: Int = 0) -> ScheduleRelation { ScheduleRelation(predecessor: id, type: .startToStart, lag: lag) }
func ff(_ id: String, _ lag: Int = 0) -> ScheduleRelation { ScheduleRelation(predecessor: id, type: .finishToFinish, lag: lag) }
func sf(_ id: String, _ lag: Int = 0) -> ScheduleRelation { ScheduleRelation(predecessor: id, type: .startToFinish, lag: lag) }

/// The worked example of cpm-semantics.md: A (3) -> B (2) -> GO, statutory Friday 2022-07-01.
func workedExample() -> ScheduleInput {
    ScheduleInput(
        tasks: [task("A", 3), task("B", 2, after: [fs("A")]), task("GO", milestone: true, after: [fs("B")])],
        calendar: june2022, statutoryDate: day("2022-07-01"), goLiveMilestone: "GO")
}

extension ScheduleResult {
    /// The task with `id`; fails the test when it is missing.
    subscript(id: String) -> ScheduledTask {
        guard let found = task(id) else { fatalError("no scheduled task \(id)") }
        return found
    }
}
