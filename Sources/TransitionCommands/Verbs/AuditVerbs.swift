import CommandLineParsing
import EventLog
import TransitionKit
import TransitionSupport

/// `history`, `correct` and `retract`: the auditor's trail and the only way to fix a mistake.
enum AuditVerbs {
    static let history = Command(
        spec: CommandSpec(
            name: "history", abstract: "Every event touching an entity, oldest first, with who, when, why and evidence.",
            options: [CommonOptions.log, CommonOptions.asOf, CommonOptions.json],
            positionals: [PositionalSpec(name: "entity", help: "A checklist item, person, contract, asset, task, group or ROS.")],
            examples: ["transition history DD-HR-03", "transition history E1001 --json"])
    ) { invocation, console in
        let programme = try Programme.open(at: invocation.logPath)
        // The read below already keeps every core busy: the chain is checked before it, not alongside.
        try programme.checkChain()
        let asOf = try invocation.time("as-of", date: .endOfDay)
        let entity = invocation.command.positional("entity") ?? ""
        // Only the events that can matter to this entity are kept, so a long log is never held whole.
        var records: [EventRecord] = []
        try programme.log.forEach { record in
            if let asOf, record.recordedAt > asOf { return false }
            if EntityHistory.mayConcern(record, entity: entity) { records.append(record) }
            return true
        }
        let touching = EntityHistory.events(touching: entity, in: records)
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(EntityHistory.json(touching, all: records)))
            return 0
        }
        guard !touching.isEmpty else {
            console.line("no events touch '\(entity)'")
            return 0
        }
        console.line("history of \(entity): \(touching.count) event\(touching.count == 1 ? "" : "s")")
        for line in EntityHistory.text(touching, all: records) { console.line(line) }
        return 0
    }

    static let correct = Command(
        spec: CommandSpec(
            name: "correct", abstract: "Correct an earlier event's payload by a new event (the original stays in the log).",
            options: [
                CommonOptions.log, CommonOptions.actor, CommonOptions.role, CommonOptions.reason,
                OptionSpec(name: "data", valueName: "JSON", help: "The corrected payload for the earlier event's type (required)."),
                OptionSpec(name: "effective", valueName: "DATE", help: "A corrected effective date."),
            ],
            positionals: [PositionalSpec(name: "sequence", help: "The sequence number of the event to correct.")],
            examples: ["transition correct 42 --data '{\"item\":\"DD-FIN-02\",\"status\":\"in-progress\"}' --reason \"recorded against the wrong item\""])
    ) { invocation, console in
        try amend(invocation, console: &console, type: "event.corrected")
    }

    static let retract = Command(
        spec: CommandSpec(
            name: "retract", abstract: "Retract an earlier event by a new event (the original stays in the log).",
            options: [CommonOptions.log, CommonOptions.actor, CommonOptions.role, CommonOptions.reason],
            positionals: [PositionalSpec(name: "sequence", help: "The sequence number of the event to retract.")],
            examples: ["transition retract 42 --reason \"recorded in error\""])
    ) { invocation, console in
        try amend(invocation, console: &console, type: "event.retracted")
    }

    static func amend(_ invocation: Invocation, console: inout Console, type: String) throws -> Int32 {
        guard let text = invocation.command.positional("sequence"), let sequence = Int(text), sequence >= 1 else {
            throw InputError(location: "SEQUENCE", message: "give the sequence number of the event (see 'transition log')")
        }
        guard let reason = invocation.command.value("reason"), !reason.isEmpty else {
            throw InputError(location: "--reason", message: "a correction needs --reason: auditors must see why")
        }
        let actor = try invocation.requiredActor()
        let programme = try Programme.open(at: invocation.logPath)
        var original: EventRecord?
        try programme.log.forEach { record in
            if record.sequence == sequence { original = record }
            return record.sequence < sequence
        }
        guard let original else { throw InputError(location: "SEQUENCE", message: "there is no event \(sequence) in the log") }
        var data: JSONObject = ["sequence": .int(sequence)]
        if type == "event.corrected" {
            guard let payload = invocation.command.value("data") else {
                throw InputError(location: "--data", message: "give the corrected payload as JSON (the whole data object for \(original.type))")
            }
            guard case .object(let object)? = try? JSONParser.parse(payload) else {
                throw InputError(location: "--data", message: "must be a JSON object")
            }
            data["data"] = .object(object)
            if let effective = try invocation.date("effective") { data["effective"] = .string(effective.description) }
        }
        let event = ProposedEvent(
            type: type, actor: actor, role: invocation.role, entity: original.entity, reason: reason, data: data,
            system: SystemIdentity.current().json)
        let result = try programme.record([event])
        RecordingOutput.report(result, console: &console)
        return 0
    }
}
