import TransitionSupport

/// The programme a workflow describes: its identity, key dates and float thresholds.
///
/// Every schedule and report hangs off these few values: the start fixes point 0 of the
/// working-day calendar, the statutory date closes open ends of the network, and the go-live
/// milestone is the task whose float the board watches.
public struct Programme: Sendable, Hashable, Codable {
    /// The programme's id, such as `bob-ccg-to-icb-2022`.
    public var id: String
    /// A title for people.
    public var title: String
    /// The first day of the programme; point 0 is the first working day on or after it.
    public var start: CivilDate
    /// The statutory go-live date (Day 1).
    public var statutoryDate: CivilDate
    /// The id of the task (a milestone) that marks go-live.
    public var goLiveMilestone: String
    /// When shadow operation starts, if the programme has one.
    public var shadowFrom: CivilDate?
    /// A task is near-critical when not critical and its total float is at most this many days.
    public var nearCriticalDays: Int
    /// A task is critical when its total float is at most this many days.
    public var criticalFloatDays: Int
    /// Free text for people.
    public var description: String?

    /// The default for ``nearCriticalDays`` when a workflow omits it.
    public static let defaultNearCriticalDays = 10
    /// The default for ``criticalFloatDays`` when a workflow omits it.
    public static let defaultCriticalFloatDays = 0

    /// Creates a programme; thresholds default to the contract's defaults.
    public init(
        id: String, title: String, start: CivilDate, statutoryDate: CivilDate, goLiveMilestone: String,
        shadowFrom: CivilDate? = nil, nearCriticalDays: Int = Programme.defaultNearCriticalDays,
        criticalFloatDays: Int = Programme.defaultCriticalFloatDays, description: String? = nil
    ) {
        self.id = id
        self.title = title
        self.start = start
        self.statutoryDate = statutoryDate
        self.goLiveMilestone = goLiveMilestone
        self.shadowFrom = shadowFrom
        self.nearCriticalDays = nearCriticalDays
        self.criticalFloatDays = criticalFloatDays
        self.description = description
    }
}
