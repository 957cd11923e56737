#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Domain
import EventLog
import Projections
import Testing
import TransitionSupport
import Workflow

/// Replays the shipped BOB workflow, stored in its event exactly as read from `Workflows/`.
@Suite("Shipped workflow")
struct ShippedWorkflowTests {
    static let path: String = {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return (components + ["Workflows", "bob-ccg-to-icb-2022.json"]).joined(separator: "/")
    }()

    static func bytes() -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            bytes += chunk[0..<count]
            if count < chunk.count { return bytes }
        }
    }

    @Test("the BOB workflow stored in programme.initialised puts its whole checklist in force", .enabled(if: bytes() != nil))
    func bob() throws {
        let bytes = try #require(Self.bytes())
        guard case .object(let document) = try JSONParser.parse(bytes) else {
            Issue.record("the workflow is not a JSON object")
            return
        }
        let expected = try WorkflowLoader.load(bytes: bytes, file: Self.path)
        var history = HistoryBuilder()
        try history.add(
            "programme.initialised",
            [
                "programme": .string(expected.programme.id), "workflow": .object(document),
                "workflowSha256": .string(SHA256.hash(bytes).hex), "workflowFile": .string("Workflows/bob-ccg-to-icb-2022.json"),
            ],
            at: "2021-10-04T09:00:00Z", role: "programme-director")
        let state = try Replay.state(records: history.records)
        #expect(state.workflow == expected)
        #expect(state.dueDiligence.ordered.count == expected.dueDiligence.items.count)
        #expect(state.ids(ofKind: "task").count == expected.tasks.count)
        #expect(state.ids(ofKind: "consultation") == expected.consultationGroups.map(\.id))
        #expect(state.field(kind: "programme", id: nil, name: "statutoryDate") == .string(expected.programme.statutoryDate.description))
        #expect(state.field(kind: "ros", id: nil, name: "status") == .string("none"))
    }
}
