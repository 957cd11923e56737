import TransitionSupport

/// Recorded progress validated and converted to points, one entry per task.
///
/// Rules (clarifications 4, 6, 7 and 12 of the scheduling contract): an actual start is the start
/// of its day and an actual finish the end of its day; a milestone with any actual date is finished
/// at the start of that day; a started task's remaining work is the recorded remaining, else
/// `max(1, duration - elapsed)` with `elapsed = max(0, dataDate - actualStart)`; a recorded
/// remaining on a task that is not started (or is finished) is ignored.
struct ProgressState {
    var state: [TaskState]
    var actualStart: [Int]
    var actualFinish: [Int]
    var remaining: [Int]

    init(input: ScheduleInput, index: TaskIndex, dataDatePoint: Int?) throws(ScheduleError) {
        let count = input.tasks.count
        state = Array(repeating: .notStarted, count: count)
        actualStart = Array(repeating: 0, count: count)
        actualFinish = Array(repeating: 0, count: count)
        remaining = Array(repeating: 0, count: count)
        guard !input.progress.isEmpty else { return }

        for id in input.progress.keys.sorted() where index.position(of: id) == nil {
            throw .progressForUnknownTask(id)
        }
        let calendar = input.calendar
        for (position, task) in input.tasks.enumerated() {
            guard let progress = input.progress[task.id], !progress.isEmpty else { continue }
            guard let dataDatePoint else { throw .progressWithoutDataDate(task: task.id) }
            if let start = progress.actualStart, let finish = progress.actualFinish, finish < start {
                throw .finishBeforeStart(task: task.id)
            }
            if task.isMilestone {
                guard let date = progress.actualStart ?? progress.actualFinish else { continue }
                state[position] = .finished
                actualStart[position] = calendar.startPoint(of: date)
                actualFinish[position] = actualStart[position]
                continue
            }
            if let finish = progress.actualFinish {
                guard let start = progress.actualStart else { throw .finishWithoutStart(task: task.id) }
                state[position] = .finished
                actualStart[position] = calendar.startPoint(of: start)
                actualFinish[position] = calendar.deadlinePoint(endOf: finish)
            } else if let start = progress.actualStart {
                let startPoint = calendar.startPoint(of: start)
                state[position] = .started
                actualStart[position] = startPoint
                if let recorded = progress.remaining {
                    guard recorded >= 0 else { throw .negativeRemaining(task: task.id, remaining: recorded) }
                    remaining[position] = recorded
                } else {
                    remaining[position] = Self.defaultRemaining(
                        duration: task.duration, actualStart: startPoint, dataDate: dataDatePoint)
                }
            }
        }
    }

    /// `max(1, duration - elapsed)` with `elapsed = max(0, dataDate - actualStart)` (clarification 6).
    static func defaultRemaining(duration: Int, actualStart: Int, dataDate: Int) -> Int {
        max(1, duration - max(0, dataDate - actualStart))
    }
}
