/// Reads durations and lags as spreadsheet exports write them: `5`, `5d`, `5 days`, `2 wks`.
///
/// MS Project, Smartsheet and Excel each spell durations differently; this accepts the working-day
/// and working-week spellings (a week is 5 working days) and refuses elapsed time, hours, months,
/// fractions and percentages with a reason, since Transition schedules in whole working days.
enum SpreadsheetDuration {
    /// The longest duration accepted, in working days (about 400 years): keeps arithmetic safe.
    static let maximum = 100_000

    /// The number of working days `text` stands for (`0` or more), or why it cannot be read.
    static func parse(_ text: String) -> Result<Int, DurationFailure> {
        var body = Substring(text.trimmingSpaces.lowercased())
        if body.hasSuffix("?") { body = body.dropLast() }  // MS Project's "estimated" marker
        guard !body.isEmpty else { return .failure(DurationFailure("no value; give working days, such as 5d")) }
        if body.hasPrefix("-") {
            return .failure(DurationFailure("'\(text)' is negative; a duration is 0 or more working days"))
        }
        let digits = body.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = String(body.dropFirst(digits.count)).trimmingSpaces
        guard !digits.isEmpty else {
            return .failure(DurationFailure("'\(text)' is not a duration; write working days such as 5, 5d or 5 days"))
        }
        guard let amount = wholeNumber(digits) else {
            return .failure(DurationFailure("'\(text)' is not a whole number of working days; round it"))
        }
        let multiplier: Int
        switch unit {
        case "", "d", "dy", "dys", "day", "days": multiplier = 1
        case "w", "wk", "wks", "week", "weeks": multiplier = 5
        case "ed", "eday", "edays", "ew", "ewk", "ewks", "eweek", "eweeks", "emo", "emon", "emons", "eh", "ehr", "ehrs":
            return .failure(DurationFailure("'\(text)' is elapsed time; give working days (d) or weeks (w)"))
        case "%":
            return .failure(DurationFailure("'\(text)' is a percentage; give working days (d) or weeks (w)"))
        case "h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "mo", "mon", "mons",
            "month", "months":
            return .failure(DurationFailure("'\(text)' is not in days or weeks; give working days (d) or weeks (w)"))
        default:
            return .failure(DurationFailure("'\(text)' has an unknown unit '\(unit)'; use d (days) or w (weeks)"))
        }
        let (days, overflow) = amount.multipliedReportingOverflow(by: multiplier)
        guard !overflow, days <= maximum else {
            return .failure(DurationFailure("'\(text)' is longer than \(maximum) working days"))
        }
        return .success(days)
    }

    /// A lag such as `+3d`, `-1 day` or `3` (a lead is negative).
    static func parseLag(_ text: String) -> Result<Int, DurationFailure> {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("-") {
            return parse(String(trimmed.dropFirst())).map { -$0 }
        }
        return parse(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed)
    }

    /// `12` or `12.0`; `nil` for `12.5`, empty text, several points, or overflow.
    private static func wholeNumber(_ digits: Substring) -> Int? {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, let value = Int(whole) else { return nil }
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        }
        return value
    }
}

/// Why a duration could not be read: a phrase that completes "Duration …".
struct DurationFailure: Error, Sendable, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension String {
    /// The text without leading or trailing white space.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
