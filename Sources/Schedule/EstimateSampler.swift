/// Draws durations for one three-point estimate, with the distribution's constants precomputed.
struct EstimateSampler: Sendable {
    let optimistic: Double
    let mostLikely: Double
    let pessimistic: Double
    let distribution: EstimateDistribution
    private let range: Double
    private let modeShare: Double
    private let alpha: GammaSampler
    private let beta: GammaSampler
    private let normal: NormalSampler

    init(_ estimate: ThreePointEstimate, distribution: EstimateDistribution) {
        optimistic = Double(estimate.optimistic)
        mostLikely = Double(estimate.mostLikely)
        pessimistic = Double(estimate.pessimistic)
        self.distribution = distribution
        range = pessimistic - optimistic
        let share = range > 0 ? (mostLikely - optimistic) / range : 0.5
        modeShare = share
        alpha = GammaSampler(shape: 1 + 4 * share)
        beta = GammaSampler(shape: 1 + 4 * (1 - share))
        normal = NormalSampler.shared
    }

    /// One draw in `[optimistic, pessimistic]`.
    @inline(__always)
    func sample(_ generator: inout Xoshiro256StarStar) -> Double {
        guard range > 0 else { return mostLikely }
        switch distribution {
        case .pert:
            let x = alpha.sample(&generator, normal: normal)
            let y = beta.sample(&generator, normal: normal)
            let total = x + y
            let fraction = total > 0 ? x / total : modeShare
            return optimistic + range * fraction
        case .triangular:
            let u = generator.nextUnitInterval()
            if u < modeShare {
                return optimistic + (u * range * (mostLikely - optimistic)).squareRoot()
            }
            return pessimistic - ((1 - u) * range * (pessimistic - mostLikely)).squareRoot()
        }
    }
}
