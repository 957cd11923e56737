/// The vocabulary of `docs/workflow-format.md`, format `transition.workflow/1`.
extension WorkflowVocabulary {
    /// The standard vocabulary, transcribed from the format document's tables.
    public static let standard = WorkflowVocabulary(
        eventTypes: [
            "programme.initialised", "workflow.revised", "programme.statutory-date.changed", "baseline.taken",
            "task.started", "task.progressed", "task.finished", "task.reforecast",
            "dd.item.assigned", "dd.evidence.attached", "dd.status.changed", "dd.item.signed-off",
            "staff.post.mapped", "staff.consultation.opened", "staff.consultation.closed", "staff.consulted",
            "staff.exception.raised", "staff.exception.resolved", "staff.transfer.confirmed", "staff.transferred",
            "contract.registered", "contract.mechanism.chosen", "contract.due-diligence.done",
            "contract.consent.recorded", "contract.transferred",
            "asset.registered", "asset.transferred",
            "ros.drafted", "ros.section.assessed", "ros.signed", "ros.submitted", "ros.feedback.recorded",
            "ros.resubmitted",
            "event.corrected", "event.retracted", "rule.overridden",
        ],
        signOffEventTypes: ["dd.item.signed-off", "ros.signed"],
        kinds: standardKinds,
        eventFields: [FieldDefinition("effective", .date), FieldDefinition("role", .identifier(.role))],
        eventDataFields: [FieldDefinition("task", .identifier(.task))],
        references: [
            ReferenceDefinition(name: "$statutoryDate", type: .date),
            ReferenceDefinition(name: "$goLiveMilestone", type: .identifier(.task)),
            ReferenceDefinition(name: "$shadowFrom", type: .date),
        ],
        scheduledKinds: ["dueDiligence", "task"])

    private static let standardKinds: [EntityKindDefinition] = [
        EntityKindDefinition(
            name: "dueDiligence",
            fields: [
                FieldDefinition("id", .identifier(.dueDiligenceItem)),
                FieldDefinition("category", .identifier(.category)),
                FieldDefinition("workstream", .identifier(.workstream)),
                FieldDefinition("ownerRole", .identifier(.role)),
                FieldDefinition("owner", .text),
                FieldDefinition(
                    "status", .choice(["not-started", "in-progress", "complete", "not-applicable", "deferred"])),
                FieldDefinition("evidenceCount", .integer),
                FieldDefinition("signedOff", .boolean),
                FieldDefinition("due", .date),
                FieldDefinition("mitigation", .text),
                FieldDefinition("deferredOwner", .text),
            ]),
        EntityKindDefinition(
            name: "staff",
            fields: [
                FieldDefinition("id", .identifier(nil)),
                FieldDefinition("organisation", .identifier(.organisation)),
                FieldDefinition("group", .identifier(.consultationGroup)),
                FieldDefinition("consultationStatus", .choice(["not-opened", "open", "closed"])),
                FieldDefinition("consulted", .boolean),
                FieldDefinition("openExceptions", .integer),
                FieldDefinition("transferConfirmed", .boolean),
                FieldDefinition("transferred", .boolean),
                FieldDefinition("boardLevel", .boolean),
                FieldDefinition("boardOutcome", .text),
            ]),
        EntityKindDefinition(
            name: "contract",
            fields: [
                FieldDefinition("id", .identifier(nil)),
                FieldDefinition("organisation", .identifier(.organisation)),
                FieldDefinition("mechanism", .choice(["transfer-scheme", "novation", "termination", "let-expire"])),
                FieldDefinition("dueDiligenceDone", .boolean),
                FieldDefinition("consentRecorded", .boolean),
                FieldDefinition("transferred", .boolean),
                FieldDefinition("annualValue", .number),
                FieldDefinition("endDate", .date),
            ]),
        EntityKindDefinition(
            name: "asset",
            fields: [
                FieldDefinition("id", .identifier(nil)),
                FieldDefinition("kind", .choice(["asset", "lease", "liability", "claim"])),
                FieldDefinition("organisation", .identifier(.organisation)),
                FieldDefinition("transferred", .boolean),
            ]),
        EntityKindDefinition(
            name: "task",
            fields: [
                FieldDefinition("id", .identifier(.task)),
                FieldDefinition("workstream", .identifier(.workstream)),
                FieldDefinition("status", .choice(["not-started", "started", "finished"])),
                FieldDefinition("percent", .number),
            ]),
        EntityKindDefinition(
            name: "consultation",
            fields: [
                FieldDefinition("id", .identifier(nil)),
                FieldDefinition("organisation", .identifier(.organisation)),
                FieldDefinition("status", .choice(["not-opened", "open", "closed"])),
            ]),
        EntityKindDefinition(
            name: "ros",
            fields: [
                FieldDefinition("version", .integer),
                FieldDefinition("status", .choice(["none", "drafted", "signed", "submitted", "resubmitted"])),
                FieldDefinition("signed", .boolean),
                FieldDefinition("submitted", .boolean),
                FieldDefinition("targetDate", .date),
            ],
            isSingleton: true),
        EntityKindDefinition(
            name: "programme",
            fields: [
                FieldDefinition("statutoryDate", .date),
                FieldDefinition("goLiveMilestone", .identifier(.task)),
                FieldDefinition("shadowFrom", .date),
            ],
            isSingleton: true),
    ]
}
