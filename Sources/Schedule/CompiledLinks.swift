/// Links in compressed-row form by rank, grouped as ``ScheduleNetwork`` describes: the links of
/// rank `r` are `start[r] ..< start[r + 1]`, the first group ending at `split[r]`; each link has the
/// slot it reads (`source`) and its lag.
struct CompiledLinks {
    let start: FrozenBuffer<Int>
    let split: FrozenBuffer<Int>
    let source: FrozenBuffer<Int32>
    let lag: FrozenBuffer<Int>

    /// Links into each rank: start-bounding (FS reads `EF(a)`, SS `ES(a)`), then finish-bounding
    /// (FF reads `EF(a)`, SF `ES(a)`). Every link is kept. O(n + e).
    static func forward(_ links: FileLinks, order: [Int], rank: [Int]) -> CompiledLinks {
        let count = order.count
        let total = links.task.count
        let start = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
        let split = UnsafeMutablePointer<Int>.allocate(capacity: max(1, count))
        let source = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, total))
        let lag = UnsafeMutablePointer<Int>.allocate(capacity: max(1, total))
        links.start.withUnsafeBufferPointer { fileStart in
            links.task.withUnsafeBufferPointer { predecessor in
                links.type.withUnsafeBufferPointer { type in
                    links.lag.withUnsafeBufferPointer { fileLag in
                        var next = 0
                        start[0] = 0
                        for (position, file) in order.enumerated() {
                            let range = fileStart[file] ..< fileStart[file + 1]
                            for link in range where type[link].constrainsSuccessorStart {
                                source[next] = Int32(2 * rank[predecessor[link]] + (type[link] == .finishToStart ? 1 : 0))
                                lag[next] = fileLag[link]
                                next += 1
                            }
                            split[position] = next
                            for link in range where !type[link].constrainsSuccessorStart {
                                source[next] = Int32(2 * rank[predecessor[link]] + (type[link] == .finishToFinish ? 1 : 0))
                                lag[next] = fileLag[link]
                                next += 1
                            }
                            start[position + 1] = next
                        }
                    }
                }
            }
        }
        return CompiledLinks(
            start: FrozenBuffer(adopting: start, count: count + 1), split: FrozenBuffer(adopting: split, count: count),
            source: FrozenBuffer(adopting: source, count: total), lag: FrozenBuffer(adopting: lag, count: total))
    }

    /// Links out of each rank that cap it, from the forward links (clarification 8: none into a
    /// finished successor, none onto a finished predecessor, no SS or SF onto a started one):
    /// `LF`-capping (FS reads `LS(b)`, FF `LF(b)`), then `LS`-capping (SS reads `LS(b)`, SF `LF(b)`).
    ///
    /// A forward link's group and slot parity give its type: start-bounding and reading `EF(a)` is
    /// FS, start-bounding and reading `ES(a)` is SS, and likewise FF and SF. O(n + e).
    static func backward(from forward: CompiledLinks, state: FrozenBuffer<TaskState>) -> CompiledLinks {
        let count = state.count
        let plain = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
        let shifted = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
        plain.initialize(repeating: 0, count: count + 1)
        shifted.initialize(repeating: 0, count: count + 1)
        defer {
            plain.deallocate()
            shifted.deallocate()
        }
        let fStart = forward.start.base
        let fSource = forward.source.base
        let states = state.base
        /// Whether forward link `link` into `successor` caps its predecessor.
        @inline(__always) func isActive(_ link: Int, successor: Int) -> Bool {
            let slot = Int(fSource[link])
            let predecessorState = states[slot >> 1]
            if states[successor] == .finished || predecessorState == .finished { return false }
            return slot & 1 == 1 || predecessorState == .notStarted
        }
        for successor in 0 ..< count {
            for link in fStart[successor] ..< fStart[successor + 1] where isActive(link, successor: successor) {
                let slot = Int(fSource[link])
                if slot & 1 == 1 { plain[slot >> 1] += 1 } else { shifted[slot >> 1] += 1 }
            }
        }
        // Turn the counts into fill positions: LF-capping links first, then LS-capping ones.
        let start = FrozenBuffer<Int>(count: count + 1) { start in
            var next = 0
            for task in 0 ..< count {
                start[task] = next
                let plainCount = plain[task]
                let shiftedCount = shifted[task]
                plain[task] = next
                shifted[task] = next + plainCount
                next += plainCount + shiftedCount
            }
            start[count] = next
        }
        let split = FrozenBuffer<Int>(count: count) { split in
            for task in 0 ..< count { split[task] = shifted[task] }
        }
        let total = start[count]
        let source = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, total))
        let lag = UnsafeMutablePointer<Int>.allocate(capacity: max(1, total))
        let fSplit = forward.split.base
        let fLag = forward.lag.base
        for successor in 0 ..< count {
            for link in fStart[successor] ..< fStart[successor + 1] where isActive(link, successor: successor) {
                let slot = Int(fSource[link])
                let predecessor = slot >> 1
                let position: Int
                if slot & 1 == 1 {
                    position = plain[predecessor]
                    plain[predecessor] += 1
                } else {
                    position = shifted[predecessor]
                    shifted[predecessor] += 1
                }
                // FS and SS (start-bounding forward links) read LS(b); FF and SF read LF(b).
                source[position] = Int32(2 * successor + (link < fSplit[successor] ? 0 : 1))
                lag[position] = fLag[link]
            }
        }
        return CompiledLinks(
            start: start, split: split, source: FrozenBuffer(adopting: source, count: total),
            lag: FrozenBuffer(adopting: lag, count: total))
    }
}
