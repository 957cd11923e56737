internal import Foundation

/// Standard normal draws by the ziggurat method (Marsaglia and Tsang, 2000) with 256 layers.
///
/// Exact up to floating point: about 99% of draws cost one 64-bit random number and a comparison;
/// the rest fall back to the density test in a layer's wedge or to Marsaglia's exact tail
/// sampler beyond `r`. One 64-bit number gives both the layer (low 8 bits) and a signed uniform in
/// `[-1, 1)` (top 53 bits). The tables are computed once per process from `r` and the layer area
/// `v` and never freed.
struct NormalSampler: @unchecked Sendable {
    /// The tables, computed on first use.
    static let shared = NormalSampler()

    /// Right edge of the base layer (start of the tail).
    private static let tailStart = 3.654_152_885_361_008_8
    /// Area of every layer (the base layer includes the tail).
    private static let layerArea = 0.004_928_673_233_99

    /// `x[0] = v / f(r)`, `x[1] = r`, ..., `x[256] = 0`: layer `i` spans `|x| < x[i]`.
    private let x: UnsafePointer<Double>
    /// `f[i] = exp(-x[i]² / 2)`.
    private let f: UnsafePointer<Double>

    private init() {
        let r = Self.tailStart
        let v = Self.layerArea
        let xs = UnsafeMutablePointer<Double>.allocate(capacity: 257)
        let fs = UnsafeMutablePointer<Double>.allocate(capacity: 257)
        xs[0] = v / exp(-0.5 * r * r)
        xs[1] = r
        for layer in 2 ..< 256 {
            let previous = xs[layer - 1]
            xs[layer] = (-2 * log(v / previous + exp(-0.5 * previous * previous))).squareRoot()
        }
        xs[256] = 0
        for layer in 0 ... 256 { fs[layer] = exp(-0.5 * xs[layer] * xs[layer]) }
        x = UnsafePointer(xs)
        f = UnsafePointer(fs)
    }

    /// One draw from N(0, 1).
    @inline(__always)
    func sample(_ generator: inout Xoshiro256StarStar) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            let u = Double(Int64(bitPattern: bits) >> 11) * 0x1.0p-52
            let value = u * x[layer]
            if abs(value) < x[layer + 1] { return value }
            if let value = rare(layer: layer, value: value, u: u, &generator) { return value }
        }
    }

    /// The base layer's tail, or a wedge's density test; `nil` to start again.
    @inline(never)
    private func rare(layer: Int, value: Double, u: Double, _ generator: inout Xoshiro256StarStar) -> Double? {
        if layer == 0 {
            // Marsaglia (1964): x = -ln(U1) / r, y = -ln(U2), accept when 2y > x².
            let r = Self.tailStart
            while true {
                let tail = -log(1 - generator.nextUnitInterval()) / r
                let y = -log(1 - generator.nextUnitInterval())
                if 2 * y > tail * tail { return u < 0 ? -(r + tail) : r + tail }
            }
        }
        let height = f[layer] + (f[layer + 1] - f[layer]) * generator.nextUnitInterval()
        return height < exp(-0.5 * value * value) ? value : nil
    }
}
