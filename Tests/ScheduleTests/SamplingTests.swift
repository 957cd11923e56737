@testable import Schedule
import Foundation
import Testing

/// The pieces Monte Carlo draws with: the incomplete beta function, the alias tables, the exact
/// distribution of rounded outcomes, ziggurat normals and rounding.
@Suite struct SamplingTests {
    @Test("the incomplete beta function meets its closed forms")
    func incompleteBeta() {
        for x in stride(from: 0.0, through: 1.0, by: 0.03125) {
            #expect(abs(IncompleteBeta.regularized(x, a: 1, b: 1) - x) < 1e-13)
            #expect(abs(IncompleteBeta.regularized(x, a: 3, b: 1) - pow(x, 3)) < 1e-13)
            #expect(abs(IncompleteBeta.regularized(x, a: 1, b: 4) - (1 - pow(1 - x, 4))) < 1e-13)
            #expect(abs(IncompleteBeta.regularized(x, a: 2, b: 2) - (3 * x * x - 2 * x * x * x)) < 1e-13)
            for (a, b) in [(1.4, 4.6), (2.5, 3.5), (5.0, 1.0), (1.0, 5.0), (4.2, 1.8)] {
                let symmetric = 1 - IncompleteBeta.regularized(1 - x, a: b, b: a)
                #expect(abs(IncompleteBeta.regularized(x, a: a, b: b) - symmetric) < 1e-13)
            }
        }
        #expect(abs(IncompleteBeta.regularized(0.5, a: 3, b: 3) - 0.5) < 1e-14)
    }

