/// A gate: events of some types are refused unless every required check holds.
///
/// Gates encode the transition's hard stops ("the ROS may be signed only when every DD item is
/// closed"), with an optional condition (`when`) and a remedy telling the user what to do next.
public struct Gate: Sendable, Hashable, Codable {
    /// Event-type patterns the gate applies to.
    public var on: [String]
    /// When given, the gate applies only while this check holds.
    public var when: Check?
    /// Checks that must all hold for the event to be recorded.
    public var require: [Check]
    /// What to do when the gate refuses an event.
    public var remedy: String?

    /// Creates a gate.
    public init(on: [String], when: Check? = nil, require: [Check], remedy: String? = nil) {
        self.on = on
        self.when = when
        self.require = require
        self.remedy = remedy
    }
}
