import Domain
import EventLog
import Testing
import TransitionSupport

@Suite("Schema evolution")
struct UpcastingTests {
    /// A `staff.post.mapped` line exactly as a schema-1 build stored it (`ccg`, `board`).
    static let storedV1Line =
        #"{"seq":7,"id":"5f0c8a5e-2b7d-4c39-9a53-3f6f1c0b2d41","type":"staff.post.mapped","schema":1,"recordedAt":"2022-03-14T10:15:00.000Z","effective":"2022-03-14","actor":"HR lead","role":"hr-lead","entity":"E1001","data":{"board":false,"ccg":"BUCKS-CCG","employment":"permanent","group":"G-BUCKS","name":"Sam Jones","person":"E1001","post":"Finance Officer","targetPost":"ICB Finance Officer"},"prev":"0000000000000000000000000000000000000000000000000000000000000000","hash":"e348767d0a9e3b53b4610295557a4d6dc13a49276e008dd6810404ac172b8811"}"#

    @Test("a stored schema-1 staff.post.mapped line decodes as schema 2")
    func storedV1Line() throws {
        let (record, hashMatches) = try EventRecord.decode(line: Array(Self.storedV1Line.utf8))
        #expect(hashMatches)
        #expect(record.schema == 1)
        let recorded = try RecordedEvent.decode(record)
        guard case .staffPostMapped(let mapped) = recorded.event else {
            Issue.record("decoded as \(recorded.event.type)")
            return
        }
        #expect(mapped.organisation == "BUCKS-CCG")
        #expect(mapped.boardLevel == false)
        #expect(mapped.person == "E1001")
        #expect(recorded.event.schema == 2)
        #expect(recorded.event.data["organisation"] == .string("BUCKS-CCG"))
        #expect(recorded.event.data["ccg"] == nil)
        // The stored record is untouched: the log is never rewritten.
        #expect(recorded.record.data["ccg"] == .string("BUCKS-CCG"))
    }

    @Test("upcast renames schema-1 fields and reports the schema reached")
    func upcastRenames() {
        let (schema, data) = EventUpcasting.upcast(
            type: "staff.post.mapped", schema: 1, data: object(#"{"person":"E1","ccg":"OXON-CCG","board":true}"#))
        #expect(schema == 2)
        #expect(data == object(#"{"person":"E1","organisation":"OXON-CCG","boardLevel":true}"#))
    }

    @Test("current payloads and unknown types pass through unchanged")
    func passThrough() {
        let data: JSONObject = object(#"{"task":"T","on":"2022-01-04"}"#)
        #expect(EventUpcasting.upcast(type: "task.started", schema: 1, data: data) == (1, data))
        #expect(EventUpcasting.upcast(type: "no.such.type", schema: 1, data: data) == (1, data))
    }

    @Test("a schema-1 payload naming both spellings is refused, not silently merged")
    func bothSpellings() {
        #expect(throws: PayloadError.self) {
            try DomainEvent.decode(
                type: "staff.post.mapped", schema: 1,
                data: object(
                    #"{"person":"E1","post":"P","ccg":"A","organisation":"B","targetPost":"T","group":"G","employment":"permanent","board":false}"#))
        }
    }

    @Test("every upcaster steps an older schema of its type towards the current one")
    func registryIsWellFormed() {
        for upcaster in EventUpcasting.upcasters {
            #expect(upcaster.fromSchema >= 1)
            #expect(upcaster.fromSchema < upcaster.type.currentSchema)
        }
        #expect(DomainEventType.staffPostMapped.currentSchema == 2)
    }
}
