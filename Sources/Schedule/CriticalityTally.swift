/// Receives, from the backward pass, whether each unfinished task came out critical, so that
/// callers that only count critical tasks need no second loop over the network.
///
/// The pass is generic over the tally and specialised for each, so ``IgnoreCriticality`` costs
/// nothing.
protocol CriticalityTally {
    mutating func record(rank: Int, isCritical: Bool)
}

/// Records nothing: the full schedule works criticality out per task afterwards.
struct IgnoreCriticality: CriticalityTally {
    @inline(__always)
    func record(rank: Int, isCritical: Bool) {}
}

/// Counts the critical tasks of one pass.
struct CriticalCount: CriticalityTally {
    var count = 0

    @inline(__always)
    mutating func record(rank: Int, isCritical: Bool) { count += isCritical ? 1 : 0 }
}

/// Adds one per critical task to a per-rank counter, across Monte Carlo runs.
struct CriticalRuns: CriticalityTally {
    let counts: UnsafeMutablePointer<Int>

    @inline(__always)
    func record(rank: Int, isCritical: Bool) { counts[rank] &+= isCritical ? 1 : 0 }
}
