import Schedule
import Testing
import TransitionSupport

@Suite struct WorkingCalendarTests {
    @Test("points count working days from the first working day on or after the start", arguments: [
        (0, "2022-06-20"), (4, "2022-06-24"), (5, "2022-06-27"), (9, "2022-07-01"), (-1, "2022-06-17"), (-5, "2022-06-13"),
        (260, "2023-06-19"),
    ])
    func pointsToDates(point: Int, expected: String) {
        #expect(june2022.date(ofWorkingDay: point) == day(expected))
        #expect(june2022.startPoint(of: day(expected)) == point)
        #expect(june2022.deadlinePoint(endOf: day(expected)) == point + 1)
    }

    @Test("a weekend start moves point 0 to the Monday; non-working dates round forward for starts and back for deadlines")
    func nonWorkingStart() {
        let calendar = WorkingCalendar(start: day("2022-06-18"))  // Saturday
        #expect(calendar.firstWorkingDay == day("2022-06-20"))
        #expect(calendar.startPoint(of: day("2022-06-18")) == 0)
        #expect(calendar.startPoint(of: day("2022-06-19")) == 0)
        #expect(calendar.deadlinePoint(endOf: day("2022-06-19")) == 0)  // end of Friday 17th = point 0
        #expect(calendar.startPoint(of: day("2022-06-17")) == -1)
        #expect(calendar.deadlinePoint(endOf: day("2022-06-25")) == 5)  // Saturday -> end of Friday 24th
        #expect(calendar.deadlinePoint(endOf: day("2022-06-24")) == 5)
        #expect(!calendar.isWorkingDay(day("2022-06-18")))
        #expect(calendar.isWorkingDay(day("2022-06-20")))
    }

    @Test("bank holidays are skipped both ways")
    func bankHolidays() {
        // Platinum Jubilee: Thursday 2 and Friday 3 June 2022.
        let calendar = WorkingCalendar(start: day("2022-05-30"), holidays: bankHolidays2022)  // Monday, itself not a holiday
        #expect(calendar.date(ofWorkingDay: 2) == day("2022-06-01"))
        #expect(calendar.date(ofWorkingDay: 3) == day("2022-06-06"))
        #expect(calendar.startPoint(of: day("2022-06-02")) == 3)
        #expect(calendar.startPoint(of: day("2022-06-04")) == 3)
        #expect(calendar.deadlinePoint(endOf: day("2022-06-03")) == 3)
        #expect(!calendar.isWorkingDay(day("2022-06-02")))
        #expect(calendar.date(ofWorkingDay: -1) == day("2022-05-27"))  // 30 May is not a holiday in 2022
        #expect(calendar.workingDays(from: day("2022-05-30"), to: day("2022-06-13")) == 8)
    }

    @Test("conversions agree with day-by-day counting", arguments: [
        Set([1, 2, 3, 4, 5]), Set([1, 3, 5]), Set([7]), Set(1...7), Set([2, 3, 4, 5, 6]),
    ])
    func agreesWithNaiveCounting(weekdays: Set<Int>) {
        for start in ["2021-12-25", "2022-06-02", "2023-01-01"] {
            let calendar = WorkingCalendar(start: day(start), workingWeekdays: weekdays, holidays: bankHolidays2022)
            let first = day("2020-11-01")
            let isWorking = { (date: CivilDate) in weekdays.contains(date.isoWeekday) && !bankHolidays2022.contains(date) }
            // Count working days before `start` to find the point of `first`.
            var point = 0
            var cursor = day(start)
            while cursor > first {
                cursor = cursor.adding(days: -1)
                if isWorking(cursor) { point -= 1 }
            }
            for offset in 0..<1200 {
                let date = first.adding(days: offset)
                #expect(calendar.startPoint(of: date) == point)
                #expect(calendar.isWorkingDay(date) == isWorking(date))
                if isWorking(date) {
                    #expect(calendar.date(ofWorkingDay: point) == date)
                    #expect(calendar.deadlinePoint(endOf: date) == point + 1)
                    point += 1
                } else {
                    #expect(calendar.deadlinePoint(endOf: date) == point)
                }
            }
        }
    }

    @Test("far points are computed arithmetically")
    func farPoints() {
        let calendar = WorkingCalendar(start: day("2022-06-20"), holidays: bankHolidays2022)
        for point in [-100_000, -2_000, 2_000, 100_000] {
            let date = calendar.date(ofWorkingDay: point)
            #expect(calendar.isWorkingDay(date))
            #expect(calendar.startPoint(of: date) == point)
        }
    }
}
