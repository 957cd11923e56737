import CommandLineParsing
import EventLog
import Foundation
import TransitionKit
import TransitionSupport

/// Builds the recording commands (`dd complete`, `staff transfer`, `ros sign`, ...) from the verb table.
enum RecordingCommands {
    static let shared: [OptionSpec] = [
        CommonOptions.log, CommonOptions.actor, CommonOptions.role, CommonOptions.reason,
        OptionSpec(name: "evidence", valueName: "FILE", help: "A supporting document; an existing file is fingerprinted (SHA-256).", isRepeatable: true),
        OptionSpec(name: "effective", valueName: "DATE", help: "The business date it takes effect (default: today)."),
        OptionSpec(name: "id", valueName: "UUID", help: "An event id, making a retry idempotent."),
        OptionSpec(name: "expect-seq", valueName: "N", help: "Refuse unless the log ends at sequence N."),
        OptionSpec(name: "override", help: "Record despite blocking rules (authorised roles only; needs --reason)."),
        OptionSpec(name: "key", valueName: "FILE", help: "SSH-sign the event with this private key (ssh-keygen -Y sign), for sign-offs."),
    ]

    /// The command groups (`task`, `dd`, `staff`, `contract`, `asset`, `ros`), each with its verbs.
    static func groups(extra: [String: [Command]] = [:]) -> [Command] {
        let abstracts = [
            "task": "Record task progress.", "dd": "Record due-diligence checklist progress.",
            "staff": "Record staff mapping, consultation and transfer.", "contract": "Record contract registration, mechanism and transfer.",
            "asset": "Record property and liabilities.", "ros": "Record the Readiness to Operate Statement.",
        ]
        var order: [String] = []
        for verb in RecordingVerbs.all where !order.contains(verb.group) { order.append(verb.group) }
        return order.map { group in
            let verbs = RecordingVerbs.all.filter { $0.group == group }.map(command)
            return Command(
                spec: CommandSpec(name: group, abstract: abstracts[group] ?? ""), children: verbs + (extra[group] ?? []))
        }
    }

    static func command(for verb: RecordingVerb) -> Command {
        var options = verb.fields.map { field in
            OptionSpec(name: field.flag, valueName: valueName(field.kind), help: field.help.prefix(1).uppercased() + field.help.dropFirst() + (field.required ? " (required)" : ""))
        }
        if verb.eventType.hasPrefix("task.started") || verb.eventType.hasPrefix("task.finished") {
            options.removeAll { $0.name == "on" }
            options.append(OptionSpec(name: "on", valueName: "DATE", help: "The date it happened (default: the effective date, else today)."))
        }
        var discussion = "Records a \(verb.eventType) event."
        if verb.requiresReason { discussion += " Needs --reason." }
        if verb.requiresEvidence { discussion += " Needs at least one --evidence." }
        discussion += " Refused, with nothing appended, when the workflow's rules or the recorder's role do not allow it."
        let spec = CommandSpec(
            name: verb.name, abstract: verb.abstract, discussion: discussion, options: options + shared,
            positionals: verb.entityArgument.map { [PositionalSpec(name: $0, help: "The \($0) id.")] } ?? [],
            examples: [verb.example])
        return Command(spec: spec) { invocation, console in
            try record(verb, invocation: invocation, console: &console)
        }
    }

    static func valueName(_ kind: RecordingVerb.ValueKind) -> String {
        switch kind {
        case .text: return "TEXT"
        case .integer, .number: return "N"
        case .date: return "DATE"
        case .boolean: return "yes|no"
        case .choice(let options): return options.joined(separator: "|")
        }
    }

    static func record(_ verb: RecordingVerb, invocation: Invocation, console: inout Console) throws -> Int32 {
        let command = invocation.command
        var values: [String: String] = [:]
        for field in verb.fields { if let value = command.value(field.flag) { values[field.flag] = value } }
        var (entity, data) = try verb.payload(entity: verb.entityArgument.flatMap { command.positional($0) }, values: values)
        let effective = try invocation.date("effective")
        if verb.eventType == "task.started" || verb.eventType == "task.finished" {
            let on = try invocation.date("on") ?? effective ?? Timestamp.now().date
            data["on"] = .string(on.description)
        }
        if verb.eventType == "dd.item.signed-off" || verb.eventType == "ros.signed", let role = invocation.role {
            data["role"] = .string(role)
        }
        let reason = command.value("reason")
        if verb.requiresReason, reason?.isEmpty ?? true {
            throw InputError(location: "--reason", message: "'\(verb.group) \(verb.name)' needs --reason \"why\" (auditors rely on it)")
        }
        let evidence = try command.values("evidence").map(evidenceReference)
        if verb.requiresEvidence, evidence.isEmpty {
            throw InputError(location: "--evidence", message: "'\(verb.group) \(verb.name)' needs at least one --evidence FILE")
        }
        let actor = try invocation.requiredActor()
        if let id = command.value("id"), !EventInput.isUUID(id) {
            throw InputError(location: "--id", message: "'\(id)' is not a UUID")
        }
        // A given --id makes a retry idempotent (the log looks for it); a signed event needs its id
        // before signing; otherwise the log assigns a fresh one without searching.
        let signing = command.value("key") != nil
        var event = ProposedEvent(
            id: command.value("id")?.lowercased() ?? (signing ? UUIDs.random() : nil), type: verb.eventType, schema: verb.schema,
            effective: effective ?? Timestamp.now().date,
            actor: actor, role: invocation.role, entity: entity, reason: reason, evidence: evidence, data: data,
            system: SystemIdentity.current().json)
        let programme = try Programme.open(at: invocation.logPath)
        if let key = command.value("key") {
            event.signature = try SignOff.sign(event, keyPath: key, workflow: try programme.currentWorkflow())
        }
        let override = command.flag("override") ? OverrideRequest(reason: reason ?? "") : nil
        let result = try programme.record(
            [event], override: override,
            options: AppendOptions(expectedSequence: try invocation.integer("expect-seq"), lockTimeout: invocation.lockTimeout))
        RecordingOutput.report(result, console: &console)
        return 0
    }

    static func evidenceReference(_ text: String) throws -> EvidenceReference {
        if FileManager.default.fileExists(atPath: text) { return try EvidenceHasher.reference(forFile: text) }
        return EvidenceReference(name: text)
    }
}

/// What a recording verb prints.
enum RecordingOutput {
    static func report(_ result: AppendResult, console: inout Console) {
        LogVerbs.reportRepairs(result, console: &console)
        for record in result.alreadyRecorded {
            console.line("already recorded as #\(record.sequence) (same id, same content): nothing changed")
        }
        for record in result.appended {
            var line = "recorded #\(record.sequence) \(record.type)"
            if let entity = record.entity { line += " \(entity)" }
            line += " by \(record.actor)"
            if let role = record.role { line += " (\(role))" }
            line += ", effective \(record.effective)"
            if record.type == "rule.overridden" { line += " — override: \(record.reason ?? "")" }
            for item in record.evidence {
                // A name that is no readable file is kept as a reference; say so, in case it was a mistyped path.
                line += "\n    evidence \(item.name) " + (item.sha256.map { "sha256 \($0)" } ?? "(by name only: no such file here, so no SHA-256)")
            }
            if let signature = record.signature, let fingerprint = signature["fingerprint"]?.stringValue {
                line += "\n    signed by \(signature["principal"]?.stringValue ?? "?") key \(fingerprint)"
            }
            console.line(line)
        }
        console.line("head \(result.head)")
    }
}
