// transition-stress: a test and benchmark helper, not part of the product's interface.
//
// Appends events to a log in a loop and writes "ack SEQ ID" to stdout (unbuffered) for every event
// whose append returned, so crash and concurrency tests can kill it at random and check that every
// acknowledged event survived.
//
//   transition-stress LOG COUNT [--batch N] [--expect-retry] [--tag NAME]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EventLog
import TransitionSupport

@main
struct Stress {
    static func emit(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            let value = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
            return value
        }
        let batchSize = max(1, Int(option("--batch") ?? "1") ?? 1)
        let tag = option("--tag") ?? "stress"
        let expectRetry = arguments.contains("--expect-retry")
        arguments.removeAll { $0 == "--expect-retry" }
        guard arguments.count == 2, let count = Int(arguments[1]) else {
            emit("usage: transition-stress LOG COUNT [--batch N] [--expect-retry] [--tag NAME]", to: 2)
            exit(2)
        }
        do {
            let log = try EventLog.open(at: arguments[0])
            var written = 0
            while written < count {
                let size = min(batchSize, count - written)
                let events = (0..<size).map { index in
                    ProposedEvent(
                        type: "stress.appended", actor: tag, entity: "\(tag)-\(written + index)",
                        data: [
                            "n": .int(written + index), "tag": .string(tag),
                            "padding": .string(String(repeating: "x", count: 64)),
                        ])
                }
                var result: AppendResult?
                while result == nil {
                    do {
                        let expected = expectRetry ? try log.head().sequence : nil
                        result = try log.append(events, options: AppendOptions(expectedSequence: expected, lockTimeout: 60))
                    } catch EventLogError.sequenceMismatch {
                        continue
                    }
                }
                for record in result?.appended ?? [] { emit("ack \(record.sequence) \(record.id)", to: 1) }
                written += size
            }
        } catch {
            emit("transition-stress: \(error)", to: 2)
            exit(1)
        }
    }
}
