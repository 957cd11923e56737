/// Lookups by id, O(1) through tables built when the definition is created.
extension WorkflowDefinition {
    /// The task with `id`, if any.
    public func task(_ id: String) -> TaskDefinition? {
        index.tasks[id].map { tasks[$0] }
    }

    /// The due-diligence item with `id`, if any.
    public func item(_ id: String) -> DueDiligenceItemDefinition? {
        index.items[id].map { dueDiligence.items[$0] }
    }

    /// The role with `id`, if any.
    public func role(_ id: String) -> Role? {
        index.roles[id].map { roles[$0] }
    }

    /// The workstream with `id`, if any.
    public func workstream(_ id: String) -> Workstream? {
        index.workstreams[id].map { workstreams[$0] }
    }

    /// The id of the SRO role of the workstream `workstreamID`, if the workstream exists.
    public func sroRole(ofWorkstream workstreamID: String) -> String? {
        workstream(workstreamID)?.sro.role
    }

    /// The go-live milestone.
    ///
    /// For a definition from ``WorkflowLoader`` this is always the task named by
    /// ``Programme/goLiveMilestone``; a hand-built definition without that task gets a stand-in
    /// milestone with that id, no relations and an empty workstream.
    public var goLive: TaskDefinition {
        task(programme.goLiveMilestone)
            ?? TaskDefinition(
                id: programme.goLiveMilestone, name: programme.goLiveMilestone, workstream: "", duration: 0,
                isMilestone: true)
    }

    /// Whether the role `roleID` may record `eventType` under its `record` list.
    ///
    /// An unknown or read-only role may record nothing. Sign-off types are governed by
    /// ``role(_:maySignOff:)`` instead; the permission rule decides which list applies.
    public func role(_ roleID: String, mayRecord eventType: String) -> Bool {
        guard let role = role(roleID), !role.readOnly else { return false }
        return role.record.contains { EventTypePattern.matches($0, eventType) }
    }

    /// Whether the role `roleID` lists `eventType` under its `signOff` patterns (and is not read-only).
    public func role(_ roleID: String, maySignOff eventType: String) -> Bool {
        guard let role = role(roleID), !role.readOnly else { return false }
        return role.signOff.contains { EventTypePattern.matches($0, eventType) }
    }

    /// The SSH keys allowed to sign for the role `roleID`, in file order.
    public func signers(forRole roleID: String) -> [Signer] {
        signers.filter { $0.role == roleID }
    }

    /// Whether events of `eventType` must carry an SSH signature.
    public func requiresSignature(_ eventType: String) -> Bool {
        requiresSignature.contains { EventTypePattern.matches($0, eventType) }
    }

    /// The target organisation (the loader guarantees exactly one).
    public var target: Organisation? {
        organisations.first { $0.kind == .target }
    }

    /// The source organisations, in file order.
    public var sources: [Organisation] {
        organisations.filter { $0.kind == .source }
    }
}
