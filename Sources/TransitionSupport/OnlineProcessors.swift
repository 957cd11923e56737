#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many processors are online: the one place parallel readers and decoders ask how wide to split.
public enum OnlineProcessors {
    /// Online processors, at least 1.
    public static let count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Online processors, at least 1 and at most `limit`.
    public static func count(upTo limit: Int) -> Int { min(limit, count) }
}
