import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// Strings that stress the canonical string reading: escapes the writer emits (`\"`, `\\`, the
/// short control escapes and `\u00XX`), non-ASCII in every UTF-8 length, and canonically
/// equivalent spellings (precomposed and decomposed é), which `==` on `String` would not tell apart.
let awkwardTexts = [
    "plain", "", "Zoë – “quoted” \"straight\" back\\slash/ tab\t newline\n", "\u{08}\u{0C}\r\u{00}\u{01}\u{1F}\u{7F}",
    "naïve café 日本語 😀 \u{10FFFF}\u{FEFF}\u{2028}", "\u{E9}", "e\u{301}", "\\u0041 is not an escape here", "a long plain ASCII run of text",
]

/// Every combination of the optional envelope fields (role, entity, reason, evidence, system,
/// signature), with awkward strings in every string field.
func optionalFieldCombinations() -> [ProposedEvent] {
    let digest = String(repeating: "0123456789abcdef", count: 4)
    let evidenceVariants: [[EvidenceReference]] = [
        [EvidenceReference(name: "only-name.pdf")],
        [EvidenceReference(name: "with \"sha\".pdf", sha256: digest)],
        [EvidenceReference(name: "with-bytes", bytes: 0), EvidenceReference(name: "é", sha256: "not hex", bytes: -7)],
        [EvidenceReference(name: "all", sha256: digest, bytes: 999_999_999_999_999_999), EvidenceReference(name: "", sha256: "", bytes: 1)],
    ]
    return (0..<64).map { mask in
        func text(_ salt: Int) -> String { awkwardTexts[(mask + salt) % awkwardTexts.count] }
        return ProposedEvent(
            id: "id-\(mask)-\(text(1))", type: "t.\(text(2)).\(mask)", schema: mask - 3, actor: "actor \(text(3))",
            role: mask & 1 != 0 ? text(4) : nil, entity: mask & 2 != 0 ? text(5) : nil, reason: mask & 4 != 0 ? text(6) : nil,
            evidence: mask & 8 != 0 ? evidenceVariants[mask % evidenceVariants.count] : [],
            data: mask % 5 == 0
                ? [:]
                : [
                    "n": .int(mask * -1_000_003), "s": .string(text(7)), "f": .double(Double(mask) / 8), "b": .bool(mask % 2 == 0),
                    "z": .null, "list": .array([.int(0), .string(text(8)), .array([]), .object(["k": .string(text(9))])]),
                    "big": .int(Int.min), "nineteen": .int(1_000_000_000_000_000_000), "\u{7F}": .string("del key"),
                ],
            system: mask & 16 != 0 ? ["user": .string(text(10)), "host": .string("h"), "pid": .int(mask)] : nil,
            signature: mask & 32 != 0 ? ["format": .string("ssh"), "signature": .string("-----BEGIN-----\n\(text(11))\n-----END-----")] : nil)
    }
}

/// Stored lines written by a real log: `variedEvents()` and every optional-field combination, each
/// appended singly and then all together as one batch (so every line also appears with a batch marker).
func writerLines() throws -> [[UInt8]] {
    let directory = try TemporaryDirectory()
    let log = try EventLog.create(at: directory.file("log"))
    let events = optionalFieldCombinations() + variedEvents()
    for event in events { _ = try log.append([event]) }
    _ = try log.append(events.map { event in
        var copy = event
        copy.id = event.id.map { "batch-" + $0 }
        return copy
    })
    var lines: [[UInt8]] = []
    for segment in try log.segments() {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
        lines += bytes.split(separator: 0x0A).map(Array.init)
    }
    return lines
}

/// Lines of records sealed directly, for envelope values a log would not produce in a test run:
/// extreme sequence numbers, schemas, instants and dates (the year 10000 is written in a longer
/// form the canonical reading leaves to the full decoder).
func edgeLines() -> [[UInt8]] {
    let instants: [Int64] = [0, -1, -62_135_596_800_000, 253_402_300_799_999, 253_402_300_800_000, 951_782_400_123]
    let dates = [CivilDate(year: 1, month: 1, day: 1), CivilDate(year: 2000, month: 2, day: 29), CivilDate(year: 9999, month: 12, day: 31)]
    var lines: [[UInt8]] = []
    for (index, milliseconds) in instants.enumerated() {
        for (sequence, schema) in [(0, 0), (1, -1), (999_999_999_999_999_999, Int.max), (-5, Int.min)] {
            var record = EventRecord(
                sequence: sequence, id: "edge-\(index)", type: "t.edge", schema: schema,
                recordedAt: Timestamp(millisecondsSinceEpoch: milliseconds), effective: dates[index % dates.count] ?? CivilDate(daysSinceEpoch: 0),
                actor: "edge", role: nil, entity: nil, reason: nil, evidence: [], data: ["x": .double(-0.0), "y": .double(0.1)],
                system: nil, signature: nil, batch: BatchMarker(first: sequence, size: schema % 1000),
                previousHash: SHA256.hash(Array("\(index)".utf8)), hash: EventRecord.genesisHash)
            record.seal()
            lines.append(Array(record.line.dropLast()))
        }
    }
    return lines
}

