/// Reads MS Project predecessor notation: `3`, `12FS+3d`, `7SS`, `4FF-1 day`, `T-PPL-01FS+3d`.
///
/// Entries are separated by commas or semicolons. An entry is a task id, optionally followed
/// by a relation type (FS, SS, FF or SF, upper case) and a signed lag. Because ids may contain
/// letters and `-`, an entry is split at the last type code that is followed by nothing or by a
/// sign, preferring a split whose id is known; an entry that is itself a known id is never split.
enum PredecessorNotation {
    /// One parsed entry, or the reason it could not be read.
    struct Entry: Sendable, Equatable {
        var text: String
        var result: Result<TaskDefinition.Relation, DurationFailure>
    }

    /// Splits `cell` into entries and parses each; empty entries (`3,,4`, a trailing `;`) are skipped.
    static func parse(_ cell: String, knownIDs: Set<String>) -> [Entry] {
        cell.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { piece in
            let text = String(piece).trimmingSpaces
            guard !text.isEmpty else { return nil }
            return Entry(text: text, result: parseEntry(text, knownIDs: knownIDs))
        }
    }

    private static func parseEntry(_ text: String, knownIDs: Set<String>) -> Result<
        TaskDefinition.Relation, DurationFailure
    > {
        if knownIDs.contains(text) { return .success(TaskDefinition.Relation(task: text, type: .fs, lag: 0)) }
        let characters = Array(text)
        var splits: [(id: String, type: RelationKind, lag: String)] = []
        var position = characters.count - 2
        while position >= 1 {
            if let type = RelationKind(rawValue: String(characters[position..<(position + 2)])) {
                let rest = String(characters[(position + 2)...]).trimmingSpaces
                if rest.isEmpty || rest.hasPrefix("+") || rest.hasPrefix("-") {
                    splits.append((String(characters[..<position]).trimmingSpaces, type, rest))
                }
            }
            position -= 1
        }
        guard let split = splits.first(where: { knownIDs.contains($0.id) }) ?? splits.first else {
            return .success(TaskDefinition.Relation(task: text, type: .fs, lag: 0))
        }
        if split.lag.isEmpty { return .success(TaskDefinition.Relation(task: split.id, type: split.type, lag: 0)) }
        switch SpreadsheetDuration.parseLag(split.lag) {
        case .success(let lag): return .success(TaskDefinition.Relation(task: split.id, type: split.type, lag: lag))
        case .failure(let failure): return .failure(DurationFailure("lag in '\(text)': \(failure.reason)"))
        }
    }
}
