import EventLog
import Foundation
import Signing
import Projections
import Schedule
import TransitionSupport
import Workflow

/// What the demo did, for the summary it prints.
public struct DemoSummary: Sendable {
    public var events: Int
    public var days: Int
    /// Refusals the story provokes on purpose (rule, what happened), in date order.
    public var refusals: [String]
    /// Events the rules held back and that went through on a later day (slippage).
    public var heldBack: Int
    /// Held-back counts by event type and rule.
    public var heldBackByReason: [String: Int]
    public var head: EventLog.Head
}

/// Builds a realistic history of the BOB 2022 transition (October 2021 to July 2022) day by day,
/// recording every event through `Programme` — the same payload checks and rules a user meets.
///
/// Each working day proposes the work due that day (task starts and finishes from the current
/// baseline, checklist progress, staff consultation and transfer, contract dispositions, ROS
/// versions). Events the rules hold back are retried the next day, so gates show up as slippage.
/// The story includes the statutory date moving from 1 April to 1 July 2022 with a re-baseline,
/// deliberate refusals, an authorised override and a late-recorded correction.
public struct DemoScript {
    public let programme: Programme
    let workflowPath: String
    var workflow: WorkflowDefinition
    var refusals: [String] = []
    var heldBack = 0
    var heldBackByReason: [String: Int] = [:]
    var days = 0
    var pending: [ProposedEvent] = []
    /// Throwaway SSH keys per signing role (the demo's signers), when ssh-keygen is available.
    var keys: [String: String] = [:]
    public private(set) var signingNote = ""

    static let end = CivilDate(year: 2022, month: 7, day: 29) ?? CivilDate(daysSinceEpoch: 19202)
    static let goLive = CivilDate(year: 2022, month: 7, day: 1) ?? CivilDate(daysSinceEpoch: 19174)

    public init(programme: Programme, workflowPath: String) throws {
        self.programme = programme
        self.workflowPath = workflowPath
        workflow = try Programme.readWorkflow(path: workflowPath).definition
    }

    static func date(_ text: String) -> CivilDate {
        CivilDate(iso8601: text) ?? CivilDate(daysSinceEpoch: 0)
    }

