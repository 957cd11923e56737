import TransitionSupport

/// What `verify` found wrong first, and where.
public struct VerificationFailure: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of damage the verifier tells apart.
    public enum Kind: String, Sendable, Hashable {
        case modified, missing, reordered, inserted, torn, anchor
    }

    public var kind: Kind
    /// The first sequence number that is wrong.
    public var sequence: Int
    public var file: String
    public var line: Int
    public var detail: String

    public var description: String {
        "\(kind.rawValue) at sequence \(sequence) (\(file):\(line)): \(detail)"
    }
}

/// A published head that the log must still extend (e.g. one minuted at a Board meeting).
public struct Anchor: Sendable, Hashable, CustomStringConvertible {
    public var sequence: Int
    public var hash: SHA256Digest

    public init(sequence: Int, hash: SHA256Digest) {
        self.sequence = sequence
        self.hash = hash
    }

    /// Parses `SEQ:HASH`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let sequence = Int(parts[0]), sequence >= 1, let hash = SHA256Digest(hex: parts[1]) else {
            return nil
        }
        self.init(sequence: sequence, hash: hash)
    }

    public var description: String { "\(sequence):\(hash.hex)" }
}

/// The outcome of walking the whole chain.
public struct VerificationReport: Sendable, Hashable {
    public var eventCount: Int
    public var head: EventLog.Head
    public var bytes: Int
    public var segmentCount: Int
    public var failure: VerificationFailure?
    public var anchorChecked: Anchor?
    public var repairs: [RepairRecord]

    public var isValid: Bool { failure == nil }
}
