/// An immutable array with a stable base address, read by the passes through a raw pointer.
///
/// The forward and backward passes visit every task and link of a network once per run (and once
/// per Monte Carlo iteration), so they read the compiled network without bounds or uniqueness
/// checks. The buffer is written only while it is built and never after, so sharing it between
/// Monte Carlo workers is safe.
final class FrozenBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// First element; valid for `count` elements while the buffer is alive.
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Copies `elements` into a new buffer. O(n).
    init(_ elements: [Element]) {
        count = elements.count
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(1, elements.count))
        elements.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { base.initialize(from: address, count: source.count) }
        }
    }

    /// A buffer of `count` elements, each written once by `fill` (which must write them all) before
    /// anyone reads it. O(n).
    init(count: Int, fill: (UnsafeMutablePointer<Element>) -> Void) {
        self.count = count
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(1, count))
        fill(base)
    }

    /// Takes ownership of `base`, allocated with `UnsafeMutablePointer.allocate` and holding `count`
    /// initialised elements; it is deallocated with the buffer.
    init(adopting base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// Element `index`; the caller keeps `index` in `0 ..< count`.
    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
    }

    /// The elements as an array. O(n).
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
