import Domain
import EventLog
import Projections
import Testing
import TransitionSupport

/// A small deterministic generator (SplitMix64), so property tests are reproducible from their seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but valid histories against the tiny workflow, including corrections, retractions,
/// overrides in batches, late events and date changes.
struct RandomHistory {
    var random: SeededGenerator
    var history = HistoryBuilder()
    var minute = 0

    init(seed: UInt64) { random = SeededGenerator(state: seed) }

    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }

    mutating func day() -> String {
        let date = CivilDate(daysSinceEpoch: (CivilDate(year: 2022, month: 3, day: 1)?.daysSinceEpoch ?? 0) + Int.random(in: 0..<150, using: &random))
        return date.description
    }

    mutating func time() -> String {
        minute += Int.random(in: 1..<600, using: &random)
        let stamp = Timestamp(millisecondsSinceEpoch: (Timestamp(iso8601: "2022-03-02T00:00:00Z")?.millisecondsSinceEpoch ?? 0) + Int64(minute) * 60_000)
        return stamp.description
    }

    /// A payload for `type`, or nil for types the generator leaves alone.
    mutating func payload(_ type: DomainEventType) -> JSONObject? {
        let task = pick(["M-START", "T-01", "M-GOLIVE", "T-EXTRA"])
        let item = pick(["DD-1", "DD-2", "DD-3", "DD-9"])
        let person = pick(["E1", "E2", "E3", "E4"])
        let group = pick(["G-NORTH", "G-SOUTH"])
        let contract = pick(["C-1", "C-2", "C-3"])
        let version = Int.random(in: 1...3, using: &random)
        switch type {
        case .taskStarted, .taskFinished: return ["task": .string(task), "on": .string(day())]
        case .taskProgressed: return ["task": .string(task), "percent": .int(Int.random(in: 0...100, using: &random))]
        case .taskReforecast: return ["task": .string(task), "remaining": .int(Int.random(in: 0...20, using: &random))]
        case .dueDiligenceItemAssigned: return ["item": .string(item), "owner": .string(pick(["A", "B"]))]
        case .dueDiligenceEvidenceAttached: return ["item": .string(item)]
        case .dueDiligenceStatusChanged:
            let status = pick(DueDiligenceStatus.allCases)
            var data: JSONObject = ["item": .string(item), "status": .string(status.rawValue)]
            if status == .deferred {
                data["mitigation"] = .string("M")
                data["owner"] = .string("O")
            }
            return data
        case .dueDiligenceItemSignedOff: return ["item": .string(item), "role": .string(pick(["sro-people", "pmo"]))]
        case .staffPostMapped:
            return [
                "person": .string(person), "post": .string("P"), "organisation": .string(group == "G-NORTH" ? "NORTH-CCG" : "SOUTH-CCG"),
                "targetPost": .string("T"), "group": .string(group), "employment": .string("permanent"), "boardLevel": .bool(false),
            ]
        case .consultationOpened: return ["group": .string(group)]
        case .consultationClosed: return ["group": .string(group), "outcome": .string("Done")]
        case .staffConsulted, .staffTransferConfirmed, .staffTransferred: return ["person": .string(person)]
        case .staffExceptionRaised:
            return ["person": .string(person), "exception": .string(pick(["X1", "X2"])), "kind": .string("leave"), "detail": .string("D")]
        case .staffExceptionResolved:
            return ["person": .string(person), "exception": .string(pick(["X1", "X2"])), "resolution": .string("R")]
        case .contractRegistered:
            return [
                "contract": .string(contract), "counterparty": .string("X"), "service": .string("S"),
                "annualValue": pick([.int(1000), .double(0.1), .double(2.5)]), "organisation": .string(pick(["NORTH-CCG", "SOUTH-CCG"])),
            ]
        case .contractMechanismChosen: return ["contract": .string(contract), "mechanism": .string(pick(ContractMechanism.spellings))]
        case .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred: return ["contract": .string(contract)]
        case .assetRegistered:
            return ["asset": .string(pick(["A-1", "A-2"])), "kind": .string("lease"), "description": .string("D"), "organisation": .string("NORTH-CCG")]
        case .assetTransferred: return ["asset": .string(pick(["A-1", "A-2"]))]
        case .readinessDrafted: return ["version": .int(version), "targetDate": .string(day())]
        case .readinessSectionAssessed:
            return ["version": .int(version), "section": .string(pick(["ROS-01", "ROS-02"])), "assessment": .string("assured")]
        case .readinessSigned: return ["version": .int(version), "role": .string(pick(["ceo-designate", "chair-designate"]))]
        case .readinessSubmitted, .readinessResubmitted: return ["version": .int(version)]
        case .readinessFeedbackRecorded: return ["version": .int(version), "feedback": .string("F")]
        case .baselineTaken:
            return [
                "programme": .string("tiny"), "number": .int(history.records.count), "statutoryDate": .string("2022-07-01"),
                "tasks": .array([.object(["task": .string("T-01"), "start": .string("2022-03-15"), "finish": .string("2022-03-30")])]),
            ]
        case .statutoryDateChanged:
            return ["programme": .string("tiny"), "old": .string("2022-07-01"), "new": .string(pick(["2022-10-01", "2022-08-01"])), "authority": .string("NHSE")]
        case .programmeInitialised, .workflowRevised, .eventCorrected, .eventRetracted, .ruleOverridden:
            return nil
        }
    }

    /// Builds `count` events after `programme.initialised`.
    static func make(seed: UInt64, count: Int) throws -> [EventRecord] {
        var generator = RandomHistory(seed: seed)
        try generator.history.initialise(at: "2022-03-01T09:00:00Z")
        let ordinary = DomainEventType.allCases.filter { generator.payload($0) != nil }
        while generator.history.records.count < count {
            let roll = Int.random(in: 0..<100, using: &generator.random)
            let at = generator.time()
            let earlier = generator.history.records
            if roll < 8, earlier.count > 1 {
                let target = generator.pick(Array(earlier.dropFirst()))
                let type = DomainEventType(rawValue: target.type) ?? .taskStarted
                var data: JSONObject = ["sequence": .int(target.sequence)]
                let replacement = Int.random(in: 0..<5, using: &generator.random) == 0 ? JSONObject() : generator.payload(type)
                data["data"] = .object(replacement ?? JSONObject())
                if Bool.random(using: &generator.random) { data["effective"] = .string(generator.day()) }
                try generator.history.add("event.corrected", data, at: at, reason: "Fix")
            } else if roll < 13, earlier.count > 1 {
                let target = generator.pick(Array(earlier.dropFirst()))
                try generator.history.add("event.retracted", ["sequence": .int(target.sequence)], at: at, reason: "Withdraw")
            } else if roll < 17 {
                let type = generator.pick(ordinary)
                let payload = generator.payload(type) ?? JSONObject()
                let batch = BatchMarker(first: earlier.count + 1, size: 2)
                try generator.history.add(
                    "rule.overridden", ["rule": .string("G-X"), "eventType": .string(type.rawValue)], at: at, reason: "Agreed", batch: batch)
                try generator.history.add(type.rawValue, payload, at: at, effective: generator.day(), batch: batch)
            } else {
                let type = generator.pick(ordinary)
                let payload = generator.payload(type) ?? JSONObject()
                let reason: String? = type == .statutoryDateChanged || type == .dueDiligenceStatusChanged ? "Because" : nil
                try generator.history.add(type.rawValue, payload, at: at, effective: generator.day(), reason: reason, evidence: ["doc.pdf"])
            }
        }
        return generator.history.records
    }
}

