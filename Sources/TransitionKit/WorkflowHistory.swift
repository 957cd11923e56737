import EventLog
import TransitionSupport
import Workflow

/// One version of the workflow as recorded in the log, and when it came into force.
public struct WorkflowVersion: Sendable, Codable {
    public var number: Int
    public var sequence: Int
    public var recordedAt: Timestamp
    public var sha256: String
    public var file: String
    public var reason: String?
    public var definition: WorkflowDefinition
    /// The workflow JSON exactly as stored in the event.
    public var document: JSONValue
}

/// The workflow versions held in a log: the one in `programme.initialised`, then each `workflow.revised`.
///
/// A running programme never re-reads a workflow file: every command uses the version in force at
/// the moment it replays, so history is judged by the rules that applied then.
public struct WorkflowHistory: Sendable, Codable {
    public private(set) var versions: [WorkflowVersion] = []

    public init() {}

    static let types: Set<String> = ["programme.initialised", "workflow.revised"]

    /// Adds the version carried by `record`, if it carries one.
    public mutating func consider(_ record: EventRecord) throws {
        guard WorkflowHistory.types.contains(record.type) else { return }
        guard let document = record.data["workflow"] else {
            throw InputError(location: "event \(record.sequence)", message: "\(record.type) carries no workflow")
        }
        let definition: WorkflowDefinition
        do {
            definition = try WorkflowLoader.load(bytes: JSONWriter.canonical(document), file: "workflow in event \(record.sequence)")
        } catch {
            throw InputError(location: "event \(record.sequence)", message: "the stored workflow no longer loads: \(error)")
        }
        versions.append(
            WorkflowVersion(
                number: versions.count + 1, sequence: record.sequence, recordedAt: record.recordedAt,
                sha256: record.data["workflowSha256"]?.stringValue ?? "", file: record.data["workflowFile"]?.stringValue ?? "",
                reason: record.reason, definition: definition, document: document))
    }

    /// The version in force at `sequence` (the last one recorded at or before it).
    public func version(atSequence sequence: Int) -> WorkflowVersion? {
        versions.last { $0.sequence <= sequence }
    }

    public var current: WorkflowVersion? { versions.last }
}
