/// The distribution Monte Carlo draws a task's duration from, given its three-point estimate
/// `o <= m <= p`.
///
/// Both are bounded by `[o, p]` and peak at `m`; when `o == p` every draw is `m`.
public enum EstimateDistribution: String, Sendable, Hashable, CaseIterable {
    /// PERT-beta with shape `λ = 4` (the default): `x = o + (p - o) · B` with
    /// `B ~ Beta(α, β)`, `α = 1 + 4 (m - o) / (p - o)`, `β = 1 + 4 (p - m) / (p - o)`; its mean
    /// is `(o + 4m + p) / 6`. `B = X / (X + Y)` with `X ~ Gamma(α)`, `Y ~ Gamma(β)` drawn by
    /// Marsaglia and Tsang's method (both shapes are at least 1) from Box–Muller normals.
    case pert
    /// Triangular by inverse CDF: with `u ~ U[0, 1)` and `F = (m - o) / (p - o)`,
    /// `x = o + √(u (p - o)(m - o))` when `u < F`, else `x = p - √((1 - u)(p - o)(p - m))`;
    /// its mean is `(o + m + p) / 3`.
    case triangular
}
