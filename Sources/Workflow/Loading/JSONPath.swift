import TransitionSupport

/// A path to a value inside a JSON document, such as `tasks[12].relations[0].task`.
///
/// Every workflow problem names the value at fault this way, so a reader can find it without
/// line numbers, and ``JSONLocator`` can turn it into a line and column.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: an object member or an array element.
    public enum Component: Sendable, Hashable {
        /// An object member by key.
        case key(String)
        /// An array element by 0-based index.
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// The document root.
    public static let root = JSONPath([])

    /// Creates a path from its steps.
    public init(_ components: [Component]) {
        self.components = components
    }

    /// This path followed by the member `key`.
    public func member(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// This path followed by the element at `index`.
    public func element(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// The path as text: keys joined by `.`, indices in brackets; keys that are not simple
    /// names are quoted in brackets (`["odd key"]`). The root is the empty string.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if JSONPath.isSimple(key) {
                    text += text.isEmpty ? key : "." + key
                } else {
                    var quoted: [UInt8] = []
                    JSONWriter.writeString(key, into: &quoted)
                    text += "[" + String(decoding: quoted, as: UTF8.self) + "]"
                }
            }
        }
        return text
    }

    /// Parses the text form produced by ``description`` for simple keys (`a.b[2].c`), or returns
    /// `nil` when the text is not of that form.
    public init?(parsing text: String) {
        var components: [Component] = []
        var current = ""
        var characters = text.makeIterator()
        var expectsKey = false  // after a '.', a key must follow
        while let character = characters.next() {
            switch character {
            case ".":
                if !current.isEmpty {
                    components.append(.key(current))
                    current = ""
                } else if components.isEmpty || expectsKey {
                    return nil
                }
                expectsKey = true
            case "[":
                if !current.isEmpty {
                    components.append(.key(current))
                    current = ""
                } else if expectsKey {
                    return nil
                }
                var digits = ""
                while let next = characters.next(), next != "]" { digits.append(next) }
                guard let index = Int(digits), index >= 0 else { return nil }
                components.append(.index(index))
                expectsKey = false
            default:
                current.append(character)
                expectsKey = false
            }
        }
        if !current.isEmpty {
            components.append(.key(current))
        } else if expectsKey {
            return nil
        }
        self.init(components)
    }

    private static func isSimple(_ key: String) -> Bool {
        !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "$")
            }
    }
}
