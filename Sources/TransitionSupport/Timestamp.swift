#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A UTC instant with millisecond precision: when an event was recorded.
///
/// Stored as whole milliseconds since 1970 so comparisons and replays are exact and independent of
/// the host's time zone, and written as `2022-05-16T09:30:00.000Z` in the log.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// The current time from the system clock (`CLOCK_REALTIME`).
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// Midnight UTC at the start of `date`.
    public init(startOf date: CivilDate) {
        millisecondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400_000
    }

    /// The last millisecond of `date` in UTC, so that "as of 2022-05-16" includes all of that day.
    public init(endOf date: CivilDate) {
        millisecondsSinceEpoch = Int64(date.daysSinceEpoch + 1) * 86_400_000 - 1
    }

    /// The UTC calendar date of this instant.
    public var date: CivilDate {
        let days = millisecondsSinceEpoch >= 0
            ? millisecondsSinceEpoch / 86_400_000
            : (millisecondsSinceEpoch - 86_399_999) / 86_400_000
        return CivilDate(daysSinceEpoch: Int(days))
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public var description: String {
        let days = date.daysSinceEpoch
        let withinDay = millisecondsSinceEpoch - Int64(days) * 86_400_000
        let hours = withinDay / 3_600_000
        let minutes = withinDay / 60_000 % 60
        let seconds = withinDay / 1000 % 60
        let millis = withinDay % 1000
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(date)T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`.
    ///
    /// A bare date is not accepted here; callers decide whether a date means its start or its end.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let date = CivilDate(iso8601: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        var index = 11
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
                index += 1
            }
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
            index += 1
            return true
        }
        guard let hour = digits(2), hour < 24, expect(":"), let minute = digits(2), minute < 60 else { return nil }
        var second = 0
        var millis = 0
        if expect(":") {
            guard let value = digits(2), value < 60 else { return nil }
            second = value
            if expect(".") {
                var scale = 100
                var count = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    millis += Int(bytes[index] - 48) * scale
                    scale /= 10
                    count += 1
                    index += 1
                }
                guard count > 0 else { return nil }
            }
        }
        var offsetMinutes = 0
        if expect("Z") {
            offsetMinutes = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = digits(2), expect(":"), let offsetMins = digits(2) else { return nil }
            offsetMinutes = sign * (offsetHours * 60 + offsetMins)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let total = Int64(date.daysSinceEpoch) * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
            + Int64(second) * 1000 + Int64(millis) - Int64(offsetMinutes) * 60_000
        millisecondsSinceEpoch = total
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}
