import CommandLineParsing
import EventLog
import TransitionKit
import TransitionSupport

/// `init`, `append`, `log`, `verify` and `head`: the verbs that work on the log itself.
enum LogVerbs {
    static let initCommand = Command(
        spec: CommandSpec(
            name: "init", abstract: "Create an empty event log.",
            discussion: "Creates the log directory (mode 2770: the owner and its group may write, others nothing; files 0660). With --workflow, also records the programme's first event holding the workflow's full content and SHA-256; given an existing log that holds no events yet (made by a plain 'init'), it records that event there.",
            options: [
                CommonOptions.log,
                OptionSpec(name: "workflow", valueName: "FILE", help: "Initialise the programme with this workflow file."),
                OptionSpec(name: "segment-bytes", valueName: "N", help: "Start a new segment file after N bytes (default 67108864)."),
                CommonOptions.actor, CommonOptions.role, CommonOptions.reason,
            ],
            examples: ["transition init --log EventLog/main --workflow Workflows/bob-ccg-to-icb-2022.json --as \"Programme office\" --role programme-director"])
    ) { invocation, console in
        let path = invocation.logPath
        let segmentBytes = try invocation.integer("segment-bytes") ?? LogLayout.defaultSegmentBytes
        guard segmentBytes > 0 else { throw InputError(location: "--segment-bytes", message: "must be positive") }
        if let workflow = invocation.command.value("workflow") {
            // Validate before creating anything, so a bad workflow leaves no half-made log behind.
            _ = try Programme.readWorkflow(path: workflow)
        }
        let log: EventLog
        do {
            log = try EventLog.create(at: path, segmentBytes: segmentBytes)
            console.line("created an empty event log at \(log.layout.root)")
        } catch EventLogError.alreadyExists where invocation.command.value("workflow") != nil {
            // A log made by a plain 'init' holds no events yet: its programme can still begin in it.
            log = try EventLog.open(at: path)
            if invocation.command.value("segment-bytes") != nil, segmentBytes != log.segmentBytes {
                throw InputError(
                    location: "--segment-bytes",
                    message: "the log at '\(log.layout.root)' already exists with segments of \(log.segmentBytes) bytes, fixed when it was created; leave out --segment-bytes (nothing was recorded)")
            }
            let head = try log.head()
            guard head.sequence == 0 else { throw ProgrammeError.alreadyInitialised(path: log.layout.root, events: head.sequence) }
            console.line("using the empty event log at \(log.layout.root)")
        }
        if let workflow = invocation.command.value("workflow") {
            return try ProgrammeVerbs.initialise(log: log, workflowPath: workflow, invocation: invocation, console: &console)
        }
        return 0
    }

    static let append = Command(
        spec: CommandSpec(
            name: "append", abstract: "Append one event, or a JSON array of events as one atomic batch.",
            discussion: "Input is an object with at least \"type\" and \"data\" (an object), and optionally \"id\" (a UUID; re-appending the same id with the same content is a no-op), \"entity\", \"effective\" (YYYY-MM-DD), \"actor\", \"role\", \"reason\" and \"evidence\" (names, or {\"name\", \"path\"} objects whose files are hashed). Prints the sequence numbers assigned.",
            options: [
                CommonOptions.log,
                OptionSpec(name: "expect-seq", valueName: "N", help: "Refuse unless the log currently ends at sequence N."),
                OptionSpec(name: "expect-version", valueName: "ENTITY=N", help: "Refuse unless ENTITY has exactly N events.", isRepeatable: true),
                CommonOptions.actor, CommonOptions.role,
            ],
            positionals: [PositionalSpec(name: "file", help: "A JSON file, or - for standard input (the default).", isOptional: true)],
            examples: [
                "echo '{\"type\":\"dd.evidence.attached\",\"entity\":\"DD-HR-03\",\"data\":{\"item\":\"DD-HR-03\"}}' | transition append --as 'A. Patel' --role sro-people",
            ])
    ) { invocation, console in
        let log = try EventLog.open(at: invocation.logPath)
        let bytes = try invocation.readInput(invocation.command.positional("file"))
        let events = try EventInput.parse(
            bytes, defaultActor: invocation.actor, defaultRole: invocation.role, system: SystemIdentity.current())
        var versions: [String: Int] = [:]
        for text in invocation.command.values("expect-version") {
            let parts = text.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let version = Int(parts[1]) else {
                throw InputError(location: "--expect-version", message: "'\(text)' must look like ENTITY=N")
            }
            versions[String(parts[0])] = version
        }
        let options = AppendOptions(
            expectedSequence: try invocation.integer("expect-seq"), expectedEntityVersions: versions,
            lockTimeout: invocation.lockTimeout)
        let result = try log.append(events, options: options)
        report(result, console: &console)
        return 0
    }

