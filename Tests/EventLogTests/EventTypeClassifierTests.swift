import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// Type names become small codes without a `String` per line: by the name's position among the
/// classifier's names, looked up quickly by length and first and last words, exactly as the index
/// would look them up.
@Suite("Coding event types")
struct EventTypeClassifierTests {
    let classifier = EventTypeClassifier.writerSample

    @Test("a type is coded by its name's position, 0 when it is not named, and records are kept only for kept types")
    func coding() throws {
        #expect(classifier.names.count == 6)
        #expect(classifier.code(of: "t.minimal") == 1)
        #expect(classifier.code(of: "t.unnamed.here") == 6)
        #expect(classifier.code(of: "t.exponents") == 0)
        #expect(classifier.code(of: "t.minima") == 0)
        #expect(classifier.code(of: "") == 0)
        #expect(classifier.keepsRecord(ofCode: 3))
        #expect(!classifier.keepsRecord(ofCode: 1))
        #expect(!classifier.keepsRecord(ofCode: 0))
        #expect(!classifier.keepsRecord(ofCode: 7))
        #expect(!classifier.keepsRecord(ofCode: -1))
    }

    @Test("the quick look-up by length and first and last words codes exactly as the index does")
    func quickLookup() throws {
        // Names of every length around the word boundaries, sharing first or last words.
        var names = (1...40).map { length in String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) }) }
        names += ["contract.mechanism.chosen", "contract.due-diligence.done", "contract.registered", "staff.consulted",
                  "task.progressed", "task.finished", "dd.evidence.attached", "dd.status.changed", "abcdefgh", "abcdefgh"]
        let table = EventTypeClassifier(names: names, keepingRecordsOf: [])
        var generator = SystemRandomNumberGenerator()
        var probes = names
        for name in names {
            var bytes = Array(name.utf8)
            // One byte changed anywhere, one dropped, one added: near misses.
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 1
                probes.append(String(decoding: changed, as: UTF8.self))
            }
            probes.append(String(decoding: bytes.dropLast(), as: UTF8.self))
            bytes.append(UInt8(ascii: "x"))
            probes.append(String(decoding: bytes, as: UTF8.self))
        }
        probes += ["", "é", "contract.mechanism.chosén", "\u{212A}", "abcdefgh\u{0301}"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...45, using: &generator)
            probes.append(String((0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...100, using: &generator))) }))
        }
        for probe in probes {
            let expected = table.code(of: probe)
            // Inside a line, with bytes of every kind on both sides (as the type sits between quotes).
            for padding in [0, 3, 8, 16] {
                let line = Array(repeating: UInt8(ascii: "\""), count: padding) + Array(probe.utf8) + Array("\",\"schema\":1}".utf8)
                let code = line.withUnsafeBufferPointer { line in
                    table.code(ofUTF8: UnsafeBufferPointer(rebasing: line[padding..<padding + probe.utf8.count]), within: line)
                }
                #expect(code == expected, "\(probe) after \(padding) bytes")
            }
        }
        #expect(table.code(of: "abcdefgh") == 8, "a repeated name keeps its first code")
    }
}

extension EventTypeClassifier {
    /// Names most of the writer's types (in an order of its own, not `t.exponents`) and keeps one type's records.
    static let writerSample = EventTypeClassifier(
        names: ["t.minimal", "dd.evidence.attached", "t.control", "t.unicode.keys", "sample.recorded", "t.unnamed.here"],
        keepingRecordsOf: ["t.control", "not.named"])
}
