internal import Foundation

/// Draws durations for one three-point estimate, with the distribution's constants precomputed.
struct EstimateSampler: Sendable {
    let optimistic: Double
    let mostLikely: Double
    let pessimistic: Double
    let distribution: EstimateDistribution
    private let range: Double
    private let modeShare: Double
    private let alpha: GammaShape
    private let beta: GammaShape

    init(_ estimate: ThreePointEstimate, distribution: EstimateDistribution) {
        optimistic = Double(estimate.optimistic)
        mostLikely = Double(estimate.mostLikely)
        pessimistic = Double(estimate.pessimistic)
        self.distribution = distribution
        range = pessimistic - optimistic
        let share = range > 0 ? (mostLikely - optimistic) / range : 0.5
        modeShare = share
        alpha = GammaShape(1 + 4 * share)
        beta = GammaShape(1 + 4 * (1 - share))
    }

    /// One draw in `[optimistic, pessimistic]`.
    func sample(_ generator: inout Xoshiro256StarStar) -> Double {
        guard range > 0 else { return mostLikely }
        switch distribution {
        case .pert:
            let x = alpha.sample(&generator)
            let y = beta.sample(&generator)
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

/// Marsaglia and Tsang's Gamma(shape, 1) sampler for `shape >= 1`.
private struct GammaShape: Sendable {
    let d: Double
    let c: Double

    init(_ shape: Double) {
        d = shape - 1.0 / 3.0
        c = 1.0 / (9.0 * d).squareRoot()
    }

    func sample(_ generator: inout Xoshiro256StarStar) -> Double {
        while true {
            var x = 0.0
            var v = 0.0
            repeat {
                x = standardNormal(&generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextUnitInterval()
            let squared = x * x
            if u < 1 - 0.0331 * squared * squared { return d * v }
            if u > 0, log(u) < 0.5 * squared + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Box–Muller (one of the pair).
    private func standardNormal(_ generator: inout Xoshiro256StarStar) -> Double {
        let u1 = 1 - generator.nextUnitInterval()
        let u2 = generator.nextUnitInterval()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
