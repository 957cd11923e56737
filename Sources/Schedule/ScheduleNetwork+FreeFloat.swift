extension ScheduleNetwork {
    /// Free float per rank: the smallest slack to any successor's early dates through the links that
    /// also cap in the backward pass (FS `ES(b) - EF(a) - L`, SS `ES(b) - ES(a) - L`,
    /// FF `EF(b) - EF(a) - L`, SF `EF(b) - ES(a) - L`); `LF - EF` for an open end, which may be
    /// negative (clarification 11). For a started successor its early start is where its remaining
    /// work resumes. Finished tasks get `nil`. O(n + e).
    func freeFloat(_ workspace: PassWorkspace) -> [Int?] {
        let state = state.base
        let linkStart = backwardStart.base
        let split = backwardSplit.base
        let source = backwardSource.base
        let lag = backwardLag.base
        let early = workspace.early
        let resume = workspace.resume
        var result: [Int?] = []
        result.reserveCapacity(count)
        for task in 0 ..< count {
            guard state[task] != .finished else {
                result.append(nil)
                continue
            }
            let first = linkStart[task]
            let middle = split[task]
            let end = linkStart[task + 1]
            guard first < end else {
                result.append(workspace.late[2 * task + 1] - early[2 * task + 1])
                continue
            }
            var slack = Int.max
            for link in first ..< end {
                let slot = Int(source[link])
                // Slot parity: LS-reading links (FS, SS) measure from the successor's start, the
                // others (FF, SF) from its finish; a started successor's start is where its work
                // resumes.
                let successorDate = slot & 1 == 1 ? early[slot] : state[slot >> 1] == .started ? resume[slot >> 1] : early[slot]
                let predecessorDate = link < middle ? early[2 * task + 1] : early[2 * task]
                slack = min(slack, successorDate - predecessorDate - lag[link])
            }
            result.append(slack)
        }
        return result
    }
}
