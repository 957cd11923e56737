/// A definition is stored with its collections only; the look-up tables are rebuilt on reading.
///
/// Used by caches (the projection snapshot); workflow files themselves are read by
/// ``WorkflowLoader``, which validates, and never through `Codable`.
extension WorkflowDefinition: Codable {
    private enum CodingKeys: String, CodingKey {
        case format, programme, organisations, calendar, roles, workstreams, tasks, dueDiligence, readiness
        case consultationGroups, signers, requiresSignature, rules
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            format: try container.decode(String.self, forKey: .format),
            programme: try container.decode(Programme.self, forKey: .programme),
            organisations: try container.decode([Organisation].self, forKey: .organisations),
            calendar: try container.decode(CalendarDefinition.self, forKey: .calendar),
            roles: try container.decode([Role].self, forKey: .roles),
            workstreams: try container.decode([Workstream].self, forKey: .workstreams),
            tasks: try container.decode([TaskDefinition].self, forKey: .tasks),
            dueDiligence: try container.decode(DueDiligenceChecklist.self, forKey: .dueDiligence),
            readiness: try container.decode(ReadinessDefinition.self, forKey: .readiness),
            consultationGroups: try container.decode([ConsultationGroup].self, forKey: .consultationGroups),
            signers: try container.decode([Signer].self, forKey: .signers),
            requiresSignature: try container.decode([String].self, forKey: .requiresSignature),
            rules: try container.decode([Rule].self, forKey: .rules))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(programme, forKey: .programme)
        try container.encode(organisations, forKey: .organisations)
        try container.encode(calendar, forKey: .calendar)
        try container.encode(roles, forKey: .roles)
        try container.encode(workstreams, forKey: .workstreams)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(dueDiligence, forKey: .dueDiligence)
        try container.encode(readiness, forKey: .readiness)
        try container.encode(consultationGroups, forKey: .consultationGroups)
        try container.encode(signers, forKey: .signers)
        try container.encode(requiresSignature, forKey: .requiresSignature)
        try container.encode(rules, forKey: .rules)
    }
}
