import TransitionSupport

/// The working-day calendar the schedule counts in, and the range every date must fall in.
///
/// Durations and lags are in working days, so the calendar is part of the plan: which weekdays
/// are worked, which bank holidays are not, and the window outside which a date is a typo.
public struct CalendarDefinition: Sendable, Hashable, Codable {
    /// A named non-working day.
    public struct Holiday: Sendable, Hashable, Codable {
        /// The day not worked.
        public var date: CivilDate
        /// Its name, such as "Platinum Jubilee bank holiday".
        public var name: String

        /// Creates a holiday.
        public init(date: CivilDate, name: String) {
            self.date = date
            self.name = name
        }
    }

    /// The ISO weekdays worked: 1 = Monday ... 7 = Sunday.
    public var workingDays: Set<Int>
    /// The first day of the calendar's range.
    public var from: CivilDate
    /// The last day of the calendar's range.
    public var to: CivilDate
    /// Non-working days inside the range, in file order.
    public var holidays: [Holiday]

    /// The three-letter day names used in workflow files, indexed by ISO weekday - 1.
    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Creates a calendar.
    public init(workingDays: Set<Int>, from: CivilDate, to: CivilDate, holidays: [Holiday] = []) {
        self.workingDays = workingDays
        self.from = from
        self.to = to
        self.holidays = holidays
    }

    /// Whether `date` lies within `from...to`.
    public func contains(_ date: CivilDate) -> Bool {
        from <= date && date <= to
    }

    /// Whether `date` is a working day: a listed weekday that is not a holiday. O(holidays).
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        workingDays.contains(date.isoWeekday) && !holidays.contains { $0.date == date }
    }
}