/// `writerLines()` and `edgeLines()`, written once for the tests that edit them (empty if the log
/// cannot be written, which `writerOutput` reports).
let storedLines: [[UInt8]] = ((try? writerLines()) ?? []) + edgeLines()

/// SHA-256 of a line's body (everything before `,"hash":`, then `}`), computed here independently.
func bodyDigest(of line: [UInt8]) -> SHA256Digest {
    SHA256.hash(Array(line[0..<line.count - EventRecord.hashSuffixLength]) + [UInt8(ascii: "}")])
}

/// Checks one line: if the canonical record reading accepts it, the full decoder accepts it too,
/// with an identical record (equal, and writing the same bytes, so strings that are merely
/// canonically equivalent or a -0.0 read as 0.0 would be caught); and `EventRecord.decode` gives
/// exactly the full decoder's verdict, hash check included. Returns whether the fast path accepted.
@discardableResult
func expectRecordAgreement(_ line: [UInt8], _ comment: @autoclosure () -> Comment? = nil) -> Bool {
    line.withUnsafeBufferPointer { buffer in
        let full = Result { () throws(LineDecodingError) in try EventRecord.fullyDecodedRecord(line: buffer) }
        let fast = CanonicalLine.record(of: UnsafeRawBufferPointer(buffer))
        if let fast {
            switch full {
            case .success(let reference):
                #expect(fast == reference, comment())
                #expect(fast.line == reference.line && fast.hashValue == reference.hashValue, comment())
            case .failure(let error):
                Issue.record("accepted a line the full decoder refuses (\(error.reason)): \(comment() ?? "")")
            }
        }
        let decoded = Result { () throws(LineDecodingError) in try EventRecord.decode(line: buffer, checkingHash: true) }
        switch (decoded, full) {
        case (.success(let actual), .success(let reference)):
            #expect(actual.record == reference && actual.record.line == reference.line, comment())
            #expect(actual.hashMatches == (bodyDigest(of: line) == reference.hash), comment())
        case (.failure(let actual), .failure(let reference)):
            #expect(actual == reference, comment())
        default:
            Issue.record("decode(line:) and the full decoder disagree on acceptance: \(comment() ?? "")")
        }
        return fast != nil
    }
}

/// `line` with its hash recomputed over its (possibly edited) body, so a reading goes past the hash check.
func resealed(_ line: [UInt8]) -> [UInt8]? {
    guard line.count > EventRecord.hashSuffixLength else { return nil }
    let body = Array(line[0..<line.count - EventRecord.hashSuffixLength])
    return body + Array(",\"hash\":\"\(SHA256.hash(body + [UInt8(ascii: "}")]).hex)\"}".utf8)
}

