#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

/// Who wrote an event at the operating-system level: user name, host and tool version.
///
/// A typed `--as` / `--role` is a claim; the OS account and host are what the machine knew. Both are
/// recorded on every event so auditors can compare them.
public struct SystemIdentity: Sendable, Hashable {
    public static let toolVersion = "transition 0.1.0"

    public var user: String
    public var host: String
    public var tool: String

    public init(user: String, host: String, tool: String = SystemIdentity.toolVersion) {
        self.user = user
        self.host = host
        self.tool = tool
    }

    /// The identity of the current process.
    public static func current() -> SystemIdentity {
        var user = "uid-\(getuid())"
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            user = String(cString: name)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        var host = "unknown-host"
        if gethostname(&buffer, buffer.count - 1) == 0 {
            host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return SystemIdentity(user: user, host: host)
    }

    public var json: JSONObject {
        ["user": .string(user), "host": .string(host), "tool": .string(tool)]
    }
}
