extension ScheduleNetwork {
    /// Computes early dates in forward-pass order.
    ///
    /// - A task not started: `ES` = the largest of its start floor (0, the data date, a
    ///   start-no-earlier-than date) and every relation's bound (FS `EF(a)+L`, SS `ES(a)+L`,
    ///   FF `EF(a)+L-d`, SF `ES(a)+L-d`); `EF = ES + d`.
    /// - A started task keeps `ES` = its actual start; its remaining work resumes at the latest of
    ///   the data date, the actual start and every FS / SS bound, and
    ///   `EF = max(resume + remaining, every FF / SF bound)` (clarification 5).
    /// - A finished task keeps its actual dates.
    ///
    /// Allocation-free: writes into `workspace`.
    /// - Parameters:
    ///   - durations: duration per task (planned or sampled).
    ///   - remaining: remaining work per started task (planned or sampled).
    func forwardPass(durations: [Int], remaining: [Int], workspace: inout PassWorkspace) {
        for task in order {
            let first = predecessorStart[task]
            let end = predecessorStart[task + 1]
            switch state[task] {
            case .finished:
                workspace.earlyStart[task] = actualStart[task]
                workspace.earlyFinish[task] = actualFinish[task]
                workspace.resume[task] = actualStart[task]
            case .started:
                var resume = startFloor[task]
                var finish = Int.min
                for link in first..<end {
                    let predecessor = predecessorTask[link]
                    let lag = predecessorLag[link]
                    switch predecessorType[link] {
                    case .finishToStart: resume = max(resume, workspace.earlyFinish[predecessor] + lag)
                    case .startToStart: resume = max(resume, workspace.earlyStart[predecessor] + lag)
                    case .finishToFinish: finish = max(finish, workspace.earlyFinish[predecessor] + lag)
                    case .startToFinish: finish = max(finish, workspace.earlyStart[predecessor] + lag)
                    }
                }
                workspace.earlyStart[task] = actualStart[task]
                workspace.resume[task] = resume
                workspace.earlyFinish[task] = max(resume + remaining[task], finish)
            case .notStarted:
                let duration = durations[task]
                var start = startFloor[task]
                for link in first..<end {
                    let predecessor = predecessorTask[link]
                    let lag = predecessorLag[link]
                    let bound: Int
                    switch predecessorType[link] {
                    case .finishToStart: bound = workspace.earlyFinish[predecessor] + lag
                    case .startToStart: bound = workspace.earlyStart[predecessor] + lag
                    case .finishToFinish: bound = workspace.earlyFinish[predecessor] + lag - duration
                    case .startToFinish: bound = workspace.earlyStart[predecessor] + lag - duration
                    }
                    start = max(start, bound)
                }
                workspace.earlyStart[task] = start
                workspace.resume[task] = start
                workspace.earlyFinish[task] = start + duration
            }
        }
    }
}
