#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

extension EventLog {
    /// Cuts off a torn tail (a partial line, or the complete lines of an unfinished batch) left by a
    /// crash, keeping what was removed in `repairs.jsonl`. Call only while holding the writer's lock.
    ///
    /// Such bytes were never acknowledged: an append returns only after its whole batch is fsync'ed.
    func repairTornTail(now: Timestamp) throws -> [RepairRecord] {
        guard let segment = try segments().last else { return [] }
        let tail = try committedTail(of: segment)
        guard tail.end < tail.size else { return [] }
        let file = try POSIXFile(path: segment.path, flags: O_RDWR)
        var removed = [UInt8](repeating: 0, count: tail.size - tail.end)
        let count = try removed.withUnsafeMutableBytes { try file.read(into: $0, at: tail.end) }
        removed.removeSubrange(count...)
        var sequences: [Int] = []
        var start = 0
        for (index, byte) in removed.enumerated() where byte == 0x0A {
            if let record = try? EventRecord.decode(line: Array(removed[start..<index]), checkingHash: false).record {
                sequences.append(record.sequence)
            }
            start = index + 1
        }
        let repair = RepairRecord(
            detectedAt: now, segment: segment.name, offset: tail.end, removedBytes: removed.count,
            kind: sequences.isEmpty ? "torn-line" : "unfinished-batch", sequences: sequences,
            removedText: String(decoding: removed, as: UTF8.self))
        // Keep the evidence first, then cut: a crash between the two repeats the repair harmlessly.
        let journal = try POSIXFile(path: layout.repairsFile, flags: O_WRONLY | O_CREAT | O_APPEND, mode: 0o660)
        var line = JSONWriter.canonical(repair.json)
        line.append(0x0A)
        try journal.writeAll(line)
        try journal.sync()
        try file.truncate(to: tail.end)
        try file.sync()
        return [repair]
    }
}
