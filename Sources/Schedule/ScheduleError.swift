/// Why a network cannot be scheduled; each message names the tasks and says what to do.
///
/// The cases carry data only; ``description`` renders the words in one place.
public enum ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The relations form a cycle; the ids are listed along the cycle with the first repeated last.
    case cycle([String])
    case unknownTask(task: String, predecessor: String)
    case duplicateTask(String)
    case negativeDuration(task: String, duration: Int)
    case milestoneWithDuration(task: String, duration: Int)
    case invalidEstimate(task: String, estimate: ThreePointEstimate)
    case progressWithoutDataDate(task: String)
    case progressForUnknownTask(String)
    case finishWithoutStart(task: String)
    case finishBeforeStart(task: String)
    case negativeRemaining(task: String, remaining: Int)
    case unknownGoLiveMilestone(String)
    /// A what-if delay names a task that does not exist.
    case unknownDelayedTask(String)
    /// Risk analysis needs a go-live milestone to forecast.
    case missingGoLiveMilestone
    /// Risk analysis needs a statutory date to measure slip against.
    case missingStatutoryDate
    case invalidIterationCount(Int)

    public var description: String {
        switch self {
        case .cycle(let ids):
            let path = ids.joined(separator: " -> ")
            return "dependency cycle: \(path); remove one of these relations"
        case .unknownTask(let task, let predecessor):
            return "task '\(task)' depends on '\(predecessor)', which is not defined; add it or remove the relation"
        case .duplicateTask(let id):
            return "task id '\(id)' is defined more than once; give each task a unique id"
        case .negativeDuration(let task, let duration):
            return "task '\(task)' has a negative duration (\(duration)); durations are working days, 0 or more"
        case .milestoneWithDuration(let task, let duration):
            return "milestone '\(task)' has a duration of \(duration); a milestone has duration 0, so remove the duration or make it a task"
        case .invalidEstimate(let task, let estimate):
            return "task '\(task)' has estimate \(estimate.optimistic)/\(estimate.mostLikely)/\(estimate.pessimistic); "
                + "it needs 0 <= optimistic <= most likely <= pessimistic"
        case .progressWithoutDataDate(let task):
            return "progress is recorded for task '\(task)' but there is no data date; give the data date the progress is as of"
        case .progressForUnknownTask(let id):
            return "progress is recorded for '\(id)', which is not a task; correct the id or remove the progress"
        case .finishWithoutStart(let task):
            return "task '\(task)' has an actual finish but no actual start; record the actual start"
        case .finishBeforeStart(let task):
            return "task '\(task)' has an actual finish before its actual start; correct one of the dates"
        case .negativeRemaining(let task, let remaining):
            return "task '\(task)' has a negative remaining duration (\(remaining)); record 0 or more working days"
        case .unknownGoLiveMilestone(let id):
            return "go-live milestone '\(id)' is not a task; add it or name an existing milestone"
        case .unknownDelayedTask(let id):
            return "cannot delay '\(id)': no task has that id; use an id from the workflow"
        case .missingGoLiveMilestone:
            return "risk analysis needs a go-live milestone to forecast; name one in the programme"
        case .missingStatutoryDate:
            return "risk analysis needs a statutory date to measure slip against; give the programme one"
        case .invalidIterationCount(let count):
            return "risk analysis needs at least one iteration, not \(count); ask for 1 or more"
        }
    }
}