    @Test("an alias table reproduces its weights exactly", arguments: [
        [1.0], [0.5, 0.5], [0.1, 0.2, 0.7], [0, 0.25, 0, 0.75], [1e-9, 0.3, 0.3, 0.4 - 1e-9], (1 ... 40).map { Double($0) },
    ])
    func aliasTable(weights: [Double]) {
        let table = AliasTable(weights: weights)
        let total = weights.reduce(0, +)
        var implied = [Double](repeating: 0, count: weights.count)
        let column = 1 / Double(weights.count)
        for index in 0 ..< table.count {
            let keep = table.thresholds[index] == .max ? 1 : Double(table.thresholds[index]) * 0x1.0p-64
            implied[index] += column * keep
            implied[Int(table.aliases[index])] += column * (1 - keep)
        }
        for (probability, weight) in zip(implied, weights) { #expect(abs(probability - weight / total) < 1e-12) }
    }

    /// Estimates with started tasks (scaled remaining) and a most likely of 0 (added remaining).
    static let estimates: [(ThreePointEstimate, EstimateDistribution, Int)] = [
        (ThreePointEstimate(optimistic: 8, mostLikely: 10, pessimistic: 16), .pert, -1),
        (ThreePointEstimate(optimistic: 2, mostLikely: 5, pessimistic: 14), .pert, -1),
        (ThreePointEstimate(optimistic: 0, mostLikely: 0, pessimistic: 7), .pert, -1),
        (ThreePointEstimate(optimistic: 3, mostLikely: 9, pessimistic: 9), .pert, -1),
        (ThreePointEstimate(optimistic: 2, mostLikely: 5, pessimistic: 14), .pert, 7),
        (ThreePointEstimate(optimistic: 0, mostLikely: 0, pessimistic: 6), .pert, 3),
        (ThreePointEstimate(optimistic: 2, mostLikely: 5, pessimistic: 14), .triangular, -1),
        (ThreePointEstimate(optimistic: 1, mostLikely: 3, pessimistic: 20), .triangular, 11),
    ]

    @Test("tabulated outcomes have the distribution of drawing continuously and rounding", arguments: 0 ..< estimates.count)
    func exactOutcomes(case number: Int) throws {
        let (estimate, distribution, planned) = Self.estimates[number]
        let (base, weights) = try #require(SamplingPlan.outcomes(estimate, distribution: distribution, plannedRemaining: planned))
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        let sampler = EstimateSampler(estimate, distribution: distribution)
        var generator = Xoshiro256StarStar(seed: 7 + UInt64(number))
        let draws = 400_000
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0 ..< draws {
            let value = SamplingPlan.outcome(
                sampler.sample(&generator), mostLikely: sampler.mostLikely, plannedRemaining: planned)
            try #require((base ..< base + weights.count).contains(value))
            counts[value - base] += 1
        }
        // Pearson's chi-squared over the cells expected to hold at least 5 draws; the bound is far
        // above the 99.99th percentile for these degrees of freedom, and far below what a wrong
        // threshold or shape gives.
        var statistic = 0.0
        var cells = 0
        for (count, weight) in zip(counts, weights) where weight * Double(draws) >= 5 {
            let expected = weight * Double(draws)
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
            cells += 1
        }
        #expect(statistic < Double(cells) + 8 * Double(2 * cells).squareRoot() + 20, "chi² \(statistic) over \(cells) cells")
    }

    @Test("a point estimate has a single outcome")
    func pointEstimate() throws {
        let estimate = ThreePointEstimate(optimistic: 4, mostLikely: 4, pessimistic: 4)
        #expect(try #require(SamplingPlan.outcomes(estimate, distribution: .pert, plannedRemaining: -1)) == (4, [1]))
        #expect(try #require(SamplingPlan.outcomes(estimate, distribution: .pert, plannedRemaining: 3)) == (3, [1]))
        let zero = ThreePointEstimate(optimistic: 0, mostLikely: 0, pessimistic: 0)
        #expect(try #require(SamplingPlan.outcomes(zero, distribution: .pert, plannedRemaining: 5)) == (5, [1]))
    }

    @Test("too many outcomes fall back to drawing continuously")
    func hugeRange() {
        let estimate = ThreePointEstimate(optimistic: 0, mostLikely: 1, pessimistic: 200_000)
        #expect(SamplingPlan.outcomes(estimate, distribution: .pert, plannedRemaining: -1) == nil)
    }

    @Test("ziggurat normals have the moments and tails of N(0, 1)")
    func normalMoments() {
        let normal = NormalSampler.shared
        var generator = Xoshiro256StarStar(seed: 3)
        let draws = 1_000_000
        var sum = 0.0
        var squares = 0.0
        var fourth = 0.0
        var beyondTwo = 0
        var beyondTail = 0
        for _ in 0 ..< draws {
            let x = normal.sample(&generator)
            sum += x
            squares += x * x
            fourth += x * x * x * x
            if abs(x) > 2 { beyondTwo += 1 }
            if abs(x) > 3.654_152_885_361_008_8 { beyondTail += 1 }
        }
        let n = Double(draws)
        #expect(abs(sum / n) < 0.005)
        #expect(abs(squares / n - 1) < 0.01)
        #expect(abs(fourth / n - 3) < 0.05)
        #expect(abs(Double(beyondTwo) / n - 0.045_500_3) < 0.001)  // 2 (1 - Φ(2))
        #expect(abs(Double(beyondTail) / n - 0.000_258) < 0.000_06)  // 2 (1 - Φ(3.654))
    }

    @Test("rounding halves away from zero matches the standard library")
    func rounding() {
        var generator = Xoshiro256StarStar(seed: 1)
        var values: [Double] = [0, 0.5, 1.5, 2.5, -0.5, -1.5, 0.499_999_999_999_999_94, 4_503_599_627_370_495.5, -7.5, 1e15 + 0.5]
        for _ in 0 ..< 10_000 { values.append((generator.nextUnitInterval() - 0.5) * 200) }
        for _ in 0 ..< 1_000 { values.append(Double(Int(generator.next() % 1_000)) / 2) }
        for value in values { #expect(SamplingPlan.roundedHalfAway(value) == Int(value.rounded()), "\(value)") }
    }
}
