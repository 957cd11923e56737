import Domain
import Testing
import TransitionSupport

@Suite("Strict payload decoding")
struct StrictDecodingTests {
    /// Decodes `data` as `type`, returning the error (or nil when it decodes).
    func failure(_ type: DomainEventType, _ data: JSONObject) -> PayloadError? {
        do {
            _ = try DomainEvent.decode(type: type.rawValue, schema: type.currentSchema, data: data)
            return nil
        } catch {
            return error
        }
    }

    @Test("removing a field either is allowed (optional) or is an error naming it", arguments: PayloadSamples.all.map(\.type))
    func missingFieldsAreNamed(type: DomainEventType) throws {
        let data = PayloadSamples.data(type)
        for key in data.keys {
            var without = data
            without[key] = nil
            guard let error = failure(type, without) else { continue }
            #expect(error.field == key, "\(type.rawValue) without \(key): \(error)")
            #expect(error.description.contains("'\(key)'"))
            #expect(error.description.hasPrefix(type.rawValue + ": "))
        }
    }

    @Test("a wrong-typed field is an error naming it", arguments: PayloadSamples.all.map(\.type))
    func wrongTypesAreNamed(type: DomainEventType) throws {
        let data = PayloadSamples.data(type)
        for member in data.members {
            var changed = data
            changed[member.key] = member.value.arrayValue == nil ? .array([]) : .bool(true)
            let error = try #require(failure(type, changed), "\(type.rawValue).\(member.key) accepted a wrong type")
            #expect(error.field == member.key, "\(error)")
        }
    }

    @Test("an unknown field is an error naming it and listing the real ones", arguments: PayloadSamples.all.map(\.type))
    func unknownFieldsAreNamed(type: DomainEventType) throws {
        var data = PayloadSamples.data(type)
        data["bogus"] = .string("x")
        let error = try #require(failure(type, data))
        #expect(error.field == "bogus")
        guard case .unknownField(let allowed) = error.problem else {
            Issue.record("expected unknownField, got \(error)")
            return
        }
        #expect(Set(allowed).isSuperset(of: data.keys.filter { $0 != "bogus" }))
    }

    @Test("a bad enumeration value lists the allowed values in order")
    func badStatus() throws {
        let error = try #require(failure(.dueDiligenceStatusChanged, object(#"{"item":"DD-1","status":"done"}"#)))
        #expect(
            error.description
                == "dd.status.changed: field 'status' must be one of not-started, in-progress, complete, not-applicable, deferred; found 'done'")
    }

    @Test(
        "value checks name the field",
        arguments: [
            (DomainEventType.taskProgressed, #"{"task":"T","percent":101}"#, "percent", "from 0 to 100"),
            (.taskReforecast, #"{"task":"T","remaining":-1}"#, "remaining", "at least 0"),
            (.taskStarted, #"{"task":"T","on":"2022-02-30"}"#, "on", "real date"),
            (.taskStarted, #"{"task":"","on":"2022-02-03"}"#, "task", "must not be empty"),
            (.taskProgressed, #"{"task":"T","percent":12.5}"#, "percent", "found a number"),
            (.dueDiligenceStatusChanged, #"{"item":"D","status":"deferred","owner":"X"}"#, "mitigation", "deferred"),
            (.dueDiligenceStatusChanged, #"{"item":"D","status":"deferred","mitigation":"M"}"#, "owner", "deferred"),
            (.programmeInitialised, #"{"programme":"p","workflow":{},"workflowSha256":"xyz","workflowFile":"f"}"#, "workflowSha256", "64 hex"),
            (.workflowRevised, #"{"programme":"p","workflow":{},"workflowSha256":"\#(PayloadSamples.sha)","workflowFile":"f","version":1}"#, "version", "at least 2"),
            (.statutoryDateChanged, #"{"programme":"p","old":"2022-07-01","new":"2022-07-01","authority":"A"}"#, "new", "differ"),
            (.baselineTaken, #"{"programme":"p","number":1,"statutoryDate":"2022-07-01","tasks":[{"task":"T","start":"2022-01-04","finish":"2022-01-05"},{"task":"U","start":"2022-01-04","finish":"2022-01-03"}]}"#, "tasks[1].finish", "before start"),
            (.baselineTaken, #"{"programme":"p","number":1,"statutoryDate":"2022-07-01","tasks":[{"task":"T","begin":"2022-01-04"}]}"#, "tasks[0].begin", "not part"),
            (.baselineTaken, #"{"programme":"p","number":1,"statutoryDate":"2022-07-01","tasks":["T"]}"#, "tasks[0]", "an object"),
            (.staffPostMapped, #"{"person":"E","post":"P","organisation":"O","targetPost":"T","group":"G","employment":"permanent","boardLevel":false,"boardOutcome":"designate"}"#, "boardOutcome", "board-level"),
            (.staffPostMapped, #"{"person":"E","post":"P","organisation":"O","targetPost":"T","group":"G","employment":"agency","boardLevel":false}"#, "employment", "permanent, fixed-term, secondment-in, secondment-out, bank; found 'agency'"),
            (.contractRegistered, #"{"contract":"C","counterparty":"X","service":"S","annualValue":-5,"organisation":"O"}"#, "annualValue", "negative"),
            (.contractMechanismChosen, #"{"contract":"C","mechanism":"assignment"}"#, "mechanism", "transfer-scheme, novation, termination, let-expire"),
            (.assetRegistered, #"{"asset":"A","kind":"building","description":"D","organisation":"O"}"#, "kind", "asset, lease, liability, claim"),
            (.readinessSectionAssessed, #"{"version":1,"section":"S","assessment":"green"}"#, "assessment", "assured, partially-assured, not-assured"),
            (.staffExceptionRaised, #"{"person":"E","exception":"X","kind":"strike","detail":"D"}"#, "kind", "objection, secondment, fixed-term-ending, leave, other"),
            (.ruleOverridden, #"{"rule":"R","eventType":"ros.sign"}"#, "eventType", "did you mean 'ros.signed'"),
        ])
    func valueChecks(type: DomainEventType, json: String, field: String, phrase: String) throws {
        let error = try #require(failure(type, object(json)))
        #expect(error.field == field, "\(error)")
        #expect(error.description.contains(phrase), "\(error)")
    }

    @Test("unknown types are refused with a suggestion")
    func unknownType() {
        #expect(throws: PayloadError(eventType: "dd.item.signedoff", problem: .unknownType(suggestion: "dd.item.signed-off"))) {
            try DomainEvent.decode(type: "dd.item.signedoff", schema: 1, data: JSONObject())
        }
    }

    @Test("schemas newer than this build, or below 1, are refused")
    func schemas() throws {
        let data = PayloadSamples.data(.taskStarted)
        for schema in [0, 2] {
            #expect(throws: PayloadError(eventType: "task.started", problem: .unsupportedSchema(found: schema, current: 1))) {
                try DomainEvent.decode(type: "task.started", schema: schema, data: data)
            }
        }
        let error = PayloadError(eventType: "task.started", problem: .unsupportedSchema(found: 2, current: 1))
        #expect(error.description.contains("newer"))
    }

    @Test("null counts as absent")
    func nullIsAbsent() throws {
        let event = try DomainEvent.decode(type: "task.progressed", schema: 1, data: object(#"{"task":"T","percent":5,"remaining":null}"#))
        #expect(event.data == object(#"{"task":"T","percent":5}"#))
    }
}
