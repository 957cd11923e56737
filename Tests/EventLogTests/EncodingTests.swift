import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// The canonical body as it was first written (strings built, then converted): the reference that
/// every existing hash commits to.
func referenceCanonicalBody(_ record: EventRecord) -> [UInt8] {
    var output: [UInt8] = []
    func key(_ name: String, first: Bool = false) {
        if !first { output.append(UInt8(ascii: ",")) }
        output.append(contentsOf: Array("\"\(name)\":".utf8))
    }
    func string(_ text: String) { JSONWriter.writeString(text, into: &output) }
    output.append(UInt8(ascii: "{"))
    key("seq", first: true); output.append(contentsOf: Array(String(record.sequence).utf8))
    key("id"); string(record.id)
    key("type"); string(record.type)
    key("schema"); output.append(contentsOf: Array(String(record.schema).utf8))
    key("recordedAt"); string(record.recordedAt.description)
    key("effective"); string(record.effective.description)
    key("actor"); string(record.actor)
    if let role = record.role { key("role"); string(role) }
    if let entity = record.entity { key("entity"); string(entity) }
    if let reason = record.reason { key("reason"); string(reason) }
    if !record.evidence.isEmpty { key("evidence"); JSONWriter.writeCanonical(.array(record.evidence.map(\.json)), into: &output) }
    key("data"); JSONWriter.writeCanonical(.object(record.data), into: &output)
    if let system = record.system { key("system"); JSONWriter.writeCanonical(.object(system), into: &output) }
    if let signature = record.signature { key("signature"); JSONWriter.writeCanonical(.object(signature), into: &output) }
    if let batch = record.batch { key("batch"); output.append(contentsOf: Array("{\"first\":\(batch.first),\"size\":\(batch.size)}".utf8)) }
    key("prev"); string(record.previousHash.hex)
    output.append(UInt8(ascii: "}"))
    return output
}

@Suite("The canonical encoder writes exactly the reference bytes")
struct EncodingTests {
    @Test("every field, optional or not, encodes as the reference does")
    func variedRecords() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        _ = try log.append(variedEvents())
        for record in try log.readAll() {
            #expect(record.canonicalBody == referenceCanonicalBody(record))
            #expect(record.hash == SHA256.hash(referenceCanonicalBody(record)))
            var line: [UInt8] = []
            #expect(EventRecord.writeLine(of: record, into: &line) == record.hash)
            #expect(line == record.line)
        }
    }

    @Test("times and dates at and beyond the four-digit years encode as their descriptions", arguments: [
        Int64(0), 1, -1, 999, -86_400_000, 1_653_000_000_123, -62_135_596_800_000, -62_135_596_800_001,
        -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 900_000_000_000_000,
        -900_000_000_000_000,
    ])
    func extremeTimes(milliseconds: Int64) throws {
        let time = Timestamp(millisecondsSinceEpoch: milliseconds)
        let record = EventRecord(
            sequence: 7, id: "i", type: "t", schema: 1, recordedAt: time, effective: time.date, actor: "a", role: nil,
            entity: nil, reason: nil, evidence: [], data: [:], system: nil, signature: nil, batch: BatchMarker(first: 5, size: 3),
            previousHash: EventRecord.genesisHash, hash: EventRecord.genesisHash)
        #expect(record.canonicalBody == referenceCanonicalBody(record), "\(time.description)")
    }
}
