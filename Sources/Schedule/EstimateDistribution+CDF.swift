extension EstimateDistribution {
    /// The probability that a draw is at most `o + t (p - o)`, for the share `t` of the estimate's
    /// range and the mode at share `mode = (m - o) / (p - o)`.
    ///
    /// PERT: `I_t(α, β)` with `α = 1 + 4 mode`, `β = 1 + 4 (1 - mode)`. Triangular: `t² / mode` up
    /// to the mode, `1 - (1 - t)² / (1 - mode)` after it.
    func cumulativeProbability(atShare t: Double, mode: Double) -> Double {
        if t <= 0 { return 0 }
        if t >= 1 { return 1 }
        switch self {
        case .pert:
            return IncompleteBeta.regularized(t, a: 1 + 4 * mode, b: 1 + 4 * (1 - mode))
        case .triangular:
            if t <= mode { return t * t / mode }
            return 1 - (1 - t) * (1 - t) / (1 - mode)
        }
    }
}