    static func report(_ result: AppendResult, console: inout Console) {
        reportRepairs(result, console: &console)
        reportAppended(result, console: &console)
    }

    static func reportRepairs(_ result: AppendResult, console: inout Console) {
        for repair in result.repairs {
            console.error("note: repaired a torn tail left by an interrupted append: removed \(repair.removedBytes) unacknowledged bytes from \(repair.segment) (kept in repairs.jsonl)")
        }
    }

    static func reportAppended(_ result: AppendResult, console: inout Console) {
        for record in result.alreadyRecorded {
            console.line("already recorded: \(record.id) is sequence \(record.sequence) (no change)")
        }
        if !result.appended.isEmpty {
            let sequences = result.appended.map { String($0.sequence) }.joined(separator: ", ")
            let noun = result.appended.count == 1 ? "event" : "events"
            console.line("appended \(result.appended.count) \(noun): \(sequences)")
        }
        console.line("head \(result.head)")
    }

    static let log = Command(
        spec: CommandSpec(
            name: "log", abstract: "List stored events, oldest first.",
            discussion:
                "Shows the events exactly as stored, without checking the hash chain, so that an event 'verify' reports as altered can still be read. Every other query checks the chain first and refuses to answer from a damaged log.",
            options: [
                CommonOptions.log,
                OptionSpec(name: "type", valueName: "TYPE", help: "Only this type; 'dd.*' matches a prefix.", isRepeatable: true),
                OptionSpec(name: "entity", valueName: "ID", help: "Only events about this entity."),
                OptionSpec(name: "since", valueName: "TIME", help: "Only events recorded at or after this date or time."),
                OptionSpec(name: "until", valueName: "TIME", help: "Only events recorded at or before this date (whole day) or time."),
                OptionSpec(name: "from", valueName: "SEQ", help: "Only events from this sequence number on."),
                OptionSpec(name: "to", valueName: "SEQ", help: "Only events up to this sequence number."),
                OptionSpec(name: "last", valueName: "N", help: "Only the last N of the events the other options select."),
                OptionSpec(name: "json", help: "Print one JSON array of the stored events, envelope fields included."),
            ],
            examples: ["transition log --last 20", "transition log --from 1200 --to 1300 --type 'staff.*'"])
    ) { invocation, console in
        let log = try EventLog.open(at: invocation.logPath)
        let from = try invocation.integer("from")
        let to = try invocation.integer("to")
        let last = try invocation.integer("last")
        for (name, value) in [("from", from), ("to", to), ("last", last)] {
            if let value, value < 1 { throw InputError(location: "--\(name)", message: "must be 1 or more (sequence numbers and counts start at 1)") }
        }
        if let from, let to, from > to { throw InputError(location: "--to", message: "\(to) is before --from \(from); give a range that runs forwards") }
        let filter = EventFilter(
            types: invocation.command.values("type"), entity: invocation.command.value("entity"),
            since: try invocation.time("since", date: .startOfDay), until: try invocation.time("until", date: .endOfDay), from: from, to: to)
        var listing = EventListingOutput(json: invocation.command.flag("json"), console: console)
        // With --last, only the newest matches are held (at most twice N), and shown at the end.
        var newest: [EventRecord] = []
        try log.forEach { record in
            if filter.matches(record) {
                if let last {
                    newest.append(record)
                    if newest.count >= 2 * last { newest.removeFirst(newest.count - last) }
                } else {
                    listing.show(record)
                }
            }
            return !filter.isPast(record)
        }
        if let last { newest.suffix(last).forEach { listing.show($0) } }
        console = listing.finish()
        return 0
    }