@Suite("Replay's canonical record reading agrees with the full decoder")
struct CanonicalRecordTests {
    @Test("every line the writer produces is read canonically, into the full decoder's record")
    func writerOutput() throws {
        let lines = try writerLines() + edgeLines()
        #expect(lines.count > 150)
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            // Outside the byte-level reading on purpose: non-ASCII keys, exponents, 5-digit years,
            // envelope integers of 19 digits.
            let decoderOnly = ["t.unicode.keys", "t.exponents", "\"10000-", "\"schema\":9223372036854775807", "\"schema\":-9223372036854775808"]
                .contains { text.contains($0) }
            let accepted = expectRecordAgreement(line, "\(text)")
            #expect(accepted != decoderOnly, "read canonically: \(accepted): \(text)")
            // The stored line is the record's own line, so the record is complete.
            if let record = line.withUnsafeBytes({ CanonicalLine.record(of: $0) }) {
                #expect(Array(record.line.dropLast()) == line, "\(text)")
                #expect(try EventRecord.decode(line: line).hashMatches)
            }
        }
    }

    @Test("hand-made spellings of the same values: read canonically when canonical, else by the full decoder", arguments: [
        // (original, replacement, read canonically)
        (#""actor":"a""#, #""actor":"a\"\\\/\b\f\n\r\t\u00e9\u0000\uFFFF""#, true),  // every escape the cursor accepts
        (#""actor":"a""#, #""actor":"\u0061""#, true),  // a needless escape is still read, via the parser
        (#""id":"x""#, #""id":"x\ny""#, true),
        (#""type":"t""#, #""type":"t\"q""#, true),
        (#""role":"sro""#, #""role":"s\\ro""#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":"v\u00e9"}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":-0}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":-0.0}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":1.0}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":123456789012345678}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":1234567890123456789}"#, true),  // 19 digits: Int, via the text
        (#""data":{"k":"v"}"#, #""data":{"k":12345678901234567890}"#, true),  // beyond Int: Double
        (#""data":{"k":"v"}"#, #""data":{"k":0.1234567890123456789012345}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"a":[],"b":{},"c":[[{"d":[null,true,false]}]]}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"":1," ":2,"~":3,"\u007f":4}"#, false),  // escaped key
        (#""data":{"k":"v"}"#, #""data":{"k":1e2}"#, false),
        (#""data":{"k":"v"}"#, #""data":{"k":"\ud83d\ude00"}"#, false),  // surrogate pair
        (#""data":{"k":"v"}"#, #""data":{"k":"\ud83d"}"#, false),  // lone surrogate: both refuse
        (#""data":{"k":"v"}"#, #""data":{"k":"\x"}"#, false),  // invalid escape: both refuse
        (#""data":{"k":"v"}"#, #""data":{"b":1,"a":2}"#, false),  // keys out of order
        (#""data":{"k":"v"}"#, #""data":{"a":1,"a":2}"#, false),  // duplicate key: both refuse
        (#""data":{"k":"v"}"#, #""data":[]"#, false),  // wrong type: both refuse
        (#""data":{"k":"v"}"#, #""data":{"k":01}"#, false),
        (#","data""#, #","evidence":[],"data""#, true),
        (#","data""#, #","evidence":[{"bytes":12,"name":"n\"","sha256":"s"},{"name":""}],"data""#, true),
        (#","data""#, #","evidence":[{"name":"n","other":1}],"data""#, false),  // extra member
        (#","data""#, #","evidence":[{"bytes":"12","name":"n"}],"data""#, false),  // lenient types
        (#","data""#, #","evidence":[{"name":"n","sha256":5}],"data""#, false),
        (#","data""#, #","evidence":[{"bytes":1.0,"name":"n"}],"data""#, false),
        (#","data""#, #","evidence":[{}],"data""#, false),  // no name: both refuse
        (#","data""#, #","evidence":[{"name":1}],"data""#, false),
        (#","data""#, #","evidence":{"name":"n"},"data""#, false),
        (#""data":{"k":"v"}"#, #""data":{"k":"v"},"system":{"user":"u\u00e9"},"signature":{"a":[1,2.5,"x"]}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":"v"},"system":null"#, false),
        (#""data":{"k":"v"}"#, #""data":{"k":"v"},"batch":{"first":1,"size":2}"#, true),
        (#""data":{"k":"v"}"#, #""data":{"k":"v"},"batch":{"size":2,"first":1}"#, false),
        (#""data":{"k":"v"}"#, #""data":{"k":"v"},"batch":{"first":1.0,"size":2}"#, false),
        (#""seq":1"#, #""seq":-0"#, true),
        (#""seq":1"#, #""seq":1.0"#, false),
        (#""schema":1"#, #""schema":123456789012345678"#, true),
        (#""schema":1"#, #""schema":1234567890123456789"#, false),  // past the cursor's 18 digits
        (#""effective":"2022-05-16""#, #""effective":"2022-02-29""#, false),  // no such day: both refuse
        (#""recordedAt":"2022-05-16T09:30:00.250Z""#, #""recordedAt":"2022-05-16T24:00:00.000Z""#, false),
    ])
    func spellings(original: String, replacement: String, canonical: Bool) throws {
        let base =
            #"{"seq":1,"id":"x","type":"t","schema":1,"recordedAt":"2022-05-16T09:30:00.250Z","effective":"2022-05-16","actor":"a","role":"sro","data":{"k":"v"},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}"#
        let body = base.replacingOccurrences(of: original, with: replacement)
        #expect(body != base)
        let line = Array((String(body.dropLast()) + ",\"hash\":\"\(SHA256.hash(Array(body.utf8)).hex)\"}").utf8)
        #expect(expectRecordAgreement(line, "\(replacement)") == canonical, "\(replacement)")
    }

    /// The string reader skips eight plain bytes at a time and jumps to the first other byte of a
    /// word: each kind of such byte, at every position of a word and past it, in every string of
    /// the envelope and the payload.
    @Test("a quote, escape, control or non-ASCII byte at every offset of a string is read as the full decoder reads it")
    func specialByteAtEveryOffset() throws {
        // (as written inside the JSON string, whether the line is valid)
        let specials: [([UInt8], Bool)] = [
            (Array(#"\""#.utf8), true), (Array(#"\\"#.utf8), true), (Array(#"\n"#.utf8), true), (Array(#"\u00e9"#.utf8), true),
            (Array("é".utf8), true), (Array("😀".utf8), true), ([0x7F], true), ([0x01], false), ([0x0A], false),
            ([0xFF], false), ([0xC3], false), ([0xED, 0xA0, 0x80], false),
        ]
        let base =
            #"{"seq":1,"id":"ID","type":"t","schema":1,"recordedAt":"2022-05-16T09:30:00.250Z","effective":"2022-05-16","actor":"ACTOR","data":{"k":"VALUE"},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}"#
        var accepted = 0
        for field in ["ID", "ACTOR", "VALUE"] {
            for before in 0..<18 {
                for after in [0, 1, 7, 8, 9] {
                    for (special, valid) in specials {
                        let text = Array(repeating: UInt8(ascii: "a"), count: before) + special + Array(repeating: UInt8(ascii: "b"), count: after)
                        let parts = base.components(separatedBy: field)
                        let body = Array(parts[0].utf8) + text + Array(parts[1].utf8)
                        let line = Array(body.dropLast()) + Array(",\"hash\":\"\(SHA256.hash(body).hex)\"}".utf8)
                        let comment: Comment = "\(field): \(before) bytes, \(special), \(after) bytes"
                        let fast = expectRecordAgreement(line, comment)
                        if valid {
                            #expect(fast, comment)
                            accepted += 1
                        } else {
                            #expect(!fast, comment)
                        }
                    }
                }
            }
        }
        #expect(accepted == 3 * 18 * 5 * 7)
    }

    @Test("every truncation and every single-byte deletion of the writer's lines")
    func truncationsAndDeletions() throws {
        var accepted = 0
        #expect(storedLines.count > 150)
        for line in stride(from: 0, to: storedLines.count, by: 6).map({ storedLines[$0] }) {
            for end in 0..<line.count {
                if expectRecordAgreement(Array(line[0..<end]), "truncated at \(end): \(String(decoding: line, as: UTF8.self))") {
                    accepted += 1
                }
            }
            for position in line.indices {
                var edited = line
                edited.remove(at: position)
                if expectRecordAgreement(edited, "byte \(position) deleted: \(String(decoding: line, as: UTF8.self))") { accepted += 1 }
            }
        }
        // Deleting a byte inside a string value usually leaves a canonical line: the fast path must
        // have been exercised, not merely declined.
        #expect(accepted > 1000)
    }

    @Test("property: random single-byte edits of stored lines never make the readings disagree", arguments: 0..<8)
    func randomEdits(seed: Int) throws {
        let lines = storedLines
        #expect(lines.count > 150)
        var generator = SplitMix(seed: UInt64(seed) &+ 2000)
        let alphabet = Array(#"{}[]",:\/0123456789.eE-+ tnfaluxyzABCDEFbr"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xA9, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
        var accepted = 0
        for _ in 0..<1500 {
            var line = lines[Int(generator.next() % UInt64(lines.count))]
            let position = Int(generator.next() % UInt64(line.count))
            let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
            switch generator.next() % 5 {
            case 0: line[position] = byte
            case 1: line.insert(byte, at: position)
            case 2: line.remove(at: position)
            case 3: line.removeSubrange(position...)
            default: line[position] ^= UInt8(truncatingIfNeeded: 1 << (generator.next() % 8))
            }
            if expectRecordAgreement(line, "\(String(decoding: line, as: UTF8.self))") { accepted += 1 }
            if let resealed = resealed(line) { expectRecordAgreement(resealed, "resealed \(String(decoding: resealed, as: UTF8.self))") }
        }
        #expect(accepted > 100, "the fast path accepted only \(accepted) edited lines")
    }

    @Test("the event-line fuzz corpus: the fast path never disagrees with the full decoder")
    func fuzzCorpus() throws {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(2)  // CanonicalRecordTests.swift, EventLogTests
        let root = (components + ["Fixtures", "fuzz", "event-line"]).joined(separator: "/")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        var count = 0
        var accepted = 0
        for name in files.sorted() {
            guard let data = FileManager.default.contents(atPath: root + "/" + name) else { continue }
            let bytes = [UInt8](data)
            // Seeds hold several lines; each line is a separate input to the decoder here.
            for line in [bytes] + bytes.split(separator: 0x0A).map(Array.init) {
                if expectRecordAgreement(line, "\(name)") { accepted += 1 }
                count += 1
            }
        }
        #expect(count > 200, "expected the corpus under \(root)")
        #expect(accepted > 10, "the fast path accepted only \(accepted) of \(count) corpus lines")
    }
}
