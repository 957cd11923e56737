import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// Events that exercise every optional field and every corner of the canonical writer.
func variedEvents() -> [ProposedEvent] {
    let awkward = "Zoë – “quoted” \"straight\" back\\slash tab\t newline\n bell\u{07} del\u{7F} 😀 \u{10FFFF}"
    return [
        sampleEvent(1),
        ProposedEvent(type: "t.minimal", actor: "a", data: [:]),
        ProposedEvent(
            id: "fixed-id-1", type: "dd.evidence.attached", actor: "A. Patel", role: "sro", entity: "DD-01", reason: awkward,
            evidence: [EvidenceReference(name: "a.pdf", sha256: String(repeating: "b", count: 64), bytes: 1234), EvidenceReference(name: "b")],
            data: [
                "text": .string(awkward), "n": .int(-42), "big": .int(Int.max), "x": .double(1.5), "flag": .bool(true), "off": .bool(false), "nothing": .null,
                "list": .array([.int(1), .array([]), .object([:]), .string("é")]),
                "nested": .object(["z": .int(0), "a": .object(["deep": .array([.null])])]), "": .string("empty key"),
            ],
            system: ["user": .string("ap"), "host": .string("h"), "tool": .string("transition 0.1.0")],
            signature: ["format": .string("ssh"), "signature": .string("-----BEGIN SSH SIGNATURE-----\nabc\n-----END SSH SIGNATURE-----")]),
        // These two are valid but outside the byte-level reading: they take the decoder's path.
        ProposedEvent(type: "t.unicode.keys", actor: "b", data: ["é": .int(1), "e": .int(2)]),
        ProposedEvent(type: "t.exponents", actor: "b", data: ["tiny": .double(0.00001), "huge": .double(1e300)]),
        ProposedEvent(type: "t.control", actor: "c", entity: "", reason: "", data: ["c": .string("\u{00}\u{01}\u{1F}")]),
    ]
}

/// Stored lines of a log holding `variedEvents()`, singly and as a batch.
func variedLines() throws -> [[UInt8]] {
    let directory = try TemporaryDirectory()
    let log = try EventLog.create(at: directory.file("log"))
    for event in variedEvents() { _ = try log.append([event]) }
    _ = try log.append(variedEvents().map { event in
        var copy = event
        copy.id = nil
        return copy
    })
    let segment = try #require(try log.segments().first)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
    return bytes.split(separator: 0x0A).map(Array.init)
}

/// The canonical reading must agree with the full decoder whenever it accepts a line.
func expectAgreement(_ line: [UInt8], _ comment: Comment? = nil) {
    line.withUnsafeBytes { raw in
        let reference = LineOutcome.decoded(raw)
        if let facts = CanonicalLine.facts(of: raw) {
            #expect(reference == .event(facts), comment)
        }
        #expect(LineOutcome.examine(raw) == reference, comment)
    }
}

@Suite("The verifier's byte-level reading of canonical lines agrees with the full decoder")
struct CanonicalLineTests {
    @Test("every line the writer produces is read canonically, with the decoder's values")
    func writerOutputIsCanonical() throws {
        for line in try variedLines() {
            let text = String(decoding: line, as: UTF8.self)
            let facts = line.withUnsafeBytes { CanonicalLine.facts(of: $0) }
            let decoderOnly = text.contains("t.unicode.keys") || text.contains("t.exponents")
            #expect((facts == nil) == decoderOnly, "not read canonically: \(String(decoding: line, as: UTF8.self))")
            #expect(decoderOnly || facts?.hashMatches == true)
            expectAgreement(line)
        }
    }

