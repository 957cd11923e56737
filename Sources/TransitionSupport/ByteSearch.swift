/// Finds a byte pattern inside a buffer (glibc's `memmem` is not exported to Swift on Linux).
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`. O(n·m) worst case, fast in practice: it skips to
    /// candidates of the needle's first byte.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let count = needle.count
        guard haystack.count >= count else { return false }
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            index += 1
        }
        return false
    }
}
