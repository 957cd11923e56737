/// Why an event's payload or envelope does not fit its type: a closed set of problems, each naming
/// the event type and the field.
///
/// Payloads are decoded strictly (missing, wrong-typed and unknown fields are refused) so that a typo
/// in a hand-written event never becomes a silently ignored fact. The cases carry data only; the words
/// are rendered in one place, ``description``, always saying what was expected.
public struct PayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Sendable, Hashable {
        /// The event type is not one Transition knows; `suggestion` is the nearest known type.
        case unknownType(suggestion: String?)
        /// The payload's schema version cannot be read: newer than this build, or with no upcaster.
        case unsupportedSchema(found: Int, current: Int)
        /// A required field is absent; `expected` describes what it should hold.
        case missing(expected: String)
        /// A field holds the wrong JSON type.
        case wrongType(expected: String, found: String)
        /// A field's value is not one of the allowed spellings.
        case notOneOf(allowed: [String], found: String)
        /// A field the type does not define; `allowed` lists the fields it does.
        case unknownField(allowed: [String])
        /// A field has the right type but an unacceptable value (a negative count, an empty id).
        case invalid(String)
        /// The envelope lacks a reason, which this event requires.
        case reasonRequired(why: String)
        /// The envelope lacks evidence, which this event requires.
        case evidenceRequired
        /// The envelope's entity does not name what the payload is about.
        case entityMismatch(expected: String, found: String?)
    }

    /// The wire type of the event, such as `dd.status.changed`.
    public var eventType: String
    /// The payload field concerned (a path such as `tasks[2].start` for nested fields), if any.
    public var field: String?
    /// What went wrong.
    public var problem: Problem

    /// Creates an error.
    public init(eventType: String, field: String? = nil, problem: Problem) {
        self.eventType = eventType
        self.field = field
        self.problem = problem
    }

    /// One sentence: what, where, and what would be accepted.
    public var description: String {
        let subject = field.map { "field '\($0)'" } ?? "payload"
        switch problem {
        case .unknownType(let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; see docs/events.md for the list"
            return "unknown event type '\(eventType)'\(hint)"
        case .unsupportedSchema(let found, let current):
            if found > current {
                return "\(eventType): schema \(found) is newer than this build understands (current \(current)); upgrade transition"
            }
            return "\(eventType): schema \(found) is not supported (current \(current)) and no upcaster reads it"
        case .missing(let expected):
            return "\(eventType): \(subject) is missing; it must be \(expected)"
        case .wrongType(let expected, let found):
            return "\(eventType): \(subject) must be \(expected); found \(found)"
        case .notOneOf(let allowed, let found):
            return "\(eventType): \(subject) must be one of \(allowed.joined(separator: ", ")); found '\(found)'"
        case .unknownField(let allowed):
            let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
            return "\(eventType): \(subject) is not part of this event; its fields are \(list)"
        case .invalid(let reason):
            return "\(eventType): \(subject) \(reason)"
        case .reasonRequired(let why):
            return "\(eventType): a reason is required \(why); give one with the event's 'reason'"
        case .evidenceRequired:
            return "\(eventType): at least one evidence document is required; attach it to the event's 'evidence'"
        case .entityMismatch(let expected, let found):
            let was = found.map { "'\($0)'" } ?? "missing"
            return "\(eventType): the envelope's entity must be '\(expected)' (what the payload is about); found \(was)"
        }
    }
}
