// transition-bench: the Swift side of bench/run.sh. Each subcommand prints one JSON object per
// measurement on stdout; bench/run.sh pairs them with the Python peers measured on the same data.
//
//   transition-bench data WORKFLOW EVENTS.jsonl COUNT [LOG]  deterministic synthetic transition events
//                                                    (written as JSON Lines, and appended to LOG in
//                                                    batches of 1,000 when LOG is given)
//   transition-bench replay LOG                      decode every event + fold all projections
//                                                    (LogReplay: type-mark pre-pass, then streamed blocks)
//   transition-bench headers LOG                     an as-of replay's first pass alone (exact event headers)
//   transition-bench marks LOG                       a whole replay's first pass alone (event type marks)
//   transition-bench replay-stages LOG [RUNS]        where a whole replay's time goes: each stage alone
//                                                    (wall and CPU seconds, best of RUNS, default 3)
//   transition-bench append LOG EVENTS.jsonl SINGLES BATCHSIZE BATCHED
//                                                    durable appends: SINGLES one per fsync, then
//                                                    BATCHED events in batches of BATCHSIZE
//   transition-bench verify LOG [RUNS]               re-hash the whole chain RUNS times (default 5);
//                                                    best and median seconds, threads, peak RSS
//   transition-bench network NET.json TASKS LINKS    deterministic schedule network for CPM peers
//   transition-bench cpm NET.json                    CriticalPathScheduler.schedule; CompiledSchedule
//                                                    build + runPasses; runPasses alone
//   transition-bench montecarlo NET.json ITERATIONS  MonteCarlo.analyse (PERT) from the input, and
//                                                    from a CompiledSchedule
#if canImport(Glibc)
import Glibc
#endif
import Domain
import EventLog
import Foundation
import Projections
import Schedule
import TransitionSupport
import Workflow

// MARK: - helpers

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

/// CPU seconds (user + system, every thread) this process has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Wall and CPU seconds of the run of `body` with the shortest wall time, out of `runs`, and what
/// the last run counted.
func bestStage(_ runs: Int, _ body: () throws -> Int) rethrows -> (wall: Double, cpu: Double, count: Int) {
    var best = (wall: Double.infinity, cpu: 0.0, count: 0)
    for _ in 0..<max(runs, 1) {
        let (start, cpuStart) = (now(), cpuSeconds())
        let count = try body()
        let wall = seconds(since: start)
        if wall < best.wall { best = (wall, cpuSeconds() - cpuStart, count) }
    }
    return best
}

/// How many entries `stream` hands over, a block of runs at a time (each block counted, nothing kept).
func entriesStreamed<Entry>(_ stream: ((inout [[Entry?]]) throws -> Bool) throws -> Void) rethrows -> Int {
    var count = 0
    try stream { blocks in
        count += blocks.reduce(0) { $0 + $1.count }
        return true
    }
    return count
}

/// Lends a block's runs to `concurrentPerform`, each iteration moving records out of a run of its own.
struct SharedRuns: @unchecked Sendable {
    let runs: UnsafeMutableBufferPointer<[EventRecord?]>
    init(_ runs: UnsafeMutableBufferPointer<[EventRecord?]>) { self.runs = runs }
}

/// Peak resident set size of this process, in megabytes (Linux reports ru_maxrss in KiB).
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func report(_ fields: [(String, JSONValue)]) {
    var object = JSONObject()
    for (key, value) in fields { object[key] = value }
    print(JSONWriter.canonicalString(.object(object)))
}

/// The shortest of `runs` timings of `body`, in seconds.
func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var shortest = Double.infinity
    for _ in 0..<runs {
        let start = now()
        try body()
        shortest = min(shortest, seconds(since: start))
    }
    return shortest
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("transition-bench: \(message)\n".utf8))
    exit(2)
}

/// SplitMix64: small, fast and the same on every platform, so the data is reproducible.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0..<values.count)] }
}

// MARK: - data

