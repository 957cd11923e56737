// log-bench: durable single appends, batched appends and sequential reads on a 100k-event log.
//
//   log-bench DIR [--events N] [--single N] [--batch-size N]
// Prints one JSON object per measurement to stdout.
import EventLog
import Foundation
import TransitionSupport

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func event(_ number: Int) -> ProposedEvent {
    let kinds = ["dd.evidence.attached", "staff.consulted", "contract.mechanism.chosen", "task.progressed"]
    return ProposedEvent(
        type: kinds[number % kinds.count], actor: "bench", role: "transition-pmo", entity: "E-\(number % 2_000)",
        reason: number % 10 == 0 ? "benchmark event \(number)" : nil,
        data: ["n": .int(number), "note": .string("synthetic payload for benchmarking \(number)"), "percent": .int(number % 100)])
}

@main
struct LogBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return Int(arguments[index + 1]) ?? fallback
        }
        let total = option("--events", 100_000)
        let singles = option("--single", 1_000)
        let batchSize = option("--batch-size", 1_000)
        guard let directory = arguments.first else {
            print("usage: log-bench DIR [--events N] [--single N] [--batch-size N]")
            return
        }
        try? FileManager.default.removeItem(atPath: directory)
        let log = try EventLog.create(at: directory)

        let singleTime = try seconds {
            for number in 0..<singles { _ = try log.append([event(number)]) }
        }
        report("single durable append", count: singles, seconds: singleTime)

        var appended = singles
        let batchTime = try seconds {
            while appended < total {
                let size = min(batchSize, total - appended)
                _ = try log.append((appended..<(appended + size)).map(event))
                appended += size
            }
        }
        report("batched durable append (batch \(batchSize))", count: total - singles, seconds: batchTime)

        var read = 0
        let readTime = try seconds {
            try log.forEach { _ in
                read += 1
                return true
            }
        }
        report("sequential read (decode)", count: read, seconds: readTime)

        var verified = 0
        var bytes = 0
        let verifyTime = try seconds {
            let result = try log.verify()
            verified = result.eventCount
            bytes = result.bytes
        }
        report("verify (re-hash chain)", count: verified, seconds: verifyTime, bytes: bytes)
    }

    static func report(_ name: String, count: Int, seconds: Double, bytes: Int? = nil) {
        var line = "{\"name\":\"\(name)\",\"events\":\(count),\"seconds\":\(String(format: "%.4f", seconds)),\"eventsPerSecond\":\(Int(Double(count) / max(seconds, 1e-9)))"
        if let bytes { line += ",\"megabytesPerSecond\":\(String(format: "%.1f", Double(bytes) / 1e6 / max(seconds, 1e-9)))" }
        print(line + "}")
    }
}
