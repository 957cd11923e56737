/// Maps header names to field positions, ignoring case and surrounding spaces.
///
/// Spreadsheet exports vary ("Staff ID", "staff id ", "STAFF ID"), so lookups normalise both
/// sides the same way. Shared by every row of a table (copy-on-write), so it costs one
/// dictionary per table, not per row.
struct CSVColumnIndex: Sendable, Equatable {
    private var positions: [String: Int] = [:]

    init() {}

    /// Indexes `header`; the first occurrence of a name wins, empty names are not indexed.
    init(header: [String]) {
        for (position, name) in header.enumerated() {
            let key = CSVColumnIndex.normalize(name)
            if !key.isEmpty, positions[key] == nil {
                positions[key] = position
            }
        }
    }

    /// The 0-based position of the column called `name`, if any.
    func position(of name: String) -> Int? {
        positions[CSVColumnIndex.normalize(name)]
    }

    /// Trims surrounding whitespace and lowercases, the comparison key for header names.
    static func normalize(_ name: String) -> String {
        trimmed(name).lowercased()
    }

    /// `text` without leading or trailing whitespace.
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
