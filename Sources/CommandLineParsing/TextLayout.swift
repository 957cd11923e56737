/// Plain-text layout helpers shared by usage lines and help, so output is deterministic.
enum TextLayout {
    /// The width help text is wrapped to.
    static let lineWidth = 80

    /// `words` joined by spaces and wrapped to `width`, continuation lines indented by `indent` spaces.
    ///
    /// A word longer than the line is kept whole on its own line.
    static func wrap(_ words: [String], width: Int, indent: Int, firstLineUsed: Int = 0) -> String {
        var output = ""
        var column = firstLineUsed
        var lineHasWords = false
        let padding = String(repeating: " ", count: indent)
        for word in words where !word.isEmpty {
            if lineHasWords, column + 1 + word.count > width {
                output += "\n" + padding
                column = indent
                lineHasWords = false
            }
            if lineHasWords {
                output += " "
                column += 1
            }
            output += word
            column += word.count
            lineHasWords = true
        }
        return output
    }

    /// `text` split on spaces, for ``wrap(_:width:indent:firstLineUsed:)``.
    static func words(_ text: String) -> [String] {
        text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    /// `text` followed by spaces up to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
