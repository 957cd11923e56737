extension ScheduleNetwork {
    /// Free float per task: the smallest slack to any successor's early dates through the links that
    /// also cap in the backward pass (FS `ES(b) - EF(a) - L`, SS `ES(b) - ES(a) - L`,
    /// FF `EF(b) - EF(a) - L`, SF `EF(b) - ES(a) - L`); `LF - EF` for an open end, which may be
    /// negative (clarification 11). For a started successor its early start is where its remaining
    /// work resumes. Finished tasks get `nil`.
    func freeFloat(_ workspace: PassWorkspace) -> [Int?] {
        var slack = Array(repeating: Int.max, count: count)
        var hasLink = Array(repeating: false, count: count)
        for task in 0..<count where state[task] != .finished {
            let start = workspace.resume[task]
            let finish = workspace.earlyFinish[task]
            for link in predecessorStart[task]..<predecessorStart[task + 1] {
                let predecessor = predecessorTask[link]
                let predecessorState = state[predecessor]
                if predecessorState == .finished { continue }
                let lag = predecessorLag[link]
                let value: Int
                switch predecessorType[link] {
                case .finishToStart:
                    value = start - workspace.earlyFinish[predecessor] - lag
                case .startToStart:
                    if predecessorState == .started { continue }
                    value = start - workspace.earlyStart[predecessor] - lag
                case .finishToFinish:
                    value = finish - workspace.earlyFinish[predecessor] - lag
                case .startToFinish:
                    if predecessorState == .started { continue }
                    value = finish - workspace.earlyStart[predecessor] - lag
                }
                slack[predecessor] = min(slack[predecessor], value)
                hasLink[predecessor] = true
            }
        }
        return (0..<count).map { task in
            guard state[task] != .finished else { return nil }
            return hasLink[task] ? slack[task] : workspace.lateFinish[task] - workspace.earlyFinish[task]
        }
    }
}
