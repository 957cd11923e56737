/// A closed set of payload spellings, such as a due-diligence status or a contract mechanism.
///
/// Conforming enums list their cases in the documented order, so that a refusal can print every
/// allowed value ("must be one of not-started, in-progress, ...") in the order people expect.
public protocol PayloadEnumeration: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String {}

extension PayloadEnumeration {
    /// Every wire spelling, in declaration order.
    public static var spellings: [String] { allCases.map(\.rawValue) }
}