@Suite("Replay properties")
struct ReplayPropertyTests {
    static let seeds: [UInt64] = [1, 7, 2022, 0xC0FFEE]

    func canonical(_ state: TransitionState) -> String { JSONWriter.canonicalString(state.json()) }

    @Test("replaying twice gives byte-identical JSON", arguments: seeds)
    func deterministic(seed: UInt64) throws {
        let records = try RandomHistory.make(seed: seed, count: 160)
        let first = try Replay.state(records: records)
        let second = try Replay.state(records: records)
        #expect(canonical(first) == canonical(second))
        #expect(JSONWriter.pretty(first.json()) == JSONWriter.pretty(second.json()))
        #expect(first == second)
        #expect(first.throughSequence == 160)
        #expect(!first.corrections.entries.isEmpty)
        #expect(!first.overrides.entries.isEmpty)
    }

    @Test("replaying a prefix and then the rest equals replaying everything", arguments: seeds)
    func prefixThenRest(seed: UInt64) throws {
        let records = try RandomHistory.make(seed: seed, count: 160)
        let scopes: [(Timestamp?, CivilDate?)] = [(nil, nil), (nil, CivilDate(year: 2022, month: 5, day: 15)), (Timestamp(iso8601: "2022-04-20T00:00:00Z"), nil)]
        for (asOf, effectiveOn) in scopes {
            let whole = try Replay.state(records: records, asOf: asOf, effectiveOn: effectiveOn)
            for split in [1, 2, 40, 81, 159] {
                var replay = Replay(asOf: asOf, effectiveOn: effectiveOn)
                try replay.append(records[..<split])
                try replay.append(records[split...])
                #expect(canonical(replay.state) == canonical(whole), "seed \(seed) split \(split)")
            }
            var oneByOne = Replay(asOf: asOf, effectiveOn: effectiveOn)
            for record in records { try oneByOne.append(CollectionOfOne(record)) }
            #expect(canonical(oneByOne.state) == canonical(whole), "seed \(seed) one by one")
        }
    }

    @Test("as-of replay equals replaying the events recorded by then", arguments: seeds)
    func asOfIsAPrefix(seed: UInt64) throws {
        let records = try RandomHistory.make(seed: seed, count: 120)
        for cut in ["2022-03-05T00:00:00Z", "2022-04-01T12:00:00Z", "2022-05-01T00:00:00Z"] {
            let asOf = try #require(Timestamp(iso8601: cut))
            let scoped = try Replay.state(records: records, asOf: asOf)
            let prefix = try Replay.state(records: records.filter { $0.recordedAt <= asOf })
            #expect(canonical(scoped) == canonical(prefix))
        }
    }
}
