import Testing
import TransitionSupport
import Workflow

@Suite struct SummaryTests {
    static let expected = """
        Test CCGs to Test ICB
          Programme:          test-programme
          Format:             transition.workflow/1
          Start:              2022-01-04
          Statutory date:     2022-07-01
          Go-live milestone:  M-GOLIVE (Go live)
          Shadow from:        2022-04-01
          Float thresholds:   critical <= 0 days, near-critical <= 10 days

        Organisations (2 sources, 1 target)
          source  CCG-A  NHS A CCG (A1)
          source  CCG-B  NHS B CCG
          target  ICB    NHS Test ICB (Q1)

        Calendar
          Working days:  Mon Tue Wed Thu Fri
          Range:         2022-01-01 to 2022-12-31
          Holidays:      2

        Workstreams (2)
          FIN  Finance     SRO sro-fin (A. Person)
          GOV  Governance  SRO chair (B. Person)

        Counts
          Tasks:                4 (1 milestone)
          Relations:            3 (FS 2, SS 1, FF 0, SF 0)
          Lags / leads:         1 / 1
          Due-diligence items:  2 in 2 categories
            FINANCE:            2  Finance
            STAFF:              0  Staff
          Readiness sections:   1 (signatories: chair)
          Consultation groups:  1
          Rules:                9 (dependency 1, gate 5, permission 1, deadline 1, residue 1)
          Roles:                3 (1 read-only)
          Signers:              1
          Signature required:   ros.signed, dd.item.*

        """

    @Test("the summary of the base workflow is exact")
    func baseSummary() throws {
        let workflow = try WorkflowLoader.load(bytes: Array(BaseWorkflow.text.utf8), file: "base.json")
        #expect(WorkflowSummary.render(workflow) == SummaryTests.expected)
    }

    @Test("the BOB summary names its programme, dates and counts, with no trailing spaces")
    func bobSummary() throws {
        let path = TestFiles.workflowsDirectory + "/bob-ccg-to-icb-2022.json"
        guard TestFiles.exists(path) else {
            Issue.record("\(path) is missing; skipped")
            return
        }
        let workflow = try WorkflowLoader.load(path: path)
        let text = WorkflowSummary.render(workflow)
        #expect(text.contains("Statutory date:     2022-07-01"))
        #expect(text.contains("Go-live milestone:  M-GOLIVE"))
        #expect(text.contains("Shadow from:        2022-04-01"))
        #expect(text.contains("Tasks:                \(workflow.tasks.count) ("))
        #expect(text.contains("target  BOB-ICB"))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }
}
