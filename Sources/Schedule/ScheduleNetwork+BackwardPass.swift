extension ScheduleNetwork {
    /// Computes late dates in reverse forward-pass order, after ``forwardPass(_:)``.
    ///
    /// - An open end (a task no link caps) gets the statutory date's point when there is one,
    ///   otherwise the largest `EF` in the programme (clarification 2).
    /// - A finish-no-later-than date caps `LF` at the end of that date's working day.
    /// - Each capping link caps its predecessor: FS `LF(a) <= LS(b) - L`, SS `LF(a) <= LS(b) - L + d(a)`,
    ///   FF `LF(a) <= LF(b) - L`, SF `LF(a) <= LF(b) - L + d(a)`, where `LS(b) = LF(b) - d(b)`, or
    ///   `LF(b) - remaining(b)` for a started successor.
    /// - With progress (clarification 8) only the links compiled as capping count (see
    ///   ``CompiledLinks/backward(_:order:rank:state:)``); a finished task's late dates are its
    ///   actual dates.
    ///
    /// O(n + e), allocation-free: writes `late` of `workspace`, and tells `tally` whether each
    /// unfinished task's total float `LF - EF` is at most `threshold`.
    func backwardPass(_ workspace: PassWorkspace) {
        var ignore = IgnoreCriticality()
        backwardPass(workspace, threshold: 0, tally: &ignore)
    }

    /// ``backwardPass(_:)``, reporting criticality to `tally`.
    func backwardPass<Tally: CriticalityTally>(_ workspace: PassWorkspace, threshold: Int, tally: inout Tally) {
        let openEnd = statutoryPoint ?? (count > 0 ? workspace.latestFinish : 0)
        let state = state.base
        let cap = finishCap.base
        let isOpenEnd = isOpenEnd.base
        let actualStart = actualStart.base
        let actualFinish = actualFinish.base
        let linkStart = backwardStart.base
        let split = backwardSplit.base
        let source = backwardSource.base
        let lag = backwardLag.base
        let late = workspace.late
        let early = workspace.early
        let work = workspace.work
        var local = tally
        defer { tally = local }
        var task = count
        var link = linkStart[count]
        while task > 0 {
            task &-= 1
            let first = linkStart[task]
            if state[task] == .finished {
                late[task &<< 1] = actualStart[task]
                late[task &<< 1 | 1] = actualFinish[task]
                link = first
                continue
            }
            let duration = work[task]
            var lateFinish = isOpenEnd[task] ? min(openEnd, cap[task]) : cap[task]
            let middle = split[task]
            // Links run backwards too: first the LS-capping ones (SS, SF), then the LF-capping ones.
            while link > middle {
                link &-= 1
                lateFinish = min(lateFinish, late[Int(source[link])] - lag[link] + duration)
            }
            while link > first {
                link &-= 1
                lateFinish = min(lateFinish, late[Int(source[link])] - lag[link])
            }
            late[task &<< 1] = lateFinish - duration
            late[task &<< 1 | 1] = lateFinish
            local.record(rank: task, isCritical: lateFinish - early[task &<< 1 | 1] <= threshold)
        }
    }
}
