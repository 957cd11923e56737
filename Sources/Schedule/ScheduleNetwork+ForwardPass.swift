extension ScheduleNetwork {
    /// Computes early dates in forward-pass order, with the work in `workspace.work`.
    ///
    /// - A task not started: `ES` = the largest of its start floor (0, the data date, a
    ///   start-no-earlier-than date) and every relation's bound (FS `EF(a)+L`, SS `ES(a)+L`,
    ///   FF `EF(a)+L-d`, SF `ES(a)+L-d`); `EF = ES + d`.
    /// - A started task keeps `ES` = its actual start; its remaining work resumes at the latest of
    ///   the data date, the actual start and every FS / SS bound, and
    ///   `EF = max(resume + remaining, every FF / SF bound)` (clarification 5).
    /// - A finished task keeps its actual dates.
    ///
    /// O(n + e), allocation-free: writes `early` and `latestFinish` of `workspace`, and `resume`
    /// for started tasks only (for the others it is the early start). Indices are computed with
    /// wrapping arithmetic: a network holds fewer than 2³⁰ tasks (checked when it is compiled).
    func forwardPass(_ workspace: PassWorkspace) {
        let state = state.base
        let floor = startFloor.base
        let actualStart = actualStart.base
        let actualFinish = actualFinish.base
        let linkStart = forwardStart.base
        let split = forwardSplit.base
        let source = forwardSource.base
        let lag = forwardLag.base
        let early = workspace.early
        let resume = workspace.resume
        let work = workspace.work
        var latest = Int.min
        var link = 0
        for task in 0 ..< count {
            let middle = split[task]
            let end = linkStart[task &+ 1]
            let start: Int
            let finish: Int
            switch state[task] {
            case .notStarted:
                let duration = work[task]
                var bound = floor[task]
                while link < middle {
                    bound = max(bound, early[Int(source[link])] + lag[link])
                    link &+= 1
                }
                while link < end {
                    bound = max(bound, early[Int(source[link])] + lag[link] - duration)
                    link &+= 1
                }
                start = bound
                finish = bound + duration
            case .started:
                var resumption = floor[task]
                while link < middle {
                    resumption = max(resumption, early[Int(source[link])] + lag[link])
                    link &+= 1
                }
                var bound = resumption + work[task]
                while link < end {
                    bound = max(bound, early[Int(source[link])] + lag[link])
                    link &+= 1
                }
                start = actualStart[task]
                finish = bound
                resume[task] = resumption
            case .finished:
                start = actualStart[task]
                finish = actualFinish[task]
                link = end
            }
            early[task &<< 1] = start
            early[task &<< 1 | 1] = finish
            latest = max(latest, finish)
        }
        workspace.latestFinish = count > 0 ? latest : 0
    }
}