enum Data_ {
    static let organisations = ["BUCKS-CCG", "OXON-CCG", "BERKSW-CCG"]
    static let groups = ["G-BUCKS", "G-OXON", "G-BERKS-W"]
    static let bands = ["Band 3", "Band 4", "Band 5", "Band 6", "Band 7", "Band 8a", "Band 8b", "Band 8c", "VSM"]
    static let services = ["Community nursing", "IT support", "Payroll", "Estates FM", "Patient transport", "Diagnostics",
                           "Mental health", "Continuing healthcare", "Legal services", "Translation"]
    static let suppliers = ["Acme Health Ltd", "Oxford Diagnostics", "Thames Valley Transport", "Chiltern IT", "Berkshire Care",
                            "Northgate Payroll", "Vale Estates", "Cherwell Legal"]
    static let mechanisms = ["transfer-scheme", "novation", "termination", "let-expire"]
    /// Due-diligence item ids and (non-milestone) task ids of the workflow the log was initialised with.
    nonisolated(unsafe) static var ddItems: [String] = []
    nonisolated(unsafe) static var tasks: [String] = []

    static func loadIDs(workflow path: String) {
        guard let bytes = FileManager.default.contents(atPath: path), let root = (try? JSONParser.parse(Array(bytes)))?.objectValue
        else { fail("cannot read workflow \(path)") }
        ddItems = (root["dueDiligence"]?.objectValue?["items"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue }
        tasks = (root["tasks"]?.arrayValue ?? []).compactMap { task in
            task.objectValue?["milestone"]?.boolValue == true ? nil : task.objectValue?["id"]?.stringValue
        }
        guard !ddItems.isEmpty, !tasks.isEmpty else { fail("no due-diligence items or tasks in \(path)") }
    }

    /// The `count` events, in order: 600 staff mapped, 2,000 contracts registered, then day-to-day
    /// activity (consultation, mechanisms, contract due diligence, evidence, task progress).
    static func events(count: Int) -> [ProposedEvent] {
        var generator = Generator(state: 20_220_701)
        var events: [ProposedEvent] = []
        events.reserveCapacity(count)
        let staff = 600, contracts = 2_000
        func person(_ n: Int) -> String { "E\(10_000 + n)" }
        func contract(_ n: Int) -> String { "C-\(String(repeating: "0", count: 5 - String(n).count))\(n)" }
        var n = 0
        while events.count < count {
            let event: ProposedEvent
            if n < staff {
                var data: JSONObject = [
                    "person": .string(person(n)), "post": .string("P-\(n)"), "band": .string(generator.pick(bands)),
                    "organisation": .string(generator.pick(organisations)), "targetPost": .string("ICB-P-\(n)"),
                    "group": .string(generator.pick(groups)), "employment": .string(n % 17 == 0 ? "fixed-term" : "permanent"),
                    "boardLevel": .bool(false),
                ]
                if n % 17 == 0 { data["fixedTermEnd"] = .string("2023-03-31") }
                event = ProposedEvent(
                    type: "staff.post.mapped", schema: 2, actor: "HR lead", role: "hr-lead", entity: person(n), data: data)
            } else if n < staff + contracts {
                let c = n - staff
                event = ProposedEvent(
                    type: "contract.registered", actor: "Contracts lead", role: "contracts-lead", entity: contract(c),
                    data: ["contract": .string(contract(c)), "counterparty": .string(generator.pick(suppliers)),
                           "service": .string(generator.pick(services)), "annualValue": .int(generator.int(5_000..<2_500_000)),
                           "endDate": .string("202\(generator.int(3..<8))-03-31"), "organisation": .string(generator.pick(organisations))])
            } else {
                switch generator.int(0..<10) {
                case 0, 1:
                    let p = person(generator.int(0..<staff))
                    event = ProposedEvent(type: "staff.consulted", actor: "HR lead", role: "hr-lead", entity: p, data: ["person": .string(p)])
                case 2:
                    let c = contract(generator.int(0..<contracts))
                    event = ProposedEvent(
                        type: "contract.mechanism.chosen", actor: "Contracts lead", role: "contracts-lead", entity: c,
                        reason: "Contract review board decision", data: ["contract": .string(c), "mechanism": .string(generator.pick(mechanisms))])
                case 3:
                    let c = contract(generator.int(0..<contracts))
                    event = ProposedEvent(type: "contract.due-diligence.done", actor: "Contracts lead", role: "contracts-lead", entity: c,
                                          data: ["contract": .string(c)])
                case 4, 5:
                    let item = generator.pick(ddItems)
                    event = ProposedEvent(
                        type: "dd.evidence.attached", actor: "Programme office", role: "transition-pmo", entity: item,
                        evidence: [EvidenceReference(name: "evidence-\(n).pdf")], data: ["item": .string(item)])
                default:
                    let task = generator.pick(tasks)
                    event = ProposedEvent(type: "task.progressed", actor: "Programme office", role: "transition-pmo", entity: task,
                                          data: ["task": .string(task), "percent": .int(generator.int(0..<100))])
                }
            }
            events.append(event)
            n += 1
        }
        return events
    }

    /// One JSON object per line: the proposed event as the Python peers read it.
    static func line(_ event: ProposedEvent) -> [UInt8] {
        var object: JSONObject = [
            "type": .string(event.type), "schema": .int(event.schema), "actor": .string(event.actor), "data": .object(event.data),
        ]
        if let role = event.role { object["role"] = .string(role) }
        if let entity = event.entity { object["entity"] = .string(entity) }
        if let reason = event.reason { object["reason"] = .string(reason) }
        if !event.evidence.isEmpty { object["evidence"] = .array(event.evidence.map { .object(["name": .string($0.name)]) }) }
        var bytes = JSONWriter.canonical(.object(object))
        bytes.append(0x0A)
        return bytes
    }

    static func read(_ path: String) -> [ProposedEvent] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
        return text.split(separator: "\n").map { line in
            guard let object = (try? JSONParser.parse(String(line)))?.objectValue else { fail("bad line in \(path)") }
            return ProposedEvent(
                type: object["type"]?.stringValue ?? "", schema: object["schema"]?.intValue ?? 1, actor: object["actor"]?.stringValue ?? "",
                role: object["role"]?.stringValue, entity: object["entity"]?.stringValue, reason: object["reason"]?.stringValue,
                evidence: (object["evidence"]?.arrayValue ?? []).compactMap { $0.objectValue?["name"]?.stringValue }.map { EvidenceReference(name: $0) },
                data: object["data"]?.objectValue ?? JSONObject())
        }
    }
}

