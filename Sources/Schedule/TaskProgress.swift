public import TransitionSupport

/// Progress recorded against a task as of the data date; plain values fed in by the application.
///
/// An actual start is the start of its day and an actual finish the end of its day. A milestone
/// with either actual date is finished, at the start of that day (the actual start when both are
/// given). A recorded `remaining` is used only while the task is started and not finished.
public struct TaskProgress: Sendable, Hashable {
    public var actualStart: CivilDate?
    public var actualFinish: CivilDate?
    /// Last recorded remaining duration in working days.
    public var remaining: Int?

    public init(actualStart: CivilDate? = nil, actualFinish: CivilDate? = nil, remaining: Int? = nil) {
        self.actualStart = actualStart
        self.actualFinish = actualFinish
        self.remaining = remaining
    }

    /// Whether anything at all was recorded.
    public var isEmpty: Bool { actualStart == nil && actualFinish == nil && remaining == nil }
}
