/// How a person is employed, which decides whether and how they transfer.
///
/// A fixed-term contract ending before Day 1 means no transfer; secondees transfer (or not) with their
/// substantive employer; bank staff are not on the establishment list.
public enum Employment: String, PayloadEnumeration {
    case permanent
    case fixedTerm = "fixed-term"
    case secondmentIn = "secondment-in"
    case secondmentOut = "secondment-out"
    case bank
}

/// The outcome for a board-level person, who is outside the "lift and shift" employment commitment.
public enum BoardOutcome: String, PayloadEnumeration {
    /// Appointed to a named role in the new body.
    case designate
    /// An alternative role is being sought.
    case displaced
}
