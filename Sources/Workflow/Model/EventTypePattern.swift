/// Matching of event types against the patterns roles and rules list.
///
/// Workflows name event types exactly (`ros.signed`), by prefix (`staff.*`, or any text ending in
/// `*`), or all at once (`*`). One matcher keeps the loader, the permission rule and the
/// signature check agreeing on what a pattern means.
public enum EventTypePattern {
    /// Whether `eventType` matches `pattern`: equal, or starting with the text before a final `*`.
    public static func matches(_ pattern: String, _ eventType: String) -> Bool {
        guard pattern.hasSuffix("*") else { return pattern == eventType }
        return eventType.hasPrefix(pattern.dropLast())
    }

    /// Whether `pattern` is well formed: non-empty, with `*` at most once and only at the end.
    public static func isWellFormed(_ pattern: String) -> Bool {
        guard !pattern.isEmpty else { return false }
        let stars = pattern.filter { $0 == "*" }.count
        return stars == 0 || (stars == 1 && pattern.hasSuffix("*"))
    }
}
