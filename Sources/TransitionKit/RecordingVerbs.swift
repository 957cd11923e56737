import TransitionSupport

/// Every recording verb the CLI offers, by group. The raw `append` remains for scripts.
public enum RecordingVerbs {
    typealias Field = RecordingVerb.Field

    static let on = Field("on", kind: .date, help: "the date it happened (default: the effective date)")

    public static let all: [RecordingVerb] = task + dueDiligence + staff + contracts + assets + readiness

    static let task: [RecordingVerb] = [
        RecordingVerb(
            group: "task", name: "start", abstract: "Record that a task has started.", eventType: "task.started",
            entityArgument: "task", entityKey: "task", fields: [on], example: "transition task start T-PPL-03 --on 2022-01-10"),
        RecordingVerb(
            group: "task", name: "progress", abstract: "Record a task's progress.", eventType: "task.progressed",
            entityArgument: "task", entityKey: "task",
            fields: [
                Field("percent", kind: .integer, required: true, help: "percent complete, 0-100"),
                Field("remaining", kind: .integer, help: "working days of work remaining"),
            ], example: "transition task progress T-PPL-03 --percent 60 --remaining 4"),
        RecordingVerb(
            group: "task", name: "finish", abstract: "Record that a task (or milestone) has finished.", eventType: "task.finished",
            entityArgument: "task", entityKey: "task", fields: [on], example: "transition task finish T17 --on 2022-05-12"),
        RecordingVerb(
            group: "task", name: "reforecast", abstract: "Re-forecast a started task's remaining work.", eventType: "task.reforecast",
            entityArgument: "task", entityKey: "task",
            fields: [Field("remaining", kind: .integer, required: true, help: "working days of work remaining")],
            requiresReason: true, example: "transition task reforecast T-FIN-04 --remaining 12 --reason \"ledger close slipped\""),
    ]

    static let ddStatuses = ["not-started", "in-progress", "complete", "not-applicable", "deferred"]

    static let dueDiligence: [RecordingVerb] = [
        RecordingVerb(
            group: "dd", name: "assign", abstract: "Assign a due-diligence item to a person.", eventType: "dd.item.assigned",
            entityArgument: "item", entityKey: "item",
            fields: [Field("owner", required: true, help: "the person responsible"), Field("owner-role", key: "ownerRole", help: "their role")],
            example: "transition dd assign DD-FIN-02 --owner \"J. Smith\""),
        RecordingVerb(
            group: "dd", name: "evidence", abstract: "Attach evidence to a due-diligence item (files are fingerprinted).",
            eventType: "dd.evidence.attached", entityArgument: "item", entityKey: "item", requiresEvidence: true,
            example: "transition dd evidence DD-HR-03 --evidence minutes.pdf"),
        RecordingVerb(
            group: "dd", name: "start", abstract: "Mark a due-diligence item in progress.", eventType: "dd.status.changed",
            entityArgument: "item", entityKey: "item", fixed: ["status": .string("in-progress")],
            example: "transition dd start DD-HR-03"),
        RecordingVerb(
            group: "dd", name: "complete", abstract: "Mark a due-diligence item complete.", eventType: "dd.status.changed",
            entityArgument: "item", entityKey: "item", fixed: ["status": .string("complete")],
            example: "transition dd complete DD-HR-03 --evidence minutes.pdf --reason \"reconciled to payroll\""),
        RecordingVerb(
            group: "dd", name: "not-applicable", abstract: "Mark a due-diligence item not applicable (with a reason).",
            eventType: "dd.status.changed", entityArgument: "item", entityKey: "item", fixed: ["status": .string("not-applicable")],
            requiresReason: true, example: "transition dd not-applicable DD-ENV-02 --reason \"no owned sites\""),
        RecordingVerb(
            group: "dd", name: "defer", abstract: "Defer a due-diligence item past go-live with a mitigation and an owner.",
            eventType: "dd.status.changed", entityArgument: "item", entityKey: "item", fixed: ["status": .string("deferred")],
            fields: [
                Field("mitigation", required: true, help: "how the risk is managed meanwhile"),
                Field("owner", required: true, help: "who owns closing it after go-live"),
            ], requiresReason: true,
            example: "transition dd defer DD-FIN-09 --mitigation \"ICB audit plan item\" --owner \"ICB CFO\" --reason \"Q1 accounts after Day 1\""),
        RecordingVerb(
            group: "dd", name: "reopen", abstract: "Set a due-diligence item back to not started or in progress.",
            eventType: "dd.status.changed", entityArgument: "item", entityKey: "item",
            fields: [Field("status", kind: .choice(["not-started", "in-progress"]), required: true, help: "not-started or in-progress")],
            requiresReason: true, example: "transition dd reopen DD-HR-03 --status in-progress --reason \"evidence superseded\""),
        RecordingVerb(
            group: "dd", name: "sign-off", abstract: "Sign off a due-diligence item (by its SRO; SSH-signed with --key).",
            eventType: "dd.item.signed-off", entityArgument: "item", entityKey: "item",
            example: "transition dd sign-off DD-HR-03 --role sro-people --key ~/.ssh/id_ed25519"),
    ]

