import Foundation
import Testing
@testable import EventLog

/// The block reader reads the next block while the caller decodes the last one; what it hands out
/// must be exactly the file's complete lines, in order, cut at line ends, whatever the block size.
@Suite("Reading a segment a block at a time, one block ahead")
struct BlockReaderTests {
    /// Every block `reader` hands out, with its file offset, checking that each ends with a newline.
    func blocks(of path: String, from offset: Int = 0, blockBytes: Int) throws -> [(bytes: [UInt8], offset: Int)] {
        let reader = try BlockReader(path: path, from: offset, blockBytes: blockBytes)
        defer { reader.finish() }
        var blocks: [(bytes: [UInt8], offset: Int)] = []
        while let (lines, start) = try reader.next() {
            #expect(lines.last == 0x0A, "a block ends with a newline")
            blocks.append((Array(lines), start))
        }
        return blocks
    }

    /// A new segment file holding `bytes`, in a directory removed when the value goes.
    func segment(holding bytes: [UInt8]) throws -> (directory: TemporaryDirectory, path: String) {
        let directory = try TemporaryDirectory()
        let path = directory.file("segment")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    /// Lines of varied lengths (1 to about 3,000 bytes), deterministically.
    func lines(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        for number in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 33) % (number % 50 == 0 ? 3_000 : 120) + 1
            bytes += (0..<length).map { UInt8(ascii: "a") + UInt8(($0 + number) % 26) }
            bytes.append(0x0A)
        }
        return bytes
    }

    @Test("the blocks are the file's complete lines in order, at any block size", arguments: [1, 7, 64, 1_000, 4_096, 1 << 20])
    func completeLines(blockBytes: Int) throws {
        let content = lines(count: 700, seed: UInt64(blockBytes))
        let (directory, path) = try segment(holding: content)
        defer { withExtendedLifetime(directory) {} }
        let read = try blocks(of: path, blockBytes: blockBytes)
        #expect(read.flatMap(\.bytes) == content)
        // Each block starts where the one before it ended.
        var expectedOffset = 0
        for block in read {
            #expect(block.offset == expectedOffset)
            expectedOffset += block.bytes.count
        }
        if blockBytes >= 4_096 { #expect(read.count < 700, "a block holds many lines") }
    }

    @Test("a final run of bytes without a newline (a torn line) is never handed out", arguments: [1, 13, 4_096])
    func tornTail(blockBytes: Int) throws {
        let complete = lines(count: 200, seed: 3)
        let (directory, path) = try segment(holding: complete + Array("{\"seq\":201,\"id\":\"tor".utf8))
        defer { withExtendedLifetime(directory) {} }
        #expect(try blocks(of: path, blockBytes: blockBytes).flatMap(\.bytes) == complete)
    }

    @Test("reading starts at the given offset, and an empty file or one with no complete line gives nothing")
    func offsetsAndEmptyFiles() throws {
        let content = lines(count: 50, seed: 9)
        let (directory, path) = try segment(holding: content)
        defer { withExtendedLifetime(directory) {} }
        let cut = (content[..<(content.count / 2)].lastIndex(of: 0x0A) ?? 0) + 1
        let rest = try blocks(of: path, from: cut, blockBytes: 100)
        #expect(rest.flatMap(\.bytes) == Array(content[cut...]))
        #expect(rest.first?.offset == cut)

        try Data().write(to: URL(fileURLWithPath: path))
        #expect(try blocks(of: path, blockBytes: 100).isEmpty)
        try Data("no newline here".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try blocks(of: path, blockBytes: 4).isEmpty)
    }

    @Test("a reader given up early waits for its read ahead and can be finished at once")
    func finishedEarly() throws {
        let content = lines(count: 2_000, seed: 5)
        let (directory, path) = try segment(holding: content)
        defer { withExtendedLifetime(directory) {} }
        for _ in 0..<50 {
            let reader = try BlockReader(path: path, from: 0, blockBytes: 512)
            let first = try #require(try reader.next())
            #expect(Array(first.lines) == Array(content[..<first.lines.count]))
            // A read of the next block is in flight here.
            reader.finish()
        }
    }

    @Test("lines appended while a segment is read are read whole or not at all")
    func growingFile() throws {
        let content = lines(count: 3_000, seed: 11)
        let (directory, path) = try segment(holding: [])
        defer { withExtendedLifetime(directory) {} }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        // Written in pieces that end mid-line, while the reader reads.
        let pieces = stride(from: 0, to: content.count, by: 997).map { Array(content[$0..<min($0 + 997, content.count)]) }
        let writer = Thread {
            for piece in pieces { handle.write(Data(piece)) }
        }
        writer.start()
        let reader = try BlockReader(path: path, from: 0, blockBytes: 256)
        defer { reader.finish() }
        var read: [UInt8] = []
        var idle = 0
        // Read until everything written has been read as whole lines (the reader ends at the
        // current end of the file; read again from there, as a caller following the log would).
        var offset = 0
        var current: BlockReader? = reader
        while read.count < content.count, idle < 10_000 {
            guard let active = current else { break }
            if let (lines, start) = try active.next() {
                #expect(start == offset)
                read += Array(lines)
                offset += lines.count
            } else {
                if active !== reader { active.finish() }
                idle += 1
                current = try BlockReader(path: path, from: offset, blockBytes: 256)
            }
        }
        if let current, current !== reader { current.finish() }
        try handle.close()
        #expect(read == content)
    }
}
