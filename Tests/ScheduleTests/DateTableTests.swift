@testable import Schedule
import Testing
import TransitionSupport

@Suite struct DateTableTests {
    static let calendars: [WorkingCalendar] = [
        june2022,
        WorkingCalendar(start: day("2021-12-25"), holidays: bankHolidays2022),
        WorkingCalendar(start: day("2024-02-24"), workingWeekdays: [1, 3, 6], holidays: [day("2024-02-26"), day("2024-03-02")]),
        WorkingCalendar(start: day("1999-12-30"), workingWeekdays: [1, 2, 3, 4, 5, 6, 7]),
    ]

    @Test("stepping through working days gives the dates converted one by one", arguments: calendars)
    func steppedDates(calendar: WorkingCalendar) {
        let points = -300 ... 900
        let dates = calendar.dates(ofWorkingDays: points)
        #expect(dates == points.map { calendar.date(ofWorkingDay: $0) })
        #expect(calendar.dates(ofWorkingDays: 7 ... 7) == [calendar.date(ofWorkingDay: 7)])
    }

    @Test("a table answers inside its range and converts outside it")
    func table() {
        let calendar = Self.calendars[1]
        let table = DateTable(calendar: calendar, from: -10, through: 40, limit: 100)
        for point in [-500, -11, -10, 0, 17, 40, 41, 10_000, 1_000_000] {
            #expect(table.date(point) == calendar.date(ofWorkingDay: point))
        }
        let untabulated = DateTable(calendar: calendar, from: 0, through: 1_000, limit: 100)
        #expect(untabulated.date(500) == calendar.date(ofWorkingDay: 500))
    }
}
