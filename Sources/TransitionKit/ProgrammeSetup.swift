import EventLog
import Foundation
import Schedule
import TransitionSupport
import Workflow

/// Starting a programme and revising its workflow: the events that carry a workflow's full text.
extension Programme {
    /// Reads and validates a workflow file, returning its JSON document and SHA-256 of the file's bytes.
    public static func readWorkflow(path: String) throws -> (definition: WorkflowDefinition, document: JSONValue, sha256: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(location: path, message: "cannot read the workflow file; check the path")
        }
        let bytes = [UInt8](data)
        let definition = try WorkflowLoader.load(bytes: bytes, file: path)
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw InputError(location: path, message: "\(error)")
        }
        return (definition, document, SHA256.hash(bytes).hex)
    }

    /// Records `programme.initialised` holding the workflow's full content and SHA-256.
    public func initialise(workflowPath: String, actor: String, role: String?, reason: String?, recordedAt: Timestamp? = nil) throws -> AppendResult {
        let workflow = try Programme.readWorkflow(path: workflowPath)
        return try initialise(workflow: workflow, workflowPath: workflowPath, actor: actor, role: role, reason: reason, recordedAt: recordedAt)
    }

    /// Records `programme.initialised` for a workflow already read and validated.
    public func initialise(
        workflow: (definition: WorkflowDefinition, document: JSONValue, sha256: String), workflowPath: String, actor: String,
        role: String?, reason: String?, recordedAt: Timestamp? = nil
    ) throws -> AppendResult {
        let event = ProposedEvent(
            type: "programme.initialised", recordedAt: recordedAt, actor: actor, role: role, entity: workflow.definition.programme.id,
            reason: reason ?? "programme initialised from \(workflowPath)",
            data: [
                "programme": .string(workflow.definition.programme.id), "workflow": workflow.document,
                "workflowSha256": .string(workflow.sha256), "workflowFile": .string(workflowPath),
            ], system: SystemIdentity.current().json)
        // Baseline 1: the plan as it stands when the programme starts (no progress yet).
        let baseline = Programme.baselineEvent(
            of: try CriticalPathScheduler.schedule(ScheduleBridge.input(for: workflow.definition)), number: 1,
            programme: workflow.definition.programme.id, statutoryDate: workflow.definition.programme.statutoryDate,
            label: "programme start", actor: actor, role: role, recordedAt: recordedAt)
        return try log.append(options: AppendOptions()) { head in
            guard head.sequence == 0 else { throw ProgrammeError.alreadyInitialised(path: log.layout.root, events: head.sequence) }
            return [event, baseline]
        }
    }

    /// Records `workflow.revised` with the new version; replay uses it from this event on.
    public func revise(workflowPath: String, actor: String, role: String?, reason: String, recordedAt: Timestamp? = nil, override: OverrideRequest? = nil) throws -> AppendResult {
        guard !reason.trimmingSpaces.isEmpty else {
            throw InputError(location: "--reason", message: "a workflow revision needs --reason saying what changed and why")
        }
        let workflow = try Programme.readWorkflow(path: workflowPath)
        let current = try view()
        guard workflow.definition.programme.id == current.workflow.programme.id else {
            throw InputError(
                location: workflowPath,
                message: "this workflow is for programme '\(workflow.definition.programme.id)' but the log holds '\(current.workflow.programme.id)'")
        }
        let version = current.workflows.versions.count + 1
        let event = ProposedEvent(
            type: "workflow.revised", recordedAt: recordedAt, actor: actor, role: role, entity: workflow.definition.programme.id, reason: reason,
            data: [
                "programme": .string(workflow.definition.programme.id), "workflow": workflow.document,
                "workflowSha256": .string(workflow.sha256), "workflowFile": .string(workflowPath), "version": .int(version),
            ], system: SystemIdentity.current().json)
        return try record([event], override: override)
    }
}
