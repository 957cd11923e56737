public import TransitionSupport

/// What Monte Carlo risk analysis says about the go-live date: percentiles, the chance of meeting
/// the statutory date and how often each task drives it.
///
/// Reproducible: the same input, iteration count, seed and distribution give an identical value.
public struct RiskAnalysis: Sendable, Hashable {
    public var iterations: Int
    public var seed: UInt64
    public var distribution: EstimateDistribution
    /// Go-live forecast (early start of the go-live milestone) at the 50th, 80th and 95th
    /// percentiles, by the nearest-rank method over all runs.
    public var p50: CivilDate
    public var p80: CivilDate
    public var p95: CivilDate
    /// Share of runs whose go-live early start is on or before the statutory date's point.
    public var probabilityOnTime: Double
    /// Share of runs in which each task is critical (total float at most the critical threshold);
    /// 0 for finished tasks.
    public var criticalityIndex: [String: Double]
    /// Mean over runs of go-live early start minus the statutory point, in working days.
    public var meanSlipDays: Double

    public init(
        iterations: Int, seed: UInt64, distribution: EstimateDistribution,
        p50: CivilDate, p80: CivilDate, p95: CivilDate,
        probabilityOnTime: Double, criticalityIndex: [String: Double], meanSlipDays: Double
    ) {
        self.iterations = iterations
        self.seed = seed
        self.distribution = distribution
        self.p50 = p50
        self.p80 = p80
        self.p95 = p95
        self.probabilityOnTime = probabilityOnTime
        self.criticalityIndex = criticalityIndex
        self.meanSlipDays = meanSlipDays
    }
}
