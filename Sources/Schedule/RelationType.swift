/// How a successor's dates are tied to a predecessor's, as in Primavera P6.
///
/// The raw values are the workflow file's spellings. For predecessor `a`, successor `b` and lag
/// `L` in working days (negative = lead) the forward-pass bounds are:
/// FS `ES(b) >= EF(a) + L`, SS `ES(b) >= ES(a) + L`, FF `EF(b) >= EF(a) + L`, SF `EF(b) >= ES(a) + L`.
public enum RelationType: String, Sendable, Hashable, CaseIterable {
    case finishToStart = "FS"
    case startToStart = "SS"
    case finishToFinish = "FF"
    case startToFinish = "SF"

    /// Whether the relation constrains the successor's start (FS, SS) rather than its finish.
    public var constrainsSuccessorStart: Bool { self == .finishToStart || self == .startToStart }

    /// Whether the relation hangs on the predecessor's start (SS, SF) rather than its finish.
    public var dependsOnPredecessorStart: Bool { self == .startToStart || self == .startToFinish }
}
