/// Walker's alias method (Vose's construction): after O(k) set-up, one 64-bit random number draws
/// an outcome `0 ..< k` with the given probabilities.
///
/// The 128-bit product of the random number and `k` gives the column (high half) and a uniform
/// fraction within it (low half); the column is kept when the fraction is below its threshold and
/// replaced by its alias otherwise. The only departure from the exact probabilities is the 2⁻⁶⁴
/// granularity of the random number.
struct AliasTable: Sendable {
    /// `probability × 2⁶⁴` of keeping each column (`UInt64.max` for a full column).
    let thresholds: [UInt64]
    let aliases: [Int32]

    /// Builds the table for `weights` (non-negative, not all zero; normalised here).
    init(weights: [Double]) {
        let count = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { total > 0 ? $0 * Double(count) / total : 1 }
        var thresholds = [UInt64](repeating: .max, count: count)
        var aliases = (0 ..< count).map { Int32($0) }
        var small = (0 ..< count).filter { scaled[$0] < 1 }
        var large = (0 ..< count).filter { scaled[$0] >= 1 }
        while let less = small.popLast(), let more = large.last {
            thresholds[less] = UInt64((max(0, scaled[less]) * 0x1.0p64).rounded(.down))
            aliases[less] = Int32(more)
            scaled[more] -= 1 - scaled[less]
            if scaled[more] < 1 {
                large.removeLast()
                small.append(more)
            }
        }
        // Whatever is left is full up to rounding.
        self.thresholds = thresholds
        self.aliases = aliases
    }

    var count: Int { thresholds.count }
}
