import EventLog
import Reports
import Schedule
import TransitionSupport

/// Moving the statutory date and taking baselines: the BOB date moved from 1 April to 1 July 2022.
extension Programme {
    /// Builds a `baseline.taken` event from the schedule as it stands, optionally against a new date.
    func baselineEvent(
        view: ProgrammeView, statutoryDate: CivilDate? = nil, label: String, actor: String, role: String?, recordedAt: Timestamp?
    ) throws -> ProposedEvent {
        var input = ScheduleService.input(for: view, dataDate: recordedAt?.date)
        if let statutoryDate { input.statutoryDate = statutoryDate }
        return Programme.baselineEvent(
            of: try CriticalPathScheduler.schedule(input), number: view.state.programme.baselines.count + 1,
            programme: view.workflow.programme.id, statutoryDate: input.statutoryDate ?? view.workflow.programme.statutoryDate,
            label: label, actor: actor, role: role, recordedAt: recordedAt)
    }

    /// The `baseline.taken` event capturing `result`'s task dates: the one place its payload is built.
    static func baselineEvent(
        of result: ScheduleResult, number: Int, programme: String, statutoryDate: CivilDate, label: String, actor: String,
        role: String?, recordedAt: Timestamp?
    ) -> ProposedEvent {
        let tasks: [JSONValue] = result.tasks.map { task in
            .object(["task": .string(task.id), "start": .string(task.startDate.description), "finish": .string(task.finishDate.description)])
        }
        return ProposedEvent(
            type: "baseline.taken", recordedAt: recordedAt, actor: actor, role: role, entity: programme,
            reason: "baseline \(number): \(label)",
            data: [
                "programme": .string(programme), "number": .int(number), "statutoryDate": .string(statutoryDate.description),
                "label": .string(label), "tasks": .array(tasks),
            ], system: SystemIdentity.current().json)
    }

    /// Records a baseline of the current schedule.
    public func takeBaseline(label: String, actor: String, role: String?, recordedAt: Timestamp? = nil) throws -> AppendResult {
        let view = try self.view()
        let event = try baselineEvent(view: view, label: label, actor: actor, role: role, recordedAt: recordedAt)
        return try record([event])
    }

    /// Records a statutory-date change and, in the same batch, a re-baseline against the new date.
    public func changeStatutoryDate(
        to newDate: CivilDate, authority: String, reason: String, actor: String, role: String?, recordedAt: Timestamp? = nil,
        evidence: [EvidenceReference] = []
    ) throws -> AppendResult {
        guard !reason.trimmingSpaces.isEmpty else {
            throw InputError(location: "--reason", message: "a statutory-date change needs --reason (e.g. the letter that moved it)")
        }
        let view = try self.view()
        let old = view.state.field(kind: "programme", id: nil, name: "statutoryDate")?.stringValue ?? view.workflow.programme.statutoryDate.description
        guard old != newDate.description else {
            throw InputError(location: "--to", message: "the statutory date is already \(old)")
        }
        let change = ProposedEvent(
            type: "programme.statutory-date.changed", recordedAt: recordedAt, effective: recordedAt?.date, actor: actor, role: role,
            entity: view.workflow.programme.id, reason: reason, evidence: evidence,
            data: ["programme": .string(view.workflow.programme.id), "old": .string(old), "new": .string(newDate.description), "authority": .string(authority)],
            system: SystemIdentity.current().json)
        let baseline = try baselineEvent(
            view: view, statutoryDate: newDate, label: "re-baseline for statutory date \(newDate)", actor: actor, role: role,
            recordedAt: recordedAt)
        return try record([change, baseline])
    }
}
