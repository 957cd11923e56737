import TransitionSupport

/// Finds where a value (or a member's key) sits in JSON source text, by ``JSONPath``.
///
/// The parser keeps no positions in its values, so problems found after parsing are located by
/// re-scanning the text once into a map of offsets. The scan is tolerant: on text that is not
/// valid JSON it keeps whatever it understood and never traps. Building is O(n) in bytes; each
/// lookup is O(depth × members) plus a binary search for the line.
public struct JSONLocator: Sendable {
    private let root: LocatedNode?
    private let lineStarts: [Int]

    /// Scans `bytes` (UTF-8 JSON text).
    public init(bytes: [UInt8]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        lineStarts = starts
        var scanner = LocatorScanner(bytes: bytes)
        root = scanner.scanDocument()
    }

    /// Locates `path` in `bytes` in one go; see ``location(of:atKey:)``.
    public static func locate(_ path: JSONPath, in bytes: [UInt8], atKey: Bool = false) -> TextPosition? {
        JSONLocator(bytes: bytes).location(of: path, atKey: atKey)
    }

    /// The start of the value at `path` or, with `atKey`, of the key naming it when it is an
    /// object member.
    ///
    /// When the path does not exist in full (a missing field), this is the location of the
    /// deepest value on the path that does exist, so a "missing field" problem points at the
    /// object that lacks it. Returns `nil` only when the text holds no value at all.
    public func location(of path: JSONPath, atKey: Bool = false) -> TextPosition? {
        guard var node = root else { return nil }
        var offset = node.offset
        for component in path.components {
            guard let child = node.child(component) else { return self.location(ofOffset: offset) }
            node = child
            offset = node.offset
        }
        if atKey, let keyOffset = node.keyOffset { offset = keyOffset }
        return location(ofOffset: offset)
    }

    /// The line and column of a byte offset.
    public func location(ofOffset offset: Int) -> TextPosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return TextPosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }
}

/// A scanned value: where it starts, where its key starts, and its children.
struct LocatedNode: Sendable {
    var offset: Int
    var keyOffset: Int?
    var members: [(key: String, node: LocatedNode)] = []
    var elements: [LocatedNode] = []

    func child(_ component: JSONPath.Component) -> LocatedNode? {
        switch component {
        case .index(let index):
            return index >= 0 && index < elements.count ? elements[index] : nil
        case .key(let key):
            return members.first { $0.key == key }?.node
        }
    }
}

/// The tolerant scanner behind ``JSONLocator``: recursive descent with a depth limit.
struct LocatorScanner {
    private let bytes: [UInt8]
    private var index = 0
    private static let maximumDepth = JSONParser.maximumDepth + 8

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scanDocument() -> LocatedNode? {
        skipWhitespace()
        return scanValue(depth: 0)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func scanValue(depth: Int) -> LocatedNode? {
        guard index < bytes.count, depth <= LocatorScanner.maximumDepth else { return nil }
        var node = LocatedNode(offset: index)
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            scanObject(into: &node, depth: depth)
        case UInt8(ascii: "["):
            index += 1
            scanArray(into: &node, depth: depth)
        case UInt8(ascii: "\""):
            _ = scanString()
        default:
            skipScalar()
        }
        return node
    }

    private mutating func scanObject(into node: inout LocatedNode, depth: Int) {
        while true {
            skipWhitespace()
            guard index < bytes.count else { return }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "\"") else { return }
            let keyOffset = index
            guard let key = scanString() else { return }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return }
            index += 1
            skipWhitespace()
            guard var child = scanValue(depth: depth + 1) else { return }
            child.keyOffset = keyOffset
            node.members.append((key, child))
        }
    }

    private mutating func scanArray(into node: inout LocatedNode, depth: Int) {
        while true {
            skipWhitespace()
            guard index < bytes.count else { return }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            let before = index
            guard let child = scanValue(depth: depth + 1) else { return }
            node.elements.append(child)
            if index == before { return }
        }
    }

    /// Reads a string starting at its opening quote; decodes escapes through the strict parser.
    private mutating func scanString() -> String? {
        let start = index
        index += 1
        var hasEscape = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                index += 2
                continue
            }
            index += 1
            if byte == UInt8(ascii: "\"") {
                let end = min(index, bytes.count)
                if !hasEscape, start + 1 <= end - 1 {
                    return String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self)
                }
                return (try? JSONParser.parse(bytes[start..<end]))?.stringValue
            }
        }
        index = bytes.count
        return nil
    }

    private mutating func skipScalar() {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                if index == start { index += 1 }
                return
            default:
                index += 1
            }
        }
    }
}