    static let staff: [RecordingVerb] = [
        RecordingVerb(
            group: "staff", name: "map", abstract: "Map a source post to the ICB structure.", eventType: "staff.post.mapped", schema: 2,
            entityArgument: "person", entityKey: "person",
            fields: [
                Field("name", help: "the person's name"), Field("post", required: true, help: "current post"),
                Field("band", help: "Agenda for Change band"),
                Field("organisation", required: true, help: "source organisation id"),
                Field("target-post", key: "targetPost", required: true, help: "post in the ICB structure"),
                Field("group", required: true, help: "consultation group id"),
                Field("employment", kind: .choice(["permanent", "fixed-term", "secondment-in", "secondment-out", "bank"]), required: true, help: "employment type"),
                Field("fixed-term-end", key: "fixedTermEnd", kind: .date, help: "end of a fixed-term contract"),
                Field("board-level", key: "boardLevel", kind: .boolean, required: true, help: "yes for board-level posts"),
                Field("board-outcome", key: "boardOutcome", kind: .choice(["designate", "displaced"]), help: "designate or displaced"),
            ],
            example: "transition staff map E1234 --post \"Finance Manager\" --organisation OXON-CCG --target-post \"ICB Finance Manager\" --group G-OXON --employment permanent --board-level no"),
        RecordingVerb(
            group: "staff", name: "open-consultation", abstract: "Open collective consultation for a group.",
            eventType: "staff.consultation.opened", entityArgument: "group", entityKey: "group",
            fields: [Field("closes", kind: .date, help: "planned closing date")],
            example: "transition staff open-consultation G-OXON --closes 2022-05-27"),
        RecordingVerb(
            group: "staff", name: "close-consultation", abstract: "Close a group's consultation and record its outcome.",
            eventType: "staff.consultation.closed", entityArgument: "group", entityKey: "group",
            fields: [Field("outcome", required: true, help: "the outcome issued")],
            example: "transition staff close-consultation G-OXON --outcome \"Outcome letter issued\""),
        RecordingVerb(
            group: "staff", name: "consulted", abstract: "Record that a person has been individually consulted.",
            eventType: "staff.consulted", entityArgument: "person", entityKey: "person", example: "transition staff consulted E1234"),
        RecordingVerb(
            group: "staff", name: "raise-exception", abstract: "Raise an exception for a person (objection, secondment, ...).",
            eventType: "staff.exception.raised", entityArgument: "person", entityKey: "person",
            fields: [
                Field("exception", required: true, help: "an id for the exception"),
                Field("kind", kind: .choice(["objection", "secondment", "fixed-term-ending", "leave", "other"]), required: true, help: "its kind"),
                Field("detail", required: true, help: "what it is"),
            ], example: "transition staff raise-exception E1234 --exception X1 --kind objection --detail \"objects to transfer\""),
        RecordingVerb(
            group: "staff", name: "resolve-exception", abstract: "Resolve a person's exception.",
            eventType: "staff.exception.resolved", entityArgument: "person", entityKey: "person",
            fields: [Field("exception", required: true, help: "the exception id"), Field("resolution", required: true, help: "how it was resolved")],
            example: "transition staff resolve-exception E1234 --exception X1 --resolution \"withdrawn\""),
        RecordingVerb(
            group: "staff", name: "confirm", abstract: "Confirm a person's transfer (letter issued).",
            eventType: "staff.transfer.confirmed", entityArgument: "person", entityKey: "person", example: "transition staff confirm E1234"),
        RecordingVerb(
            group: "staff", name: "transfer", abstract: "Record a person's transfer (effective on the statutory date).",
            eventType: "staff.transferred", entityArgument: "person", entityKey: "person",
            example: "transition staff transfer E1234 --effective 2022-07-01"),
    ]

