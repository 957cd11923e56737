/// Picks the known name closest to a mistyped one, for "did you mean …?" hints.
///
/// Every unknown identifier the tool refuses (an option, a subcommand, a due-diligence item
/// such as `DD-FIN-2`) should come with the nearest valid spelling, so users fix typos without
/// looking anything up.
public enum Suggestion {
    /// The candidate nearest to `word` by ``editDistance(_:_:)``, ignoring case.
    ///
    /// - Parameters:
    ///   - word: What the user typed.
    ///   - candidates: Valid names, in preference order; ties go to the earliest.
    ///   - maxDistance: The largest distance still worth suggesting; by default
    ///     `max(2, word.count / 3)`.
    /// - Returns: The closest candidate within `maxDistance`, or `nil` if none is that close.
    ///   O(k × n × m) for k candidates of length m.
    public static func closest(to word: String, in candidates: some Sequence<String>, maxDistance: Int? = nil)
        -> String?
    {
        let limit = maxDistance ?? max(2, word.count / 3)
        let typed = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let known = Array(candidate.lowercased())
            guard abs(known.count - typed.count) <= limit else { continue }
            let distance = optimalStringAlignmentDistance(typed, known)
            guard distance <= limit else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// `"; did you mean 'X'?"` for the closest candidate, or `""` when none is close: the tail of
    /// an error message about an unknown id.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
