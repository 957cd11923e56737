internal import Foundation

/// Marsaglia and Tsang's Gamma(shape, 1) sampler for `shape >= 1`, fed by ziggurat normals.
struct GammaSampler: Sendable {
    let d: Double
    let c: Double

    init(shape: Double) {
        d = shape - 1.0 / 3.0
        c = 1.0 / (9.0 * d).squareRoot()
    }

    /// One draw: `d·v` with `v = (1 + c·x)³` for a normal `x`, accepted by the squeeze
    /// `u < 1 - 0.0331·x⁴` (almost always) or else by `ln u < x²/2 + d(1 - v + ln v)`.
    @inline(__always)
    func sample(_ generator: inout Xoshiro256StarStar, normal: NormalSampler) -> Double {
        while true {
            var x = 0.0
            var v = 0.0
            repeat {
                x = normal.sample(&generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextUnitInterval()
            let squared = x * x
            if u < 1 - 0.0331 * squared * squared { return d * v }
            if u > 0, log(u) < 0.5 * squared + d * (1 - v + log(v)) { return d * v }
        }
    }
}
