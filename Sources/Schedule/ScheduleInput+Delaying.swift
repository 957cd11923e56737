extension ScheduleInput {
    /// A what-if copy in which each named task takes `days` more working days.
    ///
    /// - A task not started gets `days` added to its duration.
    /// - A started, unfinished task gets `days` added to its remaining work (the recorded
    ///   remaining, else the default `max(1, duration - elapsed)`), recorded as its remaining.
    /// - A milestone not yet achieved becomes a task of `days` working days (a milestone cannot
    ///   have a duration), so whatever follows its finish moves by `days`.
    /// - A finished task (or achieved milestone) has nothing left to delay and is unchanged.
    ///
    /// Negative values shorten work; the scheduler refuses a result that becomes negative.
    /// - Throws: ``ScheduleError/unknownDelayedTask(_:)`` for an id that is not a task (the first
    ///   in sorted order).
    public func delaying(_ delays: [String: Int]) throws(ScheduleError) -> ScheduleInput {
        var positions: [String: Int] = [:]
        for (position, task) in tasks.enumerated() where positions[task.id] == nil { positions[task.id] = position }
        for id in delays.keys.sorted() where positions[id] == nil { throw .unknownDelayedTask(id) }

        var copy = self
        for (id, days) in delays where days != 0 {
            guard let position = positions[id] else { continue }
            let task = tasks[position]
            let recorded = progress[id] ?? TaskProgress()
            if task.isMilestone {
                guard recorded.actualStart == nil, recorded.actualFinish == nil else { continue }
                copy.tasks[position].isMilestone = false
                copy.tasks[position].duration = days
            } else if recorded.actualFinish != nil {
                continue
            } else if let start = recorded.actualStart {
                let startPoint = calendar.startPoint(of: start)
                let dataDatePoint = dataDate.map { calendar.startPoint(of: $0) } ?? startPoint
                let current = recorded.remaining
                    ?? ProgressState.defaultRemaining(duration: task.duration, actualStart: startPoint, dataDate: dataDatePoint)
                copy.progress[id] = TaskProgress(
                    actualStart: start, actualFinish: nil, remaining: current + days)
            } else {
                copy.tasks[position].duration += days
            }
        }
        return copy
    }
}