    static let verify = Command(
        spec: CommandSpec(
            name: "verify", abstract: "Walk the whole hash chain and report the first damage found.",
            discussion: "Exit 0 when every event is intact; exit 1 naming the first bad sequence number, file and line, and whether an event was modified, is missing, was reordered or inserted, or the tail is torn.",
            options: [
                CommonOptions.log,
                OptionSpec(name: "anchor", valueName: "SEQ:HASH", help: "Also prove the log still extends this published head."),
                OptionSpec(name: "signatures", help: "Also re-check every SSH signature against the signers in force when it was recorded."),
                CommonOptions.json, EvidenceVerb.option,
            ])
    ) { invocation, console in
        let log = try EventLog.open(at: invocation.logPath)
        var anchor: Anchor?
        if let text = invocation.command.value("anchor") {
            guard let parsed = Anchor(text) else {
                throw InputError(location: "--anchor", message: "'\(text)' must be SEQ:HASH as printed by 'transition head'")
            }
            anchor = parsed
        }
        let report = try log.verify(anchor: anchor)
        var signatureChecks: [SignOff.Check] = []
        if invocation.command.flag("signatures") {
            let programme = Programme(log: log)
            let view = try programme.view(source: .replay)
            let signed = try programme.records(of: view, where: { $0.signature != nil })
            signatureChecks = try SignOff.verifyAll(records: signed, workflows: view.workflows)
        }
        let failedSignatures = signatureChecks.filter { !$0.valid }
        if invocation.command.flag("json") {
            var json = VerificationJSON.render(report)
            if invocation.command.flag("signatures"), case .object(var object) = json {
                object["signatures"] = .array(signatureChecks.map { check in
                    .object([
                        "seq": .int(check.sequence), "type": .string(check.type), "principal": .string(check.principal),
                        "fingerprint": .string(check.fingerprint), "valid": .bool(check.valid), "reason": .string(check.reason),
                    ])
                })
                json = .object(object)
            }
            console.write(JSONWriter.pretty(json))
        } else {
            for line in VerificationJSON.text(report) { console.line(line) }
            if invocation.command.flag("signatures") {
                console.line("signatures: \(signatureChecks.count - failedSignatures.count) of \(signatureChecks.count) valid against the signers in force when recorded")
                for check in signatureChecks {
                    console.line("  #\(check.sequence) \(check.type) \(check.valid ? "ok" : "FAILED") principal \(check.principal) key \(check.fingerprint)\(check.valid ? "" : ": \(check.reason)")")
                }
            }
        }
        let status: Int32 = report.isValid && failedSignatures.isEmpty ? 0 : 1
        if invocation.command.value("evidence") != nil { return max(status, try EvidenceVerb.run(invocation: invocation, console: &console)) }
        return status
    }

    static let head = Command(
        spec: CommandSpec(
            name: "head", abstract: "Print the log's head as SEQ:HASH, for minuting and later 'verify --anchor'.",
            options: [CommonOptions.log])
    ) { invocation, console in
        let log = try EventLog.open(at: invocation.logPath)
        console.line(try log.head().description)
        return 0
    }
}

/// Writes `transition log`'s listing: a line per event, or one JSON array of them.
private struct EventListingOutput {
    let json: Bool
    private var console: Console
    private var isEmpty = true

    init(json: Bool, console: Console) {
        self.json = json
        self.console = console
        if json { self.console.write("[") }
    }

    mutating func show(_ record: EventRecord) {
        if json {
            console.write(isEmpty ? "\n  " : ",\n  ")
            console.write(JSONWriter.canonicalString(.object(record.jsonObject)))
        } else {
            console.line(EventListing.line(for: record))
        }
        isEmpty = false
    }

    /// Closes the listing and hands the console back.
    consuming func finish() -> Console {
        if json { console.line(isEmpty ? "]" : "\n]") }
        return console
    }
}