    @Test("hand-made deviations from the canonical form go to the decoder, which gives the same verdict", arguments: [
        (#"{"seq":1"#, #"{ "seq":1"#),  // white space
        (#""schema":1"#, #""schema":1.0"#),  // integral double
        (#""schema":1"#, #""schema":1e0"#),  // exponent
        (#""schema":1"#, #""schema":01"#),  // leading zero
        (#""actor":"a""#, #""actor":"\u0061""#),  // needless escape
        (#""actor":"a""#, #""actor":"\ud83d\ude00""#),  // surrogate pair
        (#""actor":"a""#, #""actor":"\ud83d""#),  // lone surrogate
        (#""data":{"#, #""data":{"dup":1,"dup":2,"#),  // duplicate key
        (#""data":{"#, #""data":{"zz":1,"#),  // keys out of order
        (#""recordedAt":"2022-05-16T09:30:00.250Z""#, #""recordedAt":"2022-05-16T09:30:00.25Z""#),
        (#""recordedAt":"2022-05-16T09:30:00.250Z""#, #""recordedAt":"2022-05-16T09:30:00.250+00:00""#),
        (#""recordedAt":"2022-05-16T09:30:00.250Z""#, #""recordedAt":"2022-02-30T09:30:00.250Z""#),
        (#""effective":"2022-05-16""#, #""effective":"2022-5-16""#),
        (#""effective":"2022-05-16""#, #""effective":"0000-05-16""#),
        (#""prev":"0"#, #""prev":"A"#),
        (#","data""#, #","extra":true,"data""#),  // unknown field
        (#""role":"sro","#, ""),  // optional field removed
        (#""seq":1"#, #""seq":-1"#),
        (#""seq":1"#, #""seq":12345678901234567890"#),
    ])
    func deviations(original: String, replacement: String) throws {
        let base =
            #"{"seq":1,"id":"x","type":"t","schema":1,"recordedAt":"2022-05-16T09:30:00.250Z","effective":"2022-05-16","actor":"a","role":"sro","data":{"k":"v"},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}"#
        let body = base.replacingOccurrences(of: original, with: replacement)
        #expect(body != base || original == replacement)
        let digest = SHA256.hash(Array(body.utf8))
        let line = Array((String(body.dropLast()) + ",\"hash\":\"\(digest.hex)\"}").utf8)
        expectAgreement(line, "\(replacement)")
        let unchanged = Array((String(base.dropLast()) + ",\"hash\":\"\(SHA256.hash(Array(base.utf8)).hex)\"}").utf8)
        #expect(unchanged.withUnsafeBytes { CanonicalLine.facts(of: $0) } != nil)
    }

    @Test("strings are read eight bytes at a time: a special byte at any offset is still seen", arguments: [
        [UInt8(ascii: "\\"), UInt8(ascii: "n")], [UInt8(ascii: "\\"), UInt8(ascii: "q")], [0x00], [0x1F], [0x20], [0x7F], [0x80],
        [0xC3, 0xA9], [0xC3], [0xED, 0xA0, 0x80], [0xFF], [UInt8(ascii: "\"")],
    ])
    func stringFastPath(special: [UInt8]) {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 24] {
            for offset in 0...length {
                var actor = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                actor.insert(contentsOf: special, at: offset)
                let body = Array(#"{"seq":1,"id":"x","type":"t","schema":1,"recordedAt":"2022-05-16T09:30:00.250Z","effective":"2022-05-16","actor":""#.utf8)
                    + actor + Array(#"","data":{"k":"v"},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}"#.utf8)
                let line = Array(body.dropLast()) + Array(",\"hash\":\"\(SHA256.hash(body).hex)\"}".utf8)
                expectAgreement(line, "special \(special) at \(offset) of \(length)")
                if special == [0x20] || special == [0x7F] || special == [0xC3, 0xA9] || special == [UInt8(ascii: "\\"), UInt8(ascii: "n")] {
                    #expect(line.withUnsafeBytes { CanonicalLine.facts(of: $0) }?.hashMatches == true)
                }
            }
        }
    }

    @Test("property: random edits of stored lines never make the two readings disagree", arguments: 0..<6)
    func randomEdits(seed: Int) throws {
        let lines = try variedLines()
        var generator = SplitMix(seed: UInt64(seed) &+ 1000)
        let alphabet = Array(#"{}[]",:\/0123456789.eE-+ tnfaluxyzABCDEF"#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xA9, 0xED, 0xF0, 0xFF]
        for _ in 0..<1500 {
            var line = lines[Int(generator.next() % UInt64(lines.count))]
            let edits = 1 + Int(generator.next() % 3)
            for _ in 0..<edits where !line.isEmpty {
                let position = Int(generator.next() % UInt64(line.count))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 4 {
                case 0: line[position] = byte
                case 1: line.insert(byte, at: position)
                case 2: line.remove(at: position)
                default: line[position] ^= UInt8(truncatingIfNeeded: 1 << (generator.next() % 8))
                }
            }
            expectAgreement(line, "\(String(decoding: line, as: UTF8.self))")
            // Re-seal the edited body so the hash matches and the reading goes past the hash check.
            if let cut = String(decoding: line, as: UTF8.self).range(of: ",\"hash\":\"", options: .backwards) {
                let body = Array(String(decoding: line, as: UTF8.self)[..<cut.lowerBound].utf8) + [UInt8(ascii: "}")]
                let resealed = Array(body.dropLast()) + Array(",\"hash\":\"\(SHA256.hash(body).hex)\"}".utf8)
                expectAgreement(resealed, "resealed \(String(decoding: resealed, as: UTF8.self))")
            }
        }
    }
}
