extension ScheduleNetwork {
    /// Computes late finishes in reverse forward-pass order.
    ///
    /// - An open end (a task left with no capping link) gets the statutory date's point when there
    ///   is one, otherwise the largest `EF` in the programme (clarification 2).
    /// - A finish-no-later-than date caps `LF` at the end of that date's working day.
    /// - Each link caps its predecessor: FS `LF(a) <= LS(b) - L`, SS `LF(a) <= LS(b) - L + d(a)`,
    ///   FF `LF(a) <= LF(b) - L`, SF `LF(a) <= LF(b) - L + d(a)`, where `LS(b) = LF(b) - d(b)`, or
    ///   `LF(b) - remaining(b)` for a started successor.
    /// - With progress (clarification 8): a link into a finished successor caps nothing; SS and SF
    ///   links cap nothing on a predecessor that has started; a finished task's late dates are its
    ///   actual dates.
    ///
    /// Allocation-free: writes `lateFinish` and `isCapped` into `workspace`.
    func backwardPass(durations: [Int], remaining: [Int], workspace: inout PassWorkspace) {
        let openEnd: Int
        if let statutoryPoint {
            openEnd = statutoryPoint
        } else {
            openEnd = workspace.earlyFinish.max() ?? 0
        }
        for task in 0..<count {
            workspace.lateFinish[task] = Int.max
            workspace.isCapped[task] = false
        }
        for task in order.reversed() {
            if state[task] == .finished {
                workspace.lateFinish[task] = actualFinish[task]
                continue
            }
            var lateFinish = workspace.isCapped[task] ? workspace.lateFinish[task] : openEnd
            lateFinish = min(lateFinish, finishCap[task])
            workspace.lateFinish[task] = lateFinish
            let lateStart = lateFinish - (state[task] == .started ? remaining[task] : durations[task])
            for link in predecessorStart[task]..<predecessorStart[task + 1] {
                let predecessor = predecessorTask[link]
                let predecessorState = state[predecessor]
                if predecessorState == .finished { continue }
                let lag = predecessorLag[link]
                let cap: Int
                switch predecessorType[link] {
                case .finishToStart:
                    cap = lateStart - lag
                case .startToStart:
                    if predecessorState == .started { continue }
                    cap = lateStart - lag + durations[predecessor]
                case .finishToFinish:
                    cap = lateFinish - lag
                case .startToFinish:
                    if predecessorState == .started { continue }
                    cap = lateFinish - lag + durations[predecessor]
                }
                if cap < workspace.lateFinish[predecessor] { workspace.lateFinish[predecessor] = cap }
                workspace.isCapped[predecessor] = true
            }
        }
    }
}
