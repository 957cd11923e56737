import TransitionSupport

extension WorkingCalendar {
    /// The dates of working days `points`, in order: `date(ofWorkingDay:)` for each, computed by
    /// stepping from one working day's date to the next instead of converting each from scratch.
    /// O(number of calendar days spanned).
    func dates(ofWorkingDays points: ClosedRange<Int>) -> [CivilDate] {
        var dates: [CivilDate] = []
        dates.reserveCapacity(points.count)
        var epochDay = epochDay(ofWorkingDay: points.lowerBound)
        let first = CivilDate(daysSinceEpoch: epochDay)
        dates.append(first)
        var (year, month, day) = (first.year, first.month, first.day)
        var monthLength = CivilDate.daysInMonth(year: year, month: month)
        for point in points.dropFirst() {
            let next = self.epochDay(ofWorkingDay: point)
            day += next - epochDay
            epochDay = next
            while day > monthLength {
                day -= monthLength
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
                monthLength = CivilDate.daysInMonth(year: year, month: month)
            }
            dates.append(CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: next))
        }
        return dates
    }
}

/// Dates of a range of points, tabulated once so that building a schedule's many dates costs a
/// look-up each; points outside the range are converted directly.
struct DateTable {
    let calendar: WorkingCalendar
    private let first: Int
    private let dates: [CivilDate]

    /// Tabulates `low ... high` when it spans at most `limit` points; otherwise tabulates nothing.
    init(calendar: WorkingCalendar, from low: Int, through high: Int, limit: Int) {
        self.calendar = calendar
        first = low
        let (span, overflow) = high.subtractingReportingOverflow(low)
        dates = low <= high && !overflow && span < limit ? calendar.dates(ofWorkingDays: low ... high) : []
    }

    /// The date of working day `point`, as ``WorkingCalendar/date(ofWorkingDay:)``.
    func date(_ point: Int) -> CivilDate {
        let (offset, overflow) = point.subtractingReportingOverflow(first)
        if !overflow, offset >= 0, offset < dates.count { return dates[offset] }
        return calendar.date(ofWorkingDay: point)
    }
}
