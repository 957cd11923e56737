/// A plain-text table with aligned columns, for terminal output.
///
/// Columns are left-aligned unless marked numeric (right-aligned). Width is measured in characters,
/// so output is deterministic and independent of the terminal.
public struct TextTable: Sendable {
    public var headers: [String]
    public var numericColumns: Set<Int>
    public private(set) var rows: [[String]] = []

    public init(headers: [String], numericColumns: Set<Int> = []) {
        self.headers = headers
        self.numericColumns = numericColumns
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    public func render(indent: String = "") -> [String] {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func format(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                parts.append(numericColumns.contains(index) ? padding + cell : cell + padding)
            }
            var line = indent + parts.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var lines = [format(headers), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(format)
        return lines
    }
}
