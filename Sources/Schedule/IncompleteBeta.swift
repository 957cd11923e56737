internal import Foundation

/// The regularized incomplete beta function `I_x(a, b)`: the CDF of Beta(a, b) at `x`.
///
/// Evaluated by its continued fraction (modified Lentz's method, as in Numerical Recipes §6.4),
/// using the symmetry `I_x(a, b) = 1 - I_{1-x}(b, a)` on whichever side converges fast; accurate
/// to about 1e-14 for the shapes PERT uses (`1 <= a, b <= 5`). Not thread-safe on every libm
/// (`lgamma` may set the global `signgam`); Monte Carlo calls it only while building its plan.
enum IncompleteBeta {
    static func regularized(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for step in 1 ... 1_000 {
            let m = Double(step)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
