import TransitionSupport

/// Reads constraint dates as UK spreadsheets write them: `2022-03-31` or `31/03/2022`.
///
/// MS Project writes `NA` for "no constraint" and may add a time of day; both are accepted.
/// Two-digit years and US month-first dates that cannot be real are refused, so that a date is
/// never silently misread.
enum SpreadsheetDate {
    /// `nil` for an empty or `NA` cell; otherwise the date or why it cannot be read.
    static func parse(_ text: String) -> Result<CivilDate, DurationFailure>? {
        var body = text.trimmingSpaces
        if body.isEmpty || ["na", "n/a"].contains(body.lowercased()) { return nil }
        // Drop a trailing time of day ("31/03/2022 17:00").
        let parts = body.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2, parts[1].contains(":"), parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }) {
            body = String(parts[0])
        }
        if let date = CivilDate(iso8601: body) { return .success(date) }
        let fields = body.split(separator: "/", omittingEmptySubsequences: false)
        guard fields.count == 3,
            fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(fields[0]), let month = Int(fields[1]), let year = Int(fields[2])
        else {
            return .failure(DurationFailure("'\(text)' is not a date; write YYYY-MM-DD or DD/MM/YYYY"))
        }
        guard fields[2].count == 4 else {
            return .failure(DurationFailure("'\(text)' has a two-digit year; write the year in full (DD/MM/YYYY)"))
        }
        guard fields[0].count <= 2, fields[1].count <= 2, let date = CivilDate(year: year, month: month, day: day)
        else {
            return .failure(DurationFailure("'\(text)' is not a real date (read as day/month/year)"))
        }
        return .success(date)
    }
}
