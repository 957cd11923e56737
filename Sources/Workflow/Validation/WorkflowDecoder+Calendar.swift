import TransitionSupport

/// The calendar, read first so every other date can be checked against its range.
extension WorkflowDecoder {
    mutating func decodeCalendar(_ root: JSONObject) -> CalendarDefinition? {
        let path = JSONPath.root.member("calendar")
        guard let value = member(root, "calendar", at: .root, required: true),
            let object = object(value, at: path, as: "the calendar")
        else { return nil }
        checkFields(object, at: path, allowed: ["workingDays", "from", "to", "holidays"], in: "the calendar")
        let workingDays = decodeWorkingDays(object, at: path)
        let from = date(object, "from", at: path, required: true)
        let to = date(object, "to", at: path, required: true)
        if let from, let to {
            if from > to {
                report(path.member("to"), "the calendar ends (\(to)) before it starts (\(from)); swap 'from' and 'to'")
            } else {
                calendarRange = from...to
            }
        }
        let holidays =
            list(object, "holidays", at: path, required: false, what: "a holiday") { $0.decodeHoliday($1, at: $2) }
            ?? []
        var seen: Set<CivilDate> = []
        for (index, holiday) in holidays.enumerated() where !seen.insert(holiday.date).inserted {
            report(
                path.member("holidays").element(index).member("date"),
                "holiday \(holiday.date) is listed twice; remove one")
        }
        guard let workingDays, let from, let to, calendarRange != nil else { return nil }
        return CalendarDefinition(workingDays: workingDays, from: from, to: to, holidays: holidays)
    }

    private mutating func decodeWorkingDays(_ object: JSONObject, at path: JSONPath) -> Set<Int>? {
        guard let names = strings(object, "workingDays", at: path, required: true) else { return nil }
        guard !names.isEmpty else {
            report(path.member("workingDays"), "'workingDays' must list at least one day, such as \"Mon\"")
            return nil
        }
        var days: Set<Int> = []
        var isValid = true
        for (name, namePath) in names {
            guard let position = CalendarDefinition.dayNames.firstIndex(of: name) else {
                let prefix = String(name.prefix(3)).lowercased()
                let suggestion =
                    CalendarDefinition.dayNames.first { $0.lowercased() == prefix }
                    ?? Suggestion.closest(to: name, in: CalendarDefinition.dayNames)
                report(
                    namePath, "unknown day '\(name)'; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", suggestion: suggestion)
                isValid = false
                continue
            }
            if !days.insert(position + 1).inserted {
                report(namePath, "'\(name)' is listed twice; remove one")
                isValid = false
            }
        }
        return isValid ? days : nil
    }

    private mutating func decodeHoliday(_ object: JSONObject, at path: JSONPath) -> CalendarDefinition.Holiday? {
        checkFields(object, at: path, allowed: ["date", "name"], in: "a holiday")
        let date = date(object, "date", at: path, required: true)
        let name = string(object, "name", at: path)
        guard let date, let name else { return nil }
        return CalendarDefinition.Holiday(date: date, name: name)
    }
}
