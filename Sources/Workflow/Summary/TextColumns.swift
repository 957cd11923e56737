/// Left-aligned text columns, padded to the widest cell, for plain-text reports.
///
/// Summaries are read in terminals and diffed in reviews, so columns line up and lines carry no
/// trailing spaces. Widths count `Character`s.
enum TextColumns {
    /// One line per row; every column but the last is padded and followed by two spaces.
    static func render(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated().dropLast() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                if index == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
