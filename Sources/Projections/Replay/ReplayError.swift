import Domain

/// Why a replay could not be completed: a stored event Transition cannot read.
///
/// History that does not decode is never skipped silently, since a report built without it would be
/// wrong without saying so; the error names the sequence number to investigate.
public enum ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The event's type or payload is not one this build reads.
    case undecodable(sequence: Int, PayloadError)
    /// The workflow stored in a `programme.initialised` / `workflow.revised` event does not load.
    case workflowUnreadable(sequence: Int, problems: String)
    /// Records were not given in increasing sequence order.
    case outOfOrder(sequence: Int, after: Int)
    /// A correction reaches back before the events this replay holds (it was resumed from a
    /// snapshot); replay the whole log instead.
    case historyNeeded(correction: Int, target: Int)

    public var description: String {
        switch self {
        case .undecodable(let sequence, let error):
            return "event \(sequence): \(error)"
        case .workflowUnreadable(let sequence, let problems):
            return "event \(sequence): the workflow it carries does not load:\n\(problems)"
        case .outOfOrder(let sequence, let after):
            return "event \(sequence) was given after event \(after); replay reads the log in sequence order"
        case .historyNeeded(let correction, let target):
            return "event \(correction) corrects event \(target), which this replay resumed after; replay the whole log"
        }
    }
}
