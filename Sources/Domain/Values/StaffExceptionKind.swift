/// Why a person's transfer needs attention before it can go ahead.
///
/// Each open exception blocks the person's transfer (the `openExceptions` rule field) until resolved.
public enum StaffExceptionKind: String, PayloadEnumeration {
    /// The person objects to transferring (TUPE objection).
    case objection
    /// A secondment in or out complicates who transfers.
    case secondment
    /// A fixed-term contract ends around the statutory date.
    case fixedTermEnding = "fixed-term-ending"
    /// Long-term leave, sickness or suspension.
    case leave
    /// Anything else, described in the detail.
    case other
}
