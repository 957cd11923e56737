public import TransitionSupport

/// The working-day calendar that turns civil dates into schedule points and back.
///
/// Durations, lags and float are counted in working days, so the scheduler never sees dates:
/// point `p` is the start of the `p`-th working day counted from the programme start (point 0 is
/// the first working day on or after `start`), and point `p + 1` is also the end of working day `p`.
///
/// Every conversion is O(1) or O(log h) in the number of holidays `h`: working days outside the
/// span of the holidays follow the weekly pattern arithmetically, and the working days inside that
/// span are tabulated once at initialisation (memory proportional to the span of the holidays).
public struct WorkingCalendar: Sendable, Hashable {
    /// The programme start date (it need not be a working day).
    public let start: CivilDate
    /// ISO weekdays that are worked: 1 = Monday ... 7 = Sunday.
    public let workingWeekdays: Set<Int>
    /// Dates that are not worked even when their weekday is.
    public let holidays: Set<CivilDate>

    /// Epoch day of a Monday (1970-01-05), the origin of the weekly pattern.
    private static let mondayOrigin = 4

    private let isPatternWorking: [Bool]
    /// `weekPrefix[r]`: working weekdays among the first `r` days of a Monday-based week.
    private let weekPrefix: [Int]
    /// Offsets from Monday of the working weekdays, ascending.
    private let workingOffsets: [Int]
    /// Epoch days of holidays that fall on a working weekday, ascending.
    private let holidayDays: [Int]
    /// Epoch days of every working day between the first and last holiday.
    private let spanTable: [Int]
    /// Cumulative working-day count at the first holiday.
    private let spanBase: Int
    /// Cumulative working-day count at `start`, so points are relative to it.
    private let origin: Int

    /// Creates a calendar.
    /// - Parameters:
    ///   - start: the programme start; point 0 is the first working day on or after it.
    ///   - workingWeekdays: ISO weekdays worked (1 = Monday ... 7 = Sunday); values outside 1...7
    ///     are ignored.
    ///   - holidays: dates not worked.
    /// - Precondition: at least one weekday in 1...7 is worked.
    public init(start: CivilDate, workingWeekdays: Set<Int> = [1, 2, 3, 4, 5], holidays: Set<CivilDate> = []) {
        let weekdays = workingWeekdays.filter { (1...7).contains($0) }
        precondition(!weekdays.isEmpty, "a working calendar needs at least one working weekday (1 = Monday ... 7 = Sunday)")
        self.start = start
        self.workingWeekdays = weekdays
        self.holidays = holidays

        let pattern = (1...7).map { weekdays.contains($0) }
        var prefix = [0]
        for isWorking in pattern { prefix.append(prefix[prefix.count - 1] + (isWorking ? 1 : 0)) }
        isPatternWorking = pattern
        weekPrefix = prefix
        workingOffsets = (0..<7).filter { pattern[$0] }
        holidayDays = holidays.filter { pattern[$0.isoWeekday - 1] }.map(\.daysSinceEpoch).sorted()
        let offDays = holidayDays
        var table: [Int] = []
        var base = 0
        if let first = offDays.first, let last = offDays.last {
            var index = 0
            for day in first...last {
                if index < offDays.count, offDays[index] == day {
                    index += 1
                } else if pattern[Self.weekdayOffset(of: day)] {
                    table.append(day)
                }
            }
            base = Self.cumulativeCount(before: first, weekPrefix: prefix, holidayDays: offDays)
        }
        spanTable = table
        spanBase = base
        origin = Self.cumulativeCount(before: start.daysSinceEpoch, weekPrefix: prefix, holidayDays: offDays)
    }

    /// Whether `date` is worked: its weekday is a working weekday and it is not a holiday.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        isPatternWorking[date.isoWeekday - 1] && !holidays.contains(date)
    }

    /// The first working day on or after `start`: the date of point 0.
    public var firstWorkingDay: CivilDate { date(ofWorkingDay: 0) }

    /// The date of working day `point` (which may be negative, before the start).
    ///
    /// O(1): arithmetic outside the span of the holidays, a table look-up inside it.
    public func date(ofWorkingDay point: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: epochDay(ofWorkingDay: point))
    }

    /// The epoch day (days since 1970-01-01) of working day `point`. O(1).
    func epochDay(ofWorkingDay point: Int) -> Int {
        let target = origin + point
        guard let firstHoliday = holidayDays.first, let lastHoliday = holidayDays.last else {
            return patternDay(withCount: target)
        }
        let beforeHolidays = patternDay(withCount: target)
        if beforeHolidays < firstHoliday { return beforeHolidays }
        let afterHolidays = patternDay(withCount: target + holidayDays.count)
        if afterHolidays > lastHoliday { return afterHolidays }
        return spanTable[target - spanBase]
    }

    /// The point at the start of `date`'s working day; a non-working date moves to the next
    /// working day. O(log h).
    public func startPoint(of date: CivilDate) -> Int {
        cumulativeCount(before: date.daysSinceEpoch) - origin
    }

    /// The point at the end of `date`'s working day; a non-working date moves back to the end of
    /// the previous working day. Used for deadlines and actual finishes. O(log h).
    public func deadlinePoint(endOf date: CivilDate) -> Int {
        cumulativeCount(before: date.daysSinceEpoch + 1) - origin
    }

    /// Working days in `[from, to)` (negative when `to` is earlier).
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        startPoint(of: to) - startPoint(of: from)
    }

    public static func == (lhs: WorkingCalendar, rhs: WorkingCalendar) -> Bool {
        lhs.start == rhs.start && lhs.workingWeekdays == rhs.workingWeekdays && lhs.holidays == rhs.holidays
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(workingWeekdays)
        hasher.combine(holidays)
    }

    // MARK: - Counting

    /// Signed count of working days before epoch day `day`, relative to a fixed Monday origin.
    /// It rises by one across each working day, so differences count working days.
    private func cumulativeCount(before day: Int) -> Int {
        Self.cumulativeCount(before: day, weekPrefix: weekPrefix, holidayDays: holidayDays)
    }

    private static func cumulativeCount(before day: Int, weekPrefix: [Int], holidayDays: [Int]) -> Int {
        let (weeks, remainder) = floorDivision(day - mondayOrigin, 7)
        return weeks * weekPrefix[7] + weekPrefix[remainder] - holidaysBefore(day, in: holidayDays)
    }

    /// The pattern-working epoch day with `count` pattern-working days before it.
    private func patternDay(withCount count: Int) -> Int {
        let (weeks, remainder) = Self.floorDivision(count, workingOffsets.count)
        return Self.mondayOrigin + 7 * weeks + workingOffsets[remainder]
    }

    private static func holidaysBefore(_ day: Int, in holidayDays: [Int]) -> Int {
        var low = 0
        var high = holidayDays.count
        while low < high {
            let middle = (low + high) / 2
            if holidayDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func weekdayOffset(of day: Int) -> Int {
        floorDivision(day - mondayOrigin, 7).remainder
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }
}
