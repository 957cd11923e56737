#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import EventLog
import Projections
import TransitionSupport

/// Reads and writes the ``ProjectionSnapshot`` of a log: `<log>/snapshots/projections.snapshot`.
///
/// The file is one header line, `transition.snapshot/2 BUILD CHECKSUM LENGTH LENGTH`, followed by
/// two ``BinaryEncoder`` documents: the snapshot without its due-diligence register, then that
/// register. The two halves are of similar size and are read on two threads. Writing goes to a
/// temporary file renamed over the old one, so readers see the old snapshot or the new one, never a
/// mixture. Failures to write are ignored (a read-only log directory simply has no snapshot), and
/// anything wrong with a file on reading makes it absent.
struct SnapshotStore {
    static let format = "transition.snapshot/2"
    /// The file name inside the log's `snapshots` directory.
    static let fileName = "projections.snapshot"

    let directory: String
    let build: String

    init(log: EventLog, build: String = BuildFingerprint.current) {
        directory = log.layout.root + "/snapshots"
        self.build = build
    }

    var path: String { directory + "/" + SnapshotStore.fileName }

    /// The snapshot on disk, if there is a sound one written by this build.
    func load() -> ProjectionSnapshot? {
        guard let bytes = CacheFile.contents(at: path), let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 5, header[0] == Self.format, header[1] == build,
            let checksum = UInt64(header[2], radix: 16), let first = Int(header[3]), let second = Int(header[4]),
            first >= 0, second >= 0, bytes.count - newline - 1 == first + second
        else { return nil }
        let start = newline + 1
        let intact = bytes.withUnsafeBytes { Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[start...])) == checksum }
        guard intact else { return nil }
        let halves = [Array(bytes[start..<start + first]), Array(bytes[(start + first)...])]
        let rest = ParallelSlots<ProjectionSnapshot>(count: 1)
        let registers = ParallelSlots<DueDiligenceRegister>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                rest[0] = try? BinaryDecoder().decode(ProjectionSnapshot.self, from: halves[0])
            } else {
                registers[0] = try? BinaryDecoder().decode(DueDiligenceRegister.self, from: halves[1])
            }
        }
        guard var snapshot = rest[0], let register = registers[0] else { return nil }
        snapshot.state.restoreDueDiligence(register)
        return snapshot
    }

    /// Replaces the snapshot on disk with `snapshot`, best effort.
    func save(_ snapshot: ProjectionSnapshot) {
        var remainder = snapshot
        let register = remainder.state.removeDueDiligence()
        let rest = remainder
        let encoded = ParallelSlots<[UInt8]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            encoded[index] = index == 0 ? try? BinaryEncoder().encode(rest) : try? BinaryEncoder().encode(register)
        }
        guard let first = encoded[0], let second = encoded[1] else { return }
        let payload = first + second
        let header = "\(Self.format) \(build) \(String(Checksum64.of(payload), radix: 16)) \(first.count) \(second.count)\n"
        CacheFile.replace(path, with: Array(header.utf8) + payload)
    }
}
