import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// The line reader takes short strings from a cache it keeps for a run of lines. What it gets
/// must always be exactly the string the bytes spell, whatever the cache held before: it compares
/// whole words, so bytes past the string's end (which it reads) must never decide a match.
@Suite("Reusing strings while reading lines")
struct StringCacheTests {
    /// `bytes` followed by `padding`, so that whole-word reads past the end find something.
    func string(_ cache: StringCache, _ bytes: [UInt8], padding: [UInt8] = Array(repeating: 0x41, count: 8)) -> String {
        let buffer = bytes + padding
        return buffer.withUnsafeBufferPointer { cache.string($0.baseAddress!, count: bytes.count, readable: buffer.count) }
    }

    @Test("every string is the one its bytes spell, across hits, misses and evictions")
    func randomStrings() {
        let cache = StringCache()
        var generator = SplitMix(seed: 77)
        // A small alphabet and short lengths, so the same strings recur (hits) and many differ in
        // one byte at every position, or only in length (what whole-word comparison must tell apart).
        let alphabet = Array("ab.-é😀".unicodeScalars)
        var pool: [[UInt8]] = []
        for _ in 0..<600 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 30) { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            pool.append(Array(String(text).utf8))
        }
        for _ in 0..<20_000 {
            let bytes = pool[Int(generator.next() % UInt64(pool.count))]
            let padding = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next() % 0x7F) }
            #expect(string(cache, bytes, padding: padding) == String(decoding: bytes, as: UTF8.self))
            #expect(Array(string(cache, bytes, padding: padding).utf8) == bytes)
        }
    }

    @Test("strings that differ only in their last byte, or only in length, are told apart", arguments: [1, 7, 8, 9, 15, 16, 17, 31, 32])
    func nearMisses(length: Int) {
        let cache = StringCache()
        let base = Array(repeating: UInt8(ascii: "x"), count: length)
        var changed = base
        changed[length - 1] = UInt8(ascii: "y")
        let shorter = Array(base.dropLast())
        for _ in 0..<3 {
            // The padding repeats the string's own byte, so a read past a shorter string sees what
            // the longer one holds there.
            #expect(string(cache, base, padding: Array(repeating: UInt8(ascii: "x"), count: 8)) == String(decoding: base, as: UTF8.self))
            #expect(string(cache, changed) == String(decoding: changed, as: UTF8.self))
            #expect(string(cache, shorter, padding: Array(repeating: UInt8(ascii: "x"), count: 8)) == String(decoding: shorter, as: UTF8.self))
            #expect(string(cache, []) == "")
        }
    }

    @Test("a string too long, or whose last word cannot be read, is made without the cache")
    func outsideTheCache() {
        let cache = StringCache()
        let long = Array(repeating: UInt8(ascii: "z"), count: StringCache.longest + 1)
        #expect(string(cache, long) == String(decoding: long, as: UTF8.self))
        let short = Array("abc".utf8)
        short.withUnsafeBufferPointer { buffer in
            #expect(cache.string(buffer.baseAddress!, count: 3, readable: 3) == "abc")
        }
    }

    @Test("a line reader sharing one cache over many lines gives the records a reader without one gives")
    func sharedOverLines() throws {
        let lines = try variedLines()
        var generator = SplitMix(seed: 5)
        let cache = StringCache()
        var compared = 0
        for round in 0..<3000 {
            let line = round < lines.count ? lines[round] : EventHeaderTests.randomlyEdited(lines, &generator)
            let plain = line.withUnsafeBytes { CanonicalLine.record(of: $0) }
            let cached = line.withUnsafeBytes { CanonicalLine.record(of: $0, strings: cache) }
            #expect(plain == cached, "\(String(decoding: line, as: UTF8.self))")
            if plain != nil { compared += 1 }
        }
        #expect(compared > 100)
    }
}