// MARK: - schedule network

enum Network {
    /// Tasks in topological order; each task after the first links back to up to `links / tasks`
    /// earlier tasks, mostly near it (workstreams), sometimes far (cross-workstream dependencies).
    static func make(tasks: Int, links: Int) -> JSONObject {
        var generator = Generator(state: 2_022_0401)
        var list: [JSONValue] = []
        var made = 0
        let perTask = max(1, links / max(1, tasks - 1))
        for index in 0..<tasks {
            var predecessors = Set<Int>()
            if index > 0 {
                let want = min(index, perTask + (made < links - (tasks - index - 1) * perTask ? 1 : 0))
                while predecessors.count < want {
                    let back = generator.int(0..<10) < 8 ? generator.int(1..<min(index, 50) + 1) : generator.int(1..<index + 1)
                    predecessors.insert(index - back)
                }
            }
            made += predecessors.count
            let duration = generator.int(1..<21)
            list.append(.object([
                "id": .string("T\(index)"), "duration": .int(duration),
                "optimistic": .int(max(0, duration * 8 / 10)), "pessimistic": .int(duration * 3 / 2 + 1),
                "predecessors": .array(predecessors.sorted().map { .string("T\($0)") }),
            ]))
        }
        return ["tasks": .array(list), "links": .int(made)]
    }

