import TransitionSupport

/// Turns a parsed workflow document into a ``WorkflowDefinition``, collecting every problem.
///
/// Decoding and validation happen in one walk so that each problem is reported once, at the value
/// where it is visible, with a JSON path. Ids are gathered first (``SymbolTable``) so references
/// can be checked in any order without cascades; the calendar is read before anything dated, so
/// every date can be checked against its range. Nothing here traps on any input.
struct WorkflowDecoder {
    let vocabulary: WorkflowVocabulary
    var problems: [PendingProblem] = []
    var symbols = SymbolTable()
    /// The calendar's range, once read and valid.
    var calendarRange: ClosedRange<CivilDate>?
    /// Whether the programme declares `shadowFrom`; `nil` while unknown.
    var hasShadowFrom: Bool?
    /// Paths of fields that are absent but were probably meant by a misspelt key (already
    /// reported with a suggestion), so they are not reported again as missing.
    var misspelt: Set<JSONPath> = []

    /// The deepest a check may nest through `when` and `where`.
    static let maximumCheckDepth = 8

    static let topLevelFields = [
        "format", "programme", "organisations", "calendar", "roles", "workstreams", "tasks", "dueDiligence",
        "readiness", "consultationGroups", "signers", "requiresSignature", "rules",
    ]

    init(vocabulary: WorkflowVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Records a problem at `path`.
    mutating func report(_ path: JSONPath, _ message: String, suggestion: String? = nil, atKey: Bool = false) {
        problems.append(PendingProblem(path: path, message: message, suggestion: suggestion, atKey: atKey))
    }

    /// Decodes the whole document; `nil` when any problem was found.
    mutating func decode(_ document: JSONValue) -> WorkflowDefinition? {
        let root = JSONPath.root
        guard let object = object(document, at: root, as: "a workflow") else { return nil }
        checkFields(object, at: root, allowed: WorkflowDecoder.topLevelFields, in: "a workflow")
        let format = decodeFormat(object)
        collectSymbols(object)
        let calendar = decodeCalendar(object)
        let programme = decodeProgramme(object)
        let organisations = decodeOrganisations(object)
        let roles = decodeRoles(object)
        let workstreams = list(object, "workstreams", at: root, required: true, what: "a workstream") {
            $0.decodeWorkstream($1, at: $2)
        }
        let tasks = decodeTasks(object)
        let dueDiligence = decodeDueDiligence(object)
        let readiness = decodeReadiness(object)
        let groups = list(object, "consultationGroups", at: root, required: false, what: "a consultation group") {
            $0.decodeConsultationGroup($1, at: $2)
        }
        let signers = list(object, "signers", at: root, required: false, what: "a signer") {
            $0.decodeSigner($1, at: $2)
        }
        let requiresSignature = eventTypePatterns(object, "requiresSignature", at: root, required: false)
        let rules = list(object, "rules", at: root, required: true, what: "a rule") { $0.decodeRule($1, at: $2) }
        checkRuleIDs(object)

        checkGoLive(programme, tasks: tasks)
        checkSignatories(readiness, roles: roles, rules: rules)

        guard problems.isEmpty, let format, let calendar, let programme, let organisations, let roles,
            let workstreams, let tasks, let dueDiligence, let readiness, let rules
        else { return nil }
        return WorkflowDefinition(
            format: format, programme: programme, organisations: organisations, calendar: calendar, roles: roles,
            workstreams: workstreams, tasks: tasks, dueDiligence: dueDiligence, readiness: readiness,
            consultationGroups: groups ?? [], signers: signers ?? [], requiresSignature: requiresSignature ?? [],
            rules: rules)
    }

    private mutating func decodeFormat(_ root: JSONObject) -> String? {
        let path = JSONPath.root.member("format")
        guard let format = string(root, "format", at: .root) else { return nil }
        guard format == WorkflowDefinition.currentFormat else {
            report(
                path,
                "unsupported format '\(format)'; this version of Transition reads '\(WorkflowDefinition.currentFormat)'",
                suggestion: WorkflowDefinition.currentFormat)
            return nil
        }
        return format
    }
}

/// A problem found while decoding, located later by path.
struct PendingProblem: Sendable {
    var path: JSONPath
    var message: String
    var suggestion: String?
    /// Point at the member's key rather than its value (for unknown fields).
    var atKey: Bool
}
