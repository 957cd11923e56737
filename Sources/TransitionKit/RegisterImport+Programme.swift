import EventLog
import Foundation
import TransitionSupport
import Workflow

extension Programme {
    /// Imports a register spreadsheet as one atomic batch: every row validated first, then every
    /// event checked against the rules in order, then one write and one fsync — or nothing at all.
    public func importRegister(
        _ kind: RegisterKind, path: String, actor: String, role: String?, progress: ((String) -> Void)? = nil
    ) throws -> AppendResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(location: path, message: "cannot read the file; check the path")
        }
        let events = try registerEvents(kind, bytes: [UInt8](data), file: path, actor: actor, role: role)
        if events.count > 2_000 { progress?("validated \(events.count) rows of \(path); checking rules and writing one batch…") }
        return try record(events)
    }

    /// Validates a register spreadsheet's bytes and returns its registration events (nothing recorded).
    public func registerEvents(_ kind: RegisterKind, bytes: [UInt8], file: String, actor: String, role: String?, recordedAt: Timestamp? = nil) throws -> [ProposedEvent] {
        let workflow = try view().workflow
        var organisations: [String: String] = [:]
        for organisation in workflow.organisations where organisation.kind == .source {
            organisations[organisation.id] = organisation.id
            organisations[organisation.id.lowercased()] = organisation.id
            organisations[organisation.name.lowercased()] = organisation.id
            if let code = organisation.code { organisations[code.lowercased()] = organisation.id }
        }
        let importer = RegisterImport(kind: kind, organisations: organisations, groups: Set(workflow.consultationGroups.map(\.id)))
        var events = try importer.events(from: bytes, file: file, actor: actor, role: role, system: SystemIdentity.current())
        if let recordedAt {
            for index in events.indices { events[index].recordedAt = recordedAt }
        }
        return events
    }
}
