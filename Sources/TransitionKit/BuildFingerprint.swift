#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies the running build, so that caches written by one build of Transition are not read by
/// another whose projections might fold the same events differently.
///
/// On Linux it is the size and modification time of `/proc/self/exe`: rebuilding or upgrading the
/// program changes it. Elsewhere it is a fixed string, and the snapshot format number alone guards.
enum BuildFingerprint {
    static let current: String = {
        #if os(Linux)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            return "exe-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        #endif
        return "build-unknown"
    }()
}
