/// The optimal-string-alignment (restricted Damerau-Levenshtein) distance between two strings.
///
/// Counts insertions, deletions, substitutions and transpositions of adjacent characters, each
/// costing 1, comparing `Character`s exactly (case-sensitive). It powers "did you mean" hints,
/// where a swapped pair of keys (`--jsno`) should count as one slip, not two.
///
/// - Returns: The distance; O(a.count × b.count) time, O(b.count) space.
public func editDistance(_ a: String, _ b: String) -> Int {
    optimalStringAlignmentDistance(Array(a), Array(b))
}

/// Optimal string alignment over any equatable elements, keeping three rows of the table.
func optimalStringAlignmentDistance<Element: Equatable>(_ source: [Element], _ target: [Element]) -> Int {
    if source.isEmpty { return target.count }
    if target.isEmpty { return source.count }
    var beforePrevious = [Int](repeating: 0, count: target.count + 1)
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for i in 1...source.count {
        current[0] = i
        for j in 1...target.count {
            let cost = source[i - 1] == target[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                best = min(best, beforePrevious[j - 2] + 1)
            }
            current[j] = best
        }
        swap(&beforePrevious, &previous)
        swap(&previous, &current)
    }
    return previous[target.count]
}
