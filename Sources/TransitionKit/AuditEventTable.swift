import EventLog
import Projections
import TransitionSupport

/// The events and task register as spreadsheet tables for the audit pack.
///
/// `events.jsonl` is the authoritative record; this table puts the same envelope in columns an
/// auditor can filter in Excel.
enum AuditEventTable {
    static let eventHeader = [
        "Seq", "ID", "Type", "Recorded At", "Effective", "Actor", "Role", "Entity", "Reason", "Evidence", "OS User", "Host",
        "Signature Fingerprint", "Data",
    ]

    /// The row of one event of the view.
    static func row(_ record: EventRecord, in view: ProgrammeView) -> [String] {
        [
            String(record.sequence), record.id, record.type, record.recordedAt.description, record.effective.description,
            record.actor, record.role ?? "", record.entity ?? "", record.reason ?? "",
            record.evidence.map { "\($0.name)\($0.sha256.map { " sha256:\($0)" } ?? "")" }.joined(separator: "; "),
            record.system?["user"]?.stringValue ?? "", record.system?["host"]?.stringValue ?? "",
            record.signature?["fingerprint"]?.stringValue ?? "", JSONWriter.canonicalString(.object(data(of: record, in: view))),
        ]
    }

    /// The payload, with a stored workflow replaced by a pointer to its file in the pack: a workflow
    /// is far longer than a spreadsheet cell may be (32,767 characters in Excel).
    static func data(of record: EventRecord, in view: ProgrammeView) -> JSONObject {
        var data = record.data
        if data["workflow"] != nil, let version = view.workflows.versions.first(where: { $0.sequence == record.sequence }) {
            data["workflow"] = .string("see workflows/version-\(version.number).json")
        }
        return data
    }

    static let taskHeader = ["Task", "Name", "Workstream", "Planned", "Status", "Actual Start", "Actual Finish", "Percent", "Remaining"]

    /// Every task of the workflow in force (in its order), then tasks known only from events, by id.
    static func tasks(_ view: ProgrammeView) -> (header: [String], rows: [[String]]) {
        let progress = view.state.tasks.tasks
        var rows: [[String]] = []
        func row(id: String, name: String, workstream: String, planned: Bool) -> [String] {
            let task = progress[id]
            return [
                id, name, workstream, planned ? "Yes" : "No", task?.status.rawValue ?? TaskProgressState.Status.notStarted.rawValue,
                task?.actualStart?.description ?? "", task?.actualFinish?.description ?? "", task?.percent.map(String.init) ?? "",
                task?.remaining.map(String.init) ?? "",
            ]
        }
        let planned = Set(view.workflow.tasks.map(\.id))
        for task in view.workflow.tasks {
            rows.append(row(id: task.id, name: task.name, workstream: task.workstream, planned: true))
        }
        for id in progress.keys.sorted() where !planned.contains(id) {
            rows.append(row(id: id, name: progress[id]?.name ?? "", workstream: progress[id]?.workstream ?? "", planned: false))
        }
        return (taskHeader, rows)
    }
}
