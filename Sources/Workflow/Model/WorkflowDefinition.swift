/// A loaded, validated workflow: the plan, the people and the rules of one transition programme.
///
/// Everything else in Transition reads the programme through this value: the scheduler takes its
/// tasks and calendar, the rules engine its rules and roles, reports its names. It is produced by
/// ``WorkflowLoader``, which refuses a file with any problem, so code holding a definition can
/// rely on ids being unique and references resolving. Lookups by id go through tables that are
/// rebuilt whenever a collection they index is replaced, so a modified copy stays consistent
/// (though no longer validated: run it through ``WorkflowLoader/load(json:file:vocabulary:)``
/// if that matters).
public struct WorkflowDefinition: Sendable, Hashable {
    /// The format string; `transition.workflow/1`.
    public var format: String
    /// The programme's identity and key dates.
    public var programme: Programme
    /// The source organisations and the one target.
    public var organisations: [Organisation]
    /// The working-day calendar.
    public var calendar: CalendarDefinition
    /// The roles that may record events.
    public var roles: [Role] { didSet { index.roles = LookupIndex.positions(roles.map(\.id)) } }
    /// The workstreams and their SROs.
    public var workstreams: [Workstream] {
        didSet { index.workstreams = LookupIndex.positions(workstreams.map(\.id)) }
    }
    /// The tasks, in file order (which breaks forward-pass ties).
    public var tasks: [TaskDefinition] { didSet { index.tasks = LookupIndex.positions(tasks.map(\.id)) } }
    /// The due-diligence checklist.
    public var dueDiligence: DueDiligenceChecklist {
        didSet { index.items = LookupIndex.positions(dueDiligence.items.map(\.id)) }
    }
    /// The Readiness to Operate Statement's sections and signatories.
    public var readiness: ReadinessDefinition
    /// Staff consultation groups.
    public var consultationGroups: [ConsultationGroup]
    /// SSH keys allowed to sign for roles.
    public var signers: [Signer]
    /// Event-type patterns whose events must carry an SSH signature.
    public var requiresSignature: [String]
    /// The rules, in file order.
    public var rules: [Rule]

    private(set) var index: LookupIndex

    /// The format string this version of Transition reads.
    public static let currentFormat = "transition.workflow/1"

    /// Creates a definition. Prefer ``WorkflowLoader``, which validates; this initialiser does
    /// not, and on duplicate ids the lookups return the first.
    public init(
        format: String = WorkflowDefinition.currentFormat, programme: Programme, organisations: [Organisation],
        calendar: CalendarDefinition, roles: [Role], workstreams: [Workstream], tasks: [TaskDefinition],
        dueDiligence: DueDiligenceChecklist, readiness: ReadinessDefinition,
        consultationGroups: [ConsultationGroup] = [], signers: [Signer] = [], requiresSignature: [String] = [],
        rules: [Rule] = []
    ) {
        self.format = format
        self.programme = programme
        self.organisations = organisations
        self.calendar = calendar
        self.roles = roles
        self.workstreams = workstreams
        self.tasks = tasks
        self.dueDiligence = dueDiligence
        self.readiness = readiness
        self.consultationGroups = consultationGroups
        self.signers = signers
        self.requiresSignature = requiresSignature
        self.rules = rules
        self.index = LookupIndex(
            tasks: LookupIndex.positions(tasks.map(\.id)),
            items: LookupIndex.positions(dueDiligence.items.map(\.id)),
            roles: LookupIndex.positions(roles.map(\.id)),
            workstreams: LookupIndex.positions(workstreams.map(\.id)))
    }
}

/// Id-to-position tables, derived from the collections and so left out of equality and hashing.
struct LookupIndex: Sendable, Hashable {
    var tasks: [String: Int]
    var items: [String: Int]
    var roles: [String: Int]
    var workstreams: [String: Int]

    /// Positions of `ids`, keeping the first of any duplicates.
    static func positions(_ ids: [String]) -> [String: Int] {
        var table: [String: Int] = [:]
        table.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where table[id] == nil {
            table[id] = position
        }
        return table
    }

    static func == (lhs: LookupIndex, rhs: LookupIndex) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
