import Domain
import Testing
import TransitionSupport

@Suite("Payload round trips")
struct PayloadRoundTripTests {
    @Test("the samples cover every event type once")
    func samplesCoverEveryType() {
        let types = PayloadSamples.all.map(\.type)
        #expect(Set(types) == Set(DomainEventType.allCases))
        #expect(types.count == DomainEventType.allCases.count)
    }

    @Test("data -> payload -> data is lossless", arguments: PayloadSamples.all.map(\.type))
    func roundTrip(type: DomainEventType) throws {
        let data = try #require(PayloadSamples.all.first { $0.type == type }?.data)
        let event = try DomainEvent.decode(type: type.rawValue, schema: type.currentSchema, data: data)
        #expect(event.type == type)
        #expect(Swift.type(of: event.payload).eventType == type, "the type switch agrees with the payload's own type")
        #expect(event.schema == type.currentSchema)
        #expect(JSONWriter.canonical(.object(event.data)) == JSONWriter.canonical(.object(data)))
        let again = try DomainEvent.decode(type: type, currentData: event.data)
        #expect(again == event)
    }

    @Test("optional fields may be left out and stay out")
    func optionalsOmitted() throws {
        let data: JSONObject = object(#"{"task":"T-1","percent":100}"#)
        let event = try DomainEvent.decode(type: "task.progressed", schema: 1, data: data)
        guard case .taskProgressed(let progress) = event else {
            Issue.record("decoded \(event.type)")
            return
        }
        #expect(progress.remaining == nil)
        #expect(event.data == data)
    }

    @Test("whole amounts stay integers, fractional amounts stay numbers")
    func amounts() throws {
        let whole = try ContractRegistered(data: object(#"{"contract":"C","counterparty":"X","service":"S","annualValue":1200000,"organisation":"O"}"#))
        #expect(whole.data["annualValue"] == .int(1_200_000))
        let fraction = try ContractRegistered(data: object(#"{"contract":"C","counterparty":"X","service":"S","annualValue":99.5,"organisation":"O"}"#))
        #expect(fraction.data["annualValue"] == .double(99.5))
    }

    @Test("each payload names the entity the envelope must carry")
    func entities() throws {
        for sample in PayloadSamples.all {
            let event = try DomainEvent.decode(type: sample.type.rawValue, schema: sample.type.currentSchema, data: sample.data)
            switch sample.type.entityKind {
            case .ros: #expect(event.entity == "ROS")
            case .event: #expect(event.entity == nil)
            case .rule: #expect(event.entity == "G-ROS-DD-CLOSED")
            case .programme, .task, .dueDiligence, .staff, .consultation, .contract, .asset:
                let first = try #require(sample.data.members.first?.value.stringValue)
                #expect(event.entity == first, "\(sample.type.rawValue)")
            }
        }
    }
}