    static let contracts: [RecordingVerb] = {
        var verbs = [
            RecordingVerb(
                group: "contract", name: "register", abstract: "Register a contract held by a source organisation.",
                eventType: "contract.registered", entityArgument: "contract", entityKey: "contract",
                fields: [
                    Field("counterparty", required: true, help: "the other party"), Field("service", required: true, help: "what it covers"),
                    Field("value", key: "annualValue", kind: .number, required: true, help: "annual value in pounds"),
                    Field("end", key: "endDate", kind: .date, help: "contract end date"),
                    Field("organisation", required: true, help: "holding organisation id"),
                ],
                example: "transition contract register C-0456 --counterparty \"SCW CSU\" --service \"BI\" --value 1200000 --organisation BUCKS-CCG"),
            RecordingVerb(
                group: "contract", name: "mechanism", abstract: "Choose how a contract moves to the ICB.", eventType: "contract.mechanism.chosen",
                entityArgument: "contract", entityKey: "contract",
                fields: [Field("mechanism", kind: .choice(["transfer-scheme", "novation", "termination", "let-expire"]), required: true, help: "the mechanism")],
                example: "transition contract mechanism C-0456 --mechanism novation"),
        ]
        for (name, mechanism) in [("novate", "novation"), ("transfer-scheme", "transfer-scheme"), ("terminate", "termination"), ("let-expire", "let-expire")] {
            verbs.append(
                RecordingVerb(
                    group: "contract", name: name, abstract: "Choose \(mechanism) as the contract's mechanism.",
                    eventType: "contract.mechanism.chosen", entityArgument: "contract", entityKey: "contract",
                    fixed: ["mechanism": .string(mechanism)], example: "transition contract \(name) C-0456"))
        }
        verbs += [
            RecordingVerb(
                group: "contract", name: "due-diligence", abstract: "Record that a contract's due diligence is done.",
                eventType: "contract.due-diligence.done", entityArgument: "contract", entityKey: "contract",
                example: "transition contract due-diligence C-0456 --evidence review.pdf"),
            RecordingVerb(
                group: "contract", name: "consent", abstract: "Record the counterparty's consent to novation.",
                eventType: "contract.consent.recorded", entityArgument: "contract", entityKey: "contract",
                fields: [Field("counterparty", help: "who consented")], example: "transition contract consent C-0456 --evidence consent.pdf"),
            RecordingVerb(
                group: "contract", name: "transfer", abstract: "Record a contract's transfer (effective on the statutory date).",
                eventType: "contract.transferred", entityArgument: "contract", entityKey: "contract",
                example: "transition contract transfer C-0456 --effective 2022-07-01"),
        ]
        return verbs
    }()

    static let assets: [RecordingVerb] = [
        RecordingVerb(
            group: "asset", name: "register", abstract: "Register property, a lease, a liability or a claim.", eventType: "asset.registered",
            entityArgument: "asset", entityKey: "asset",
            fields: [
                Field("kind", kind: .choice(["asset", "lease", "liability", "claim"]), required: true, help: "what it is"),
                Field("description", required: true, help: "a description"), Field("value", kind: .number, help: "value in pounds"),
                Field("organisation", required: true, help: "holding organisation id"),
            ], example: "transition asset register A-001 --kind lease --description \"Jubilee House lease\" --organisation OXON-CCG"),
        RecordingVerb(
            group: "asset", name: "transfer", abstract: "Record an asset's or liability's transfer.", eventType: "asset.transferred",
            entityArgument: "asset", entityKey: "asset", example: "transition asset transfer A-001 --effective 2022-07-01"),
    ]

    static let readiness: [RecordingVerb] = [
        RecordingVerb(
            group: "ros", name: "draft", abstract: "Draft a new version of the Readiness to Operate Statement.", eventType: "ros.drafted",
            entityArgument: "version", entityKey: "version", entityKind: .integer, fixedEntity: "ROS",
            fields: [Field("target", key: "targetDate", kind: .date, required: true, help: "the go-live date it is written against")],
            example: "transition ros draft 2 --target 2022-07-01"),
        RecordingVerb(
            group: "ros", name: "assess", abstract: "Assess one section of a ROS version.", eventType: "ros.section.assessed",
            entityArgument: "version", entityKey: "version", entityKind: .integer, fixedEntity: "ROS",
            fields: [
                Field("section", required: true, help: "the section id"),
                Field("assessment", kind: .choice(["assured", "partially-assured", "not-assured"]), required: true, help: "the assessment"),
                Field("actions", help: "actions to reach assurance"),
            ], example: "transition ros assess 2 --section ROS-03 --assessment partially-assured --actions \"close consultation\""),
        RecordingVerb(
            group: "ros", name: "sign", abstract: "Sign a ROS version (SSH-signed with --key).", eventType: "ros.signed",
            entityArgument: "version", entityKey: "version", entityKind: .integer, fixedEntity: "ROS",
            example: "transition ros sign 3 --role accountable-officer --key ~/.ssh/id_ed25519"),
        RecordingVerb(
            group: "ros", name: "submit", abstract: "Submit a ROS version to the region.", eventType: "ros.submitted",
            entityArgument: "version", entityKey: "version", entityKind: .integer, fixedEntity: "ROS", example: "transition ros submit 3"),
        RecordingVerb(
            group: "ros", name: "feedback", abstract: "Record the region's feedback on a ROS version.", eventType: "ros.feedback.recorded",
            entityArgument: "version", entityKey: "version", entityKind: .integer, fixedEntity: "ROS",
            fields: [Field("feedback", required: true, help: "the feedback"), Field("from", help: "who gave it")],
            example: "transition ros feedback 3 --feedback \"Add POD delegation evidence\" --from \"NHSE South East\""),
        RecordingVerb(
            group: "ros", name: "resubmit", abstract: "Resubmit a ROS version after feedback.", eventType: "ros.resubmitted",
            entityArgument: "version", entityKey: "version", entityKind: .integer, fixedEntity: "ROS", example: "transition ros resubmit 3"),
    ]
}
