public import TransitionSupport

/// One task's computed dates and float: a row of the schedule shown to people.
///
/// Early and late dates are points (see ``WorkingCalendar``). For every unfinished task
/// `totalFloat = lateStart - earlyStart = lateFinish - earlyFinish` and
/// `lateFinish - lateStart = earlyFinish - earlyStart`. A finished task has late dates equal to its
/// actual dates and no float.
public struct ScheduledTask: Sendable, Hashable {
    public var id: String
    public var name: String
    public var workstream: String?
    /// Planned duration in working days, as given.
    public var duration: Int
    public var isMilestone: Bool
    public var earlyStart: Int
    public var earlyFinish: Int
    public var lateStart: Int
    public var lateFinish: Int
    /// `nil` for a finished task.
    public var totalFloat: Int?
    /// `nil` for a finished task; may be negative for an open end.
    public var freeFloat: Int?
    /// Remaining working days used for a started, unfinished task; otherwise `nil`.
    public var remaining: Int?
    public var isCritical: Bool
    public var isNearCritical: Bool
    public var isFinished: Bool
    /// Whether an actual start (or, for a milestone, any actual date) was recorded.
    public var isStarted: Bool
    /// Date of working day `earlyStart`.
    public var startDate: CivilDate
    /// Date of working day `earlyFinish - 1`; the start date when the task spans no working day.
    public var finishDate: CivilDate
    /// Date of working day `lateStart`.
    public var lateStartDate: CivilDate
    /// Date of working day `lateFinish - 1`; the late start date when the task spans no working day.
    public var lateFinishDate: CivilDate

    public init(
        id: String, name: String, workstream: String?, duration: Int, isMilestone: Bool,
        earlyStart: Int, earlyFinish: Int, lateStart: Int, lateFinish: Int,
        totalFloat: Int?, freeFloat: Int?, remaining: Int?,
        isCritical: Bool, isNearCritical: Bool, isFinished: Bool, isStarted: Bool,
        startDate: CivilDate, finishDate: CivilDate, lateStartDate: CivilDate, lateFinishDate: CivilDate
    ) {
        self.id = id
        self.name = name
        self.workstream = workstream
        self.duration = duration
        self.isMilestone = isMilestone
        self.earlyStart = earlyStart
        self.earlyFinish = earlyFinish
        self.lateStart = lateStart
        self.lateFinish = lateFinish
        self.totalFloat = totalFloat
        self.freeFloat = freeFloat
        self.remaining = remaining
        self.isCritical = isCritical
        self.isNearCritical = isNearCritical
        self.isFinished = isFinished
        self.isStarted = isStarted
        self.startDate = startDate
        self.finishDate = finishDate
        self.lateStartDate = lateStartDate
        self.lateFinishDate = lateFinishDate
    }

    /// Shorthand for `earlyStart`.
    public var es: Int { earlyStart }
    /// Shorthand for `earlyFinish`.
    public var ef: Int { earlyFinish }
    /// Shorthand for `lateStart`.
    public var ls: Int { lateStart }
    /// Shorthand for `lateFinish`.
    public var lf: Int { lateFinish }
}
