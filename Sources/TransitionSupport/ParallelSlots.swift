import Dispatch

/// Result slots for `DispatchQueue.concurrentPerform`, where iteration `i` alone writes slot `i`.
///
/// A lock guards each access, so the type is safe to share even if that discipline slips; the
/// cost is negligible next to the work each iteration does.
public final class ParallelSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = DispatchSemaphore(value: 1)

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> Value? {
        get {
            lock.wait()
            defer { lock.signal() }
            return values[index]
        }
        set {
            lock.wait()
            defer { lock.signal() }
            values[index] = newValue
        }
    }

    /// Moves the value out of slot `index` (leaving it empty), so the caller holds the only copy.
    public func take(_ index: Int) -> Value? {
        lock.wait()
        defer { lock.signal() }
        let value = values[index]
        values[index] = nil
        return value
    }
}