    static func input(_ path: String, milestone: Bool) -> (ScheduleInput, Int) {
        guard let bytes = FileManager.default.contents(atPath: path), let root = (try? JSONParser.parse(Array(bytes)))?.objectValue,
            let list = root["tasks"]?.arrayValue
        else { fail("cannot read network \(path)") }
        var tasks: [ScheduleTask] = []
        var hasSuccessor = Set<String>()
        for value in list {
            let task = value.objectValue!
            let id = task["id"]!.stringValue!
            let duration = task["duration"]!.intValue!
            let predecessors = task["predecessors"]!.arrayValue!.map { $0.stringValue! }
            predecessors.forEach { hasSuccessor.insert($0) }
            tasks.append(ScheduleTask(
                id: id, duration: duration, predecessors: predecessors.map { ScheduleRelation(predecessor: $0) },
                estimate: ThreePointEstimate(optimistic: task["optimistic"]!.intValue!, mostLikely: duration,
                                             pessimistic: task["pessimistic"]!.intValue!)))
        }
        if milestone {
            let sinks = tasks.filter { !hasSuccessor.contains($0.id) }.map { ScheduleRelation(predecessor: $0.id) }
            tasks.append(ScheduleTask(id: "GO-LIVE", duration: 0, isMilestone: true, predecessors: sinks))
        }
        let start = CivilDate(year: 2022, month: 1, day: 4)!
        let input = ScheduleInput(
            tasks: tasks, calendar: WorkingCalendar(start: start), statutoryDate: milestone ? CivilDate(year: 2030, month: 7, day: 1) : nil,
            goLiveMilestone: milestone ? "GO-LIVE" : nil, dataDate: start)
        return (input, root["links"]?.intValue ?? 0)
    }
}

// MARK: - main

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: see the comment at the top of main.swift") }

