/// How a contract leaves the closing CCG: the disposition every contract must have before go-live.
public enum ContractMechanism: String, PayloadEnumeration {
    /// Moves under the statutory transfer scheme (the default).
    case transferScheme = "transfer-scheme"
    /// Re-made with the counterparty's consent.
    case novation
    /// Ended by notice.
    case termination
    /// Allowed to expire on its end date.
    case letExpire = "let-expire"

    /// Whether the contract goes to the new body (rather than ending).
    public var transfers: Bool { self == .transferScheme || self == .novation }
}
