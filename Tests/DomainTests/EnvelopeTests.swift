import Domain
import EventLog
import Testing
import TransitionSupport

@Suite("Envelope rules")
struct EnvelopeTests {
    func proposed(_ type: String, _ data: JSONObject, entity: String?, reason: String? = nil, evidence: [EvidenceReference] = []) -> ProposedEvent {
        ProposedEvent(type: type, schema: 1, actor: "A. Patel", entity: entity, reason: reason, evidence: evidence, data: data)
    }

    @Test("deferring and marking not applicable need a reason; other statuses do not")
    func reasons() throws {
        let deferred = proposed(
            "dd.status.changed", object(#"{"item":"DD-1","status":"deferred","mitigation":"M","owner":"O"}"#), entity: "DD-1")
        #expect(throws: PayloadError(eventType: "dd.status.changed", problem: .reasonRequired(why: "to mark an item deferred"))) {
            try DomainEvent.validate(proposed: deferred)
        }
        var withReason = deferred
        withReason.reason = "Closedown task after Day 1"
        _ = try DomainEvent.validate(proposed: withReason)
        var blank = deferred
        blank.reason = "   "
        #expect(throws: PayloadError.self) { try DomainEvent.validate(proposed: blank) }
        _ = try DomainEvent.validate(proposed: proposed("dd.status.changed", object(#"{"item":"DD-1","status":"complete"}"#), entity: "DD-1"))
        #expect(throws: PayloadError.self) {
            try DomainEvent.validate(proposed: proposed("dd.status.changed", object(#"{"item":"DD-1","status":"not-applicable"}"#), entity: "DD-1"))
        }
    }

    @Test("reason-required types", arguments: [DomainEventType.workflowRevised, .statutoryDateChanged, .eventCorrected, .eventRetracted, .ruleOverridden])
    func reasonRequired(type: DomainEventType) throws {
        let data = try #require(PayloadSamples.all.first { $0.type == type }?.data)
        let event = try DomainEvent.decode(type: type, currentData: data)
        #expect(event.reasonRequirement != nil)
        #expect(throws: PayloadError.self) { try event.validateEnvelope(entity: event.entity, reason: nil, evidence: []) }
        try event.validateEnvelope(entity: event.entity, reason: "Because", evidence: [])
    }

    @Test("attaching evidence needs at least one document")
    func evidence() throws {
        let bare = proposed("dd.evidence.attached", object(#"{"item":"DD-1"}"#), entity: "DD-1")
        let error = #expect(throws: PayloadError.self) { try DomainEvent.validate(proposed: bare) }
        #expect(error?.problem == .evidenceRequired)
        let attached = proposed("dd.evidence.attached", object(#"{"item":"DD-1"}"#), entity: "DD-1", evidence: [EvidenceReference(name: "list.xlsx")])
        _ = try DomainEvent.validate(proposed: attached)
    }

    @Test("the envelope's entity must name the payload's subject")
    func entity() throws {
        let wrong = proposed("task.started", object(#"{"task":"T-1","on":"2022-01-04"}"#), entity: "T-2")
        let error = #expect(throws: PayloadError.self) { try DomainEvent.validate(proposed: wrong) }
        #expect(error?.problem == .entityMismatch(expected: "T-1", found: "T-2"))
        #expect(error?.description.contains("must be 'T-1'") == true)
        let missing = proposed("ros.submitted", object(#"{"version":1}"#), entity: nil)
        #expect(throws: PayloadError.self) { try DomainEvent.validate(proposed: missing) }
        let correction = proposed("event.retracted", object(#"{"sequence":3}"#), entity: "anything", reason: "Duplicate")
        _ = try DomainEvent.validate(proposed: correction)
    }

    @Test("a proposed event built from a domain event carries type, schema, entity and data")
    func proposedFromEvent() throws {
        let event = DomainEvent.staffTransferred(StaffTransferred(person: "E1001"))
        let proposal = ProposedEvent(event, actor: "HR lead", role: "hr-lead", effective: CivilDate(year: 2022, month: 7, day: 1))
        #expect(proposal.type == "staff.transferred")
        #expect(proposal.entity == "E1001")
        #expect(proposal.schema == 1)
        #expect(try DomainEvent.validate(proposed: proposal) == event)
        let mapped = DomainEvent.staffPostMapped(
            StaffPostMapped(person: "E1", post: "P", organisation: "O", targetPost: "T", group: "G", employment: .permanent, boardLevel: false))
        #expect(ProposedEvent(mapped, actor: "HR").schema == 2)
    }
}

@Suite("Event type catalogue")
struct DomainEventTypeTests {
    @Test("wire names are unique and dotted")
    func wireNames() {
        let names = DomainEventType.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.contains(".") && $0 == $0.lowercased() })
        #expect(names.count == 36)
    }

    @Test("every type has a summary and a subject kind")
    func summaries() {
        for type in DomainEventType.allCases {
            #expect(type.summary.hasSuffix("."))
            #expect(type.entityKind.rawValue.isEmpty == false)
        }
        #expect(DomainEventType.dueDiligenceStatusChanged.entityKind == .dueDiligence)
        #expect(DomainEventType.consultationOpened.entityKind == .consultation)
        #expect(DomainEventType.readinessSigned.isSignOff)
        #expect(DomainEventType.eventRetracted.isCorrection)
    }

    @Test("payload errors read as one sentence naming type and field")
    func errorWording() {
        let missing = PayloadError(eventType: "task.started", field: "on", problem: .missing(expected: "a date (YYYY-MM-DD)"))
        #expect(missing.description == "task.started: field 'on' is missing; it must be a date (YYYY-MM-DD)")
        let wrong = PayloadError(eventType: "task.progressed", field: "percent", problem: .wrongType(expected: "an integer from 0 to 100", found: "a string"))
        #expect(wrong.description == "task.progressed: field 'percent' must be an integer from 0 to 100; found a string")
    }
}
