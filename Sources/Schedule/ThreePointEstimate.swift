/// Optimistic, most likely and pessimistic durations (working days) for risk analysis.
///
/// Valid when `0 <= optimistic <= mostLikely <= pessimistic`; the scheduler refuses anything else.
public struct ThreePointEstimate: Sendable, Hashable {
    public var optimistic: Int
    public var mostLikely: Int
    public var pessimistic: Int

    public init(optimistic: Int, mostLikely: Int, pessimistic: Int) {
        self.optimistic = optimistic
        self.mostLikely = mostLikely
        self.pessimistic = pessimistic
    }

    /// Whether `0 <= optimistic <= mostLikely <= pessimistic`.
    public var isValid: Bool { 0 <= optimistic && optimistic <= mostLikely && mostLikely <= pessimistic }
}