    static func at(_ day: CivilDate, minute: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Timestamp(startOf: day).millisecondsSinceEpoch + Int64(9 * 60 + minute) * 60_000)
    }

    func sro(_ workstream: String) -> String {
        workflow.workstreams.first { $0.id == workstream }?.sro.role ?? "transition-pmo"
    }

    func make(
        _ type: String, entity: String?, data: JSONObject, role: String, actor: String? = nil, on day: CivilDate, minute: Int = 0,
        effective: CivilDate? = nil, reason: String? = nil, evidence: [String] = [], schema: Int = 1
    ) -> ProposedEvent {
        ProposedEvent(
            id: UUIDs.random(), type: type, schema: schema, recordedAt: DemoScript.at(day, minute: minute), effective: effective ?? day,
            actor: actor ?? DemoCast.name(for: role), role: role, entity: entity, reason: reason,
            evidence: evidence.map { EvidenceReference(name: $0) }, data: data, system: SystemIdentity.current().json)
    }

    /// Runs the whole story and returns what happened.
    public mutating func run(progress: (String) -> Void = { _ in }) throws -> DemoSummary {
        try initialise()
        var day = DemoScript.date("2021-10-05")
        while day <= DemoScript.end {
            if day.isoWeekday <= 5 {
                try simulate(day)
                days += 1
                if day.day == 1 { progress("recorded up to \(day)") }
            }
            day = day.adding(days: 1)
        }
        let records = try programme.log.readAll()
        return DemoSummary(
            events: records.count, days: days, refusals: refusals, heldBack: heldBack, heldBackByReason: heldBackByReason,
            head: records.last.map { EventLog.Head(sequence: $0.sequence, hash: $0.hash, recordedAt: $0.recordedAt) } ?? .empty)
    }

    /// October 2021: the programme starts against the original statutory date, 1 April 2022.
    mutating func initialise() throws {
        var read = try Programme.readWorkflow(path: workflowPath)
        guard case .object(var document) = read.document, case .object(var programmeObject)? = document["programme"] else {
            throw InputError(location: workflowPath, message: "the workflow has no programme object")
        }
        programmeObject["statutoryDate"] = .string("2022-04-01")
        document["programme"] = .object(programmeObject)
        document["signers"] = .array(try demoSigners(for: read.definition))
        if keys.isEmpty { document["requiresSignature"] = .array([]) }
        let bytes = JSONWriter.canonical(.object(document))
        read = (try WorkflowLoader.load(bytes: bytes, file: workflowPath), .object(document), SHA256.hash(bytes).hex)
        workflow = read.definition
        _ = try programme.initialise(
            workflow: read, workflowPath: workflowPath + " (as at October 2021: statutory date 1 April 2022)",
            actor: DemoCast.name(for: "programme-director"), role: "programme-director",
            reason: "ICS Development Programme mobilised; CCG-to-ICB transition plan approved by the ICS Development Board",
            recordedAt: DemoScript.at(DemoScript.date("2021-10-04"), minute: 0))
    }

    /// Generates a throwaway ed25519 key for every role that signs off, next to the log.
    mutating func demoSigners(for workflow: WorkflowDefinition) throws -> [JSONValue] {
        let keygen = SSHKeygen()
        guard let executable = keygen.executablePath, keygen.isAvailable else {
            signingNote = "ssh-keygen not found (install openssh-client): the demo records sign-offs unsigned, with requiresSignature switched off"
            return []
        }
        let directory = programme.log.layout.root + "-keys"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var signers: [JSONValue] = []
        let roles = workflow.roles.filter { role in role.signOff.contains { workflow.requiresSignature($0) } }.map(\.id)
        for role in roles {
            let path = directory + "/" + role
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["-q", "-t", "ed25519", "-N", "", "-C", "\(role)@demo", "-f", path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let publicKey = try? String(contentsOfFile: path + ".pub", encoding: .utf8) else {
                throw InputError(location: path, message: "ssh-keygen could not create the demo key for \(role)")
            }
            keys[role] = path
            signers.append(.object([
                "role": .string(role), "principal": .string("\(role)@bob-demo.invalid"),
                "publicKey": .string(SignOff.keyBody(publicKey.trimmingCharacters(in: .whitespacesAndNewlines))),
            ]))
        }
        signingNote = "sign-offs are SSH-signed with throwaway demo keys in \(directory) (check with: transition verify --signatures)"
        return signers
    }

    /// Signs the events the workflow says must be signed, with the demo key of the recording role.
    func signed(_ events: [ProposedEvent]) throws -> [ProposedEvent] {
        try events.map { event in
            guard workflow.requiresSignature(event.type), let role = event.role, let key = keys[role] else { return event }
            var copy = event
            copy.signature = nil
            copy.signature = try SignOff.sign(copy, keyPath: key, workflow: workflow)
            return copy
        }
    }

    /// One working day: retry what was held back, then propose what is due.
    mutating func simulate(_ day: CivilDate) throws {
        if day == DemoScript.date("2021-12-24") {
            _ = try programme.changeStatutoryDate(
                to: DemoScript.goLive, authority: "NHS England",
                reason: "NHS England letter of 24 December 2021: ICBs established on 1 July 2022 instead of 1 April, to allow the Health and Care Bill's passage",
                actor: DemoCast.name(for: "programme-director"), role: "programme-director", recordedAt: DemoScript.at(day, minute: 0),
                evidence: [EvidenceReference(name: "NHSE letter 24 December 2021 - revised ICB establishment date.pdf")])
        }
        let view = try programme.view()
        var events = pending.map { event -> ProposedEvent in
            var retried = event
            retried.recordedAt = DemoScript.at(day, minute: 0)
            retried.effective = retried.type.hasSuffix("transferred") ? retried.effective : day
            if retried.data["on"] != nil { retried.data["on"] = .string(day.description) }
            return retried
        }
        pending = []
        events += try DemoStory.events(on: day, script: self, view: view)
        events += taskEvents(on: day, view: view, already: events)
        events += DemoStory.provocations(on: day, script: self, view: view)
        guard !events.isEmpty else { return }
        // Order within the day: programme decisions, finishes before starts, then everything else.
        events = events.enumerated().sorted { lhs, rhs in
            (DemoScript.rank(lhs.element), lhs.offset) < (DemoScript.rank(rhs.element), rhs.offset)
        }.map(\.element)
        for index in events.indices { events[index].recordedAt = DemoScript.at(day, minute: index) }
        let outcome = try programme.recordAccepted(try signed(events))
        for refused in outcome.refused {
            if DemoStory.isProvocation(refused.event) {
                let summary = refused.reason.split(separator: "\n").dropFirst().first.map { String($0).trimmingSpaces } ?? refused.reason
                refusals.append("\(day) \(refused.event.type) \(refused.event.entity ?? "") refused — \(summary)")
            } else {
                heldBack += 1
                let rule = refused.reason.split(separator: "\n").dropFirst().first.map { line in
                    String(String(line).trimmingSpaces.split(separator: ":").first ?? "")
                } ?? "input"
                heldBackByReason["\(refused.event.type) \(rule)", default: 0] += 1
                pending.append(refused.event)
            }
        }
        if let override = DemoStory.override(on: day, script: self) {
            let event = override
            _ = try programme.record([event], override: OverrideRequest(reason: event.reason ?? ""))
        }
    }

    static func rank(_ event: ProposedEvent) -> Int {
        switch event.type {
        case "programme.statutory-date.changed", "baseline.taken": return 0
        case "task.finished": return 1
        case "task.started": return 2
        case let type where type.hasPrefix("ros."): return 4
        default: return 3
        }
    }

    /// Task starts and finishes due by `day` according to the current baseline, with the story's slips.
    func taskEvents(on day: CivilDate, view: ProgrammeView, already: [ProposedEvent]) -> [ProposedEvent] {
        guard let baseline = view.state.programme.currentBaseline else { return [] }
        let queued = Set(already.compactMap { event in event.data["task"]?.stringValue.map { "\(event.type) \($0)" } })
        var events: [ProposedEvent] = []
        for task in workflow.tasks {
            guard let dates = baseline.dates(of: task.id) else { continue }
            let status = view.state.tasks.tasks[task.id]?.status ?? .notStarted
            let slip = DemoStory.slips[task.id] ?? 0
            let finish = dates.finish.adding(days: slip)
            let role = sro(task.workstream)
            if task.id == workflow.programme.goLiveMilestone, day < DemoScript.goLive { continue }
            if task.isMilestone {
                guard status != .finished, dates.start <= day, !queued.contains("task.finished \(task.id)") else { continue }
                events.append(make("task.finished", entity: task.id, data: ["task": .string(task.id), "on": .string(day.description)], role: role, on: day))
                continue
            }
            if status == .notStarted, dates.start <= day, !queued.contains("task.started \(task.id)") {
                events.append(make("task.started", entity: task.id, data: ["task": .string(task.id), "on": .string(day.description)], role: role, on: day))
            } else if status == .started, finish <= day, !queued.contains("task.finished \(task.id)") {
                events.append(make("task.finished", entity: task.id, data: ["task": .string(task.id), "on": .string(day.description)], role: role, on: day))
            } else if status == .started, let started = view.state.tasks.tasks[task.id]?.actualStart, day.isoWeekday == 5 {
                let total = max(1, started.days(to: finish))
                let done = min(95, max(5, started.days(to: day) * 100 / total))
                events.append(make("task.progressed", entity: task.id, data: ["task": .string(task.id), "percent": .int(done)], role: role, on: day))
            }
        }
        return events
    }
}

/// Illustrative people for the roles (no real individuals beyond those named in the workflow).
enum DemoCast {
    static func name(for role: String) -> String {
        switch role {
        case "programme-director": return "Programme Director (illustrative)"
        case "transition-pmo": return "Transition PMO (illustrative)"
        case "hr-lead": return "HR Lead (illustrative)"
        case "contracts-lead": return "Contracts Lead (illustrative)"
        case "finance-lead": return "Finance Lead (illustrative)"
        case "ceo-designate": return "Dr James Kent (CEO designate)"
        case "chair-designate": return "Javed Khan (Chair designate)"
        case "region": return "NHS England South East (illustrative)"
        case "accountable-officer": return "CCG Accountable Officer (illustrative)"
        default: return "SRO \(role.replacingOccurrences(of: "sro-", with: "")) (illustrative)"
        }
    }
}
