import Testing
import TransitionSupport
import Workflow

@Suite struct ShippedWorkflowTests {
    static let names = ["bob-ccg-to-icb-2022.json", "icb-merger-2026.json"]

    /// The shipped workflow `name`, or `nil` (with an issue recorded) when the file is absent.
    static func load(_ name: String) throws -> WorkflowDefinition? {
        let path = TestFiles.workflowsDirectory + "/" + name
        guard TestFiles.exists(path) else {
            Issue.record("\(path) is missing; skipped")
            return nil
        }
        return try WorkflowLoader.load(path: path)
    }

    @Test("each shipped workflow loads with no problems", arguments: names)
    func loads(name: String) throws {
        guard let workflow = try ShippedWorkflowTests.load(name) else { return }
        #expect(workflow.goLive.isMilestone)
        #expect(workflow.target != nil)
        #expect(!workflow.sources.isEmpty)
        #expect(workflow.tasks.count > 10)
        #expect(!workflow.dueDiligence.items.isEmpty)
        #expect(workflow.calendar.contains(workflow.programme.statutoryDate))
    }

    @Test("the BOB workflow has the rules the format document requires")
    func bobRequiredRules() throws {
        guard let workflow = try ShippedWorkflowTests.load("bob-ccg-to-icb-2022.json") else { return }
        #expect(workflow.programme.statutoryDate == CivilDate(year: 2022, month: 7, day: 1))
        #expect(workflow.programme.goLiveMilestone == "M-GOLIVE")
        let kinds = Dictionary(workflow.rules.map { ($0.id, $0.kind.name) }, uniquingKeysWith: { first, _ in first })
        let required = [
            "DEP-TASKS": "dependency", "G-ROS-DD-CLOSED": "gate", "G-STAFF-CONSULTED": "gate",
            "G-CONTRACT-READY": "gate", "G-TRANSFER-ON-STATUTORY-DATE": "gate", "G-GOLIVE-ROS": "gate",
            "P-ROLES": "permission", "DL-OVERDUE": "deadline", "RES-DEFERRED": "residue",
        ]
        for (id, kind) in required {
            #expect(kinds[id] == kind, "rule \(id) should be a \(kind) rule")
        }
        let organisations = workflow.sources.compactMap(\.code).sorted()
        #expect(organisations == ["10Q", "14Y", "15A"])
        #expect(workflow.target?.code == "QU9")
    }
}
