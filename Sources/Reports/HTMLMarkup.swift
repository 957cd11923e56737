/// Accumulates XHTML-compatible markup, escaping every attribute value and text node in one place
/// so reports stay well-formed XML whatever the log contains.
struct HTMLMarkup: Sendable {
    typealias Attributes = [(name: String, value: String)]

    private(set) var text = ""

    /// `<tag attributes>`; pair with ``close(_:)``.
    mutating func open(_ tag: String, _ attributes: Attributes = []) {
        text += "<" + tag + Self.render(attributes) + ">"
    }

    mutating func close(_ tag: String) {
        text += "</" + tag + ">\n"
    }

    /// A self-closing element, e.g. `<line .../>`.
    mutating func empty(_ tag: String, _ attributes: Attributes = []) {
        text += "<" + tag + Self.render(attributes) + "/>\n"
    }

    /// An element holding escaped text.
    mutating func element(_ tag: String, _ attributes: Attributes = [], _ content: String) {
        text += "<" + tag + Self.render(attributes) + ">" + HTMLEscaping.escape(content) + "</" + tag + ">"
    }

    /// An element whose content is built by `body`.
    mutating func wrap(_ tag: String, _ attributes: Attributes = [], _ body: (inout HTMLMarkup) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// Escaped text.
    mutating func write(_ content: String) {
        text += HTMLEscaping.escape(content)
    }

    /// Markup that is already well-formed (fixed strings from this module only).
    mutating func raw(_ markup: String) {
        text += markup
    }

    static func render(_ attributes: Attributes) -> String {
        attributes.map { " \($0.name)=\"\(HTMLEscaping.escape($0.value))\"" }.joined()
    }
}