do {
    switch command {
    case "data":
        guard arguments.count >= 4, let count = Int(arguments[3]) else { fail("usage: data WORKFLOW.json EVENTS.jsonl COUNT [LOG]") }
        Data_.loadIDs(workflow: arguments[1])
        let arguments = Array(arguments.dropFirst())
        let start = now()
        let events = Data_.events(count: count)
        var bytes: [UInt8] = []
        for event in events { bytes += Data_.line(event) }
        _ = FileManager.default.createFile(atPath: arguments[1], contents: Foundation.Data(bytes))
        var appendSeconds = 0.0
        if arguments.count >= 4 {
            let log = try EventLog.open(at: arguments[3])
            let appendStart = now()
            var index = 0
            while index < events.count {
                let end = min(index + 1_000, events.count)
                _ = try log.append(Array(events[index..<end]))
                index = end
            }
            appendSeconds = seconds(since: appendStart)
        }
        report([("name", .string("data")), ("events", .int(count)), ("bytes", .int(bytes.count)),
                ("seconds", .double(seconds(since: start))), ("appendSeconds", .double(appendSeconds))])

    case "headers":
        let log = try EventLog.open(at: arguments[1])
        let start = now()
        var n = 0
        try log.forEachHeader(fullRecordTypes: ["event.corrected"]) { _, _ in n += 1; return true }
        report([("name", .string("headers")), ("events", .int(n)), ("seconds", .double(seconds(since: start)))])

    case "marks":
        let log = try EventLog.open(at: arguments[1])
        let classifier = EventTypeClassifier(
            names: DomainEventType.allCases.map(\.wireName), keepingRecordsOf: ["event.corrected", "event.retracted"])
        let start = now()
        var n = 0
        try log.forEachTypeMarkBlock(classifier) { runs in
            n += runs.reduce(0) { $0 + $1.count }
            return true
        }
        report([("name", .string("marks")), ("events", .int(n)), ("seconds", .double(seconds(since: start)))])

    case "replay-stages":
        // Each stage of a whole replay alone, cumulatively: the first pass (type marks); the second
        // pass's reading (lines to records); its reading and payload decoding (records to typed
        // events, on all cores as the replay does); and the whole replay (both passes, the fold).
        guard arguments.count >= 2 else { fail("usage: replay-stages LOG [RUNS]") }
        let log = try EventLog.open(at: arguments[1])
        let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
        let classifier = EventTypeClassifier(
            names: DomainEventType.allCases.map(\.wireName),
            keepingRecordsOf: ["event.corrected", "event.retracted", "programme.initialised", "workflow.revised"])
        let marks = try bestStage(runs) { try entriesStreamed { try log.forEachTypeMarkBlock(classifier, $0) } }
        let records = try bestStage(runs) { try entriesStreamed { try log.forEachBlock($0) } }
        let decoded = try bestStage(runs) {
            var count = 0
            try log.forEachBlock { blocks in
                let decodedPerRun = ParallelSlots<Int>(count: blocks.count)
                blocks.withUnsafeMutableBufferPointer { buffer in
                    let shared = SharedRuns(buffer)
                    DispatchQueue.concurrentPerform(iterations: buffer.count) { part in
                        var decodedHere = 0
                        for index in shared.runs[part].indices {
                            guard let record = shared.runs[part][index].take(), (try? RecordedEvent.decode(record)) != nil else { continue }
                            decodedHere += 1
                        }
                        decodedPerRun[part] = decodedHere
                    }
                }
                for part in blocks.indices { count += decodedPerRun.take(part) ?? 0 }
                return true
            }
            return count
        }
        let whole = try bestStage(runs) { try LogReplay.replay(log).position?.sequence ?? 0 }
        for (name, stage) in [("stage-marks", marks), ("stage-records", records), ("stage-decoded", decoded), ("stage-replay", whole)] {
            report([("name", .string(name)), ("events", .int(stage.count)), ("seconds", .double(stage.wall)), ("cpuSeconds", .double(stage.cpu))])
        }

    case "replay":
        guard arguments.count == 2 else { fail("usage: replay LOG") }
        let log = try EventLog.open(at: arguments[1])
        let start = now()
        let outcome = try LogReplay.replay(log)
        let total = seconds(since: start)
        // Touch the state so the fold cannot be optimised away.
        let events = outcome.position?.sequence ?? 0
        guard outcome.state.throughSequence == events else { fail("replay stopped at \(outcome.state.throughSequence.map(String.init) ?? "no event") of \(events)") }
        report([("name", .string("replay")), ("events", .int(events)), ("seconds", .double(total)),
                ("peakRSSMB", .double(peakRSSMegabytes()))])

    case "append":
        guard arguments.count == 6, let singles = Int(arguments[3]), let batchSize = Int(arguments[4]), let batched = Int(arguments[5])
        else { fail("usage: append LOG EVENTS.jsonl SINGLES BATCHSIZE BATCHED") }
        let events = Data_.read(arguments[2])
        guard events.count >= max(singles, batched) else { fail("not enough events in \(arguments[2])") }
        for suffix in ["-single", "-batch"] { try? FileManager.default.removeItem(atPath: arguments[1] + suffix) }
        let single = try EventLog.create(at: arguments[1] + "-single")
        var start = now()
        for event in events[0..<singles] { _ = try single.append([event]) }
        report([("name", .string("append-single")), ("events", .int(singles)), ("seconds", .double(seconds(since: start)))])
        let batch = try EventLog.create(at: arguments[1] + "-batch")
        start = now()
        var index = 0
        while index < batched {
            let end = min(index + batchSize, batched)
            _ = try batch.append(Array(events[index..<end]))
            index = end
        }
        report([("name", .string("append-batch")), ("events", .int(batched)), ("batch", .int(batchSize)),
                ("seconds", .double(seconds(since: start)))])

    case "verify":
        guard arguments.count == 2 || arguments.count == 3, let runs = Int(arguments.count == 3 ? arguments[2] : "5"), runs >= 1
        else { fail("usage: verify LOG [RUNS]") }
        let log = try EventLog.open(at: arguments[1])
        var times: [Double] = []
        var last: VerificationReport?
        for _ in 0..<runs {
            let start = now()
            let result = try log.verify()
            times.append(seconds(since: start))
            guard result.isValid else { fail("verify failed on \(arguments[1]): \(result.failure?.description ?? "")") }
            last = result
        }
        guard let result = last else { fail("verify did not run") }
        times.sort()
        let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        report([("name", .string("verify")), ("events", .int(result.eventCount)), ("bytes", .int(result.bytes)),
                ("seconds", .double(times[0])), ("medianSeconds", .double(median)), ("runs", .int(runs)),
                ("threads", .int(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))), ("peakRSSMB", .double(peakRSSMegabytes()))])

    case "network":
        guard arguments.count == 4, let tasks = Int(arguments[2]), let links = Int(arguments[3]) else { fail("usage: network NET.json TASKS LINKS") }
        let network = Network.make(tasks: tasks, links: links)
        _ = FileManager.default.createFile(atPath: arguments[1], contents: Foundation.Data(JSONWriter.canonical(.object(network))))
        report([("name", .string("network")), ("tasks", .int(tasks)), ("links", network["links"]!)])

    case "cpm":
        // Three figures on the same input, each the best of its runs: the full schedule (network,
        // passes, float, free float, rows and calendar dates); network build + passes, the same work
        // the pure-Python peer's end-to-end figure does; and the passes alone on a built network.
        guard arguments.count == 2 else { fail("usage: cpm NET.json") }
        let (input, links) = Network.input(arguments[1], milestone: false)
        let result = try CriticalPathScheduler.schedule(input)  // also the warm-up
        let full = try best(of: 20) { _ = try CriticalPathScheduler.schedule(input) }
        var summary = try CompiledSchedule(input).runPasses()
        let built = try best(of: 50) { summary = try CompiledSchedule(input).runPasses() }
        let compiled = try CompiledSchedule(input)
        let passes = best(of: 500) { summary = compiled.runPasses() }
        let finish = result.tasks.map(\.earlyFinish).max() ?? 0
        guard summary.projectFinish == finish, summary.criticalCount == result.criticalPath.count else {
            fail("the passes disagree with the schedule")
        }
        for (name, seconds, runs) in [("cpm", full, 20), ("cpm-build-passes", built, 50), ("cpm-passes", passes, 500)] {
            report([("name", .string(name)), ("tasks", .int(input.tasks.count)), ("links", .int(links)), ("seconds", .double(seconds)),
                    ("runs", .int(runs)), ("criticalTasks", .int(summary.criticalCount)), ("projectFinish", .int(finish))])
        }

    case "montecarlo":
        // End to end (compile the network, draw, run both passes, tally criticality, summarise),
        // then the same without compiling, each the best of 3.
        guard arguments.count == 3, let iterations = Int(arguments[2]) else { fail("usage: montecarlo NET.json ITERATIONS") }
        let (input, links) = Network.input(arguments[1], milestone: true)
        var analysis = try MonteCarlo.analyse(input, iterations: min(iterations, 100), seed: 42)  // warm-up
        let whole = try best(of: 3) { analysis = try MonteCarlo.analyse(input, iterations: iterations, seed: 42) }
        let compiled = try CompiledSchedule(input)
        let runs = try best(of: 3) {
            guard try MonteCarlo.analyse(compiled, iterations: iterations, seed: 42) == analysis else {
                fail("analysing the compiled network gave a different result")
            }
        }
        let critical = analysis.criticalityIndex.values.reduce(0, +)
        for (name, seconds) in [("montecarlo", whole), ("montecarlo-passes", runs)] {
            report([("name", .string(name)), ("tasks", .int(input.tasks.count - 1)), ("links", .int(links)),
                    ("iterations", .int(iterations)), ("seconds", .double(seconds)), ("p50", .string(analysis.p50.description)),
                    ("p80", .string(analysis.p80.description)), ("p95", .string(analysis.p95.description)),
                    ("probabilityOnTime", .double(analysis.probabilityOnTime)), ("meanCriticalTasks", .double(critical)),
                    ("threads", .int(ProcessInfo.processInfo.activeProcessorCount))])
        }

    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("\(error)")
}
