import Testing
import TransitionSupport
import Workflow

@Suite struct BaseWorkflowTests {
    @Test("the base test workflow is valid and decodes every field")
    func baseLoads() throws {
        let workflow = try WorkflowLoader.load(bytes: Array(BaseWorkflow.text.utf8), file: "base.json")
        #expect(workflow.format == "transition.workflow/1")
        #expect(workflow.programme.start == CivilDate(year: 2022, month: 1, day: 4))
        #expect(workflow.programme.shadowFrom == CivilDate(year: 2022, month: 4, day: 1))
        #expect(workflow.programme.nearCriticalDays == 10)
        #expect(workflow.programme.criticalFloatDays == 0)
        #expect(workflow.calendar.workingDays == [1, 2, 3, 4, 5])
        #expect(workflow.calendar.holidays.count == 2)
        #expect(workflow.sources.map(\.id) == ["CCG-A", "CCG-B"])
        #expect(workflow.target?.id == "ICB")
        #expect(workflow.tasks.map(\.id) == ["T-A", "T-B", "T-C", "M-GOLIVE"])
        let taskB = try #require(workflow.task("T-B"))
        #expect(taskB.relations == [TaskDefinition.Relation(task: "T-A", type: .fs, lag: 2)])
        #expect(taskB.estimate == TaskDefinition.Estimate(optimistic: 2, mostLikely: 3, pessimistic: 5))
        #expect(workflow.task("T-C")?.relations.first?.lag == -1)
        #expect(workflow.task("T-C")?.relations.first?.type == .ss)
        #expect(workflow.goLive.id == "M-GOLIVE")
        #expect(workflow.goLive.isMilestone && workflow.goLive.duration == 0)
        #expect(workflow.goLive.relations == [TaskDefinition.Relation(task: "T-C")])
        #expect(workflow.item("DD-FIN-02")?.feeds == "T-B")
        #expect(workflow.item("DD-FIN-01")?.due == CivilDate(year: 2022, month: 6, day: 1))
        #expect(workflow.role("audit")?.readOnly == true)
        #expect(workflow.workstream("GOV")?.description == "Board.")
        #expect(workflow.sroRole(ofWorkstream: "FIN") == "sro-fin")
        #expect(workflow.sroRole(ofWorkstream: "NOPE") == nil)
        #expect(workflow.signers(forRole: "chair").count == 1)
        #expect(workflow.signers(forRole: "sro-fin").isEmpty)
        #expect(workflow.requiresSignature("dd.item.signed-off"))
        #expect(!workflow.requiresSignature("task.finished"))
        #expect(
            workflow.rules.map(\.kind.name) == [
                "dependency", "gate", "gate", "gate", "gate", "gate", "permission", "deadline", "residue",
            ])
    }

    @Test("role patterns match exactly, by prefix, and never for read-only roles")
    func rolePatterns() throws {
        let workflow = try WorkflowLoader.load(bytes: Array(BaseWorkflow.text.utf8), file: "base.json")
        #expect(workflow.role("sro-fin", mayRecord: "task.started"))
        #expect(workflow.role("sro-fin", mayRecord: "dd.status.changed"))
        #expect(!workflow.role("sro-fin", mayRecord: "ros.signed"))
        #expect(workflow.role("sro-fin", maySignOff: "dd.item.signed-off"))
        #expect(workflow.role("chair", maySignOff: "ros.signed"))
        #expect(!workflow.role("chair", mayRecord: "task.started"))
        #expect(!workflow.role("audit", mayRecord: "task.started"))
        #expect(!workflow.role("nobody", mayRecord: "task.started"))
        #expect(EventTypePattern.matches("*", "anything.at.all"))
        #expect(EventTypePattern.matches("staff.*", "staff.transferred"))
        #expect(!EventTypePattern.matches("staff.*", "staffing"))
        #expect(!EventTypePattern.isWellFormed("st*ff"))
    }

    @Test("checks decode into scopes, operators, conditions and filters")
    func checksDecode() throws {
        let workflow = try WorkflowLoader.load(bytes: Array(BaseWorkflow.text.utf8), file: "base.json")
        guard case .gate(let contract) = workflow.rules[2].kind else {
            Issue.record("G-CONTRACT is not a gate")
            return
        }
        let consent = contract.require[0]
        #expect(consent.scope == .subject("contract"))
        #expect(consent.field == "consentRecorded")
        #expect(consent.op == .equals(.bool(true)))
        #expect(
            consent.when == Check(scope: .subject("contract"), field: "mechanism", op: .equals(.string("novation"))))
        #expect(contract.require[1].op == .onOrAfter(.reference("$statutoryDate")))
        #expect(contract.require[1].scope == .event)
        guard case .gate(let filter) = workflow.rules[4].kind else {
            Issue.record("G-FILTER is not a gate")
            return
        }
        #expect(workflow.rules[4].severity == .advisory)
        #expect(
            filter.require[0].scope
                == .all("task", where: Check(scope: .all("task", where: nil), field: "id", op: .equals(.string("T-A"))))
        )
        guard case .gate(let goLive) = workflow.rules[3].kind else {
            Issue.record("G-GOLIVE is not a gate")
            return
        }
        #expect(goLive.when?.field == "data.task")
        #expect(goLive.require[0].scope == .singleton("ros"))
        #expect(workflow.rules[7].kind == .deadline(scope: ["dueDiligence", "task"], escalateWhenFloatBelow: 5))
        #expect(workflow.rules[8].kind == .residue(scope: ["dueDiligence"]))
        #expect(workflow.rules[0].kind == .dependency(events: ["task.started", "task.finished"]))
    }

    @Test("a vocabulary passed in replaces the standard one")
    func customVocabulary() throws {
        var document = try BaseWorkflow.document
        document = document.applying([.set("rules[0].events[0]", .string("task.paused"))])
        let bytes = document.prettyBytes
        let refused = try #require(loadError(bytes))
        #expect(refused.problems.map(\.path) == ["rules[0].events[0]"])
        var vocabulary = WorkflowVocabulary.standard
        vocabulary.eventTypes.append("task.paused")
        _ = try WorkflowLoader.load(bytes: document.prettyBytes, file: "custom.json", vocabulary: vocabulary)
    }

    @Test("lookups follow a modified copy")
    func lookupsFollowChanges() throws {
        var workflow = try WorkflowLoader.load(bytes: Array(BaseWorkflow.text.utf8), file: "base.json")
        let original = workflow
        workflow.tasks.insert(TaskDefinition(id: "T-NEW", name: "New", workstream: "FIN", duration: 1), at: 0)
        workflow.programme.statutoryDate = CivilDate(year: 2022, month: 10, day: 3) ?? workflow.programme.statutoryDate
        #expect(workflow.task("T-NEW")?.name == "New")
        #expect(workflow.task("M-GOLIVE")?.isMilestone == true)
        #expect(workflow.goLive.id == "M-GOLIVE")
        #expect(workflow != original)
        workflow.dueDiligence.items.removeAll()
        #expect(workflow.item("DD-FIN-01") == nil)
        workflow.roles = []
        #expect(workflow.role("chair") == nil)
        #expect(original.role("chair") != nil)
    }

    @Test("a directory is refused as unreadable")
    func directory() {
        #expect {
            try WorkflowLoader.load(path: "/tmp")
        } throws: { error in
            (error as? WorkflowLoadError)?.problems.first?.message.hasPrefix("cannot read the file") == true
        }
    }

    @Test("a missing file is one problem naming the file")
    func missingFile() {
        #expect {
            try WorkflowLoader.load(path: "/nonexistent/workflow.json")
        } throws: { error in
            guard let error = error as? WorkflowLoadError else { return false }
            return error.problems.count == 1
                && error.description.hasPrefix("/nonexistent/workflow.json: error: cannot open")
        }
    }
}
