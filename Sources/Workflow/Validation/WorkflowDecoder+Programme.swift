import TransitionSupport

/// The programme block, and the go-live checks that need the tasks.
extension WorkflowDecoder {
    static let programmeFields = [
        "id", "title", "start", "statutoryDate", "goLiveMilestone", "shadowFrom", "nearCriticalDays",
        "criticalFloatDays", "description",
    ]

    mutating func decodeProgramme(_ root: JSONObject) -> Programme? {
        let path = JSONPath.root.member("programme")
        guard let value = member(root, "programme", at: .root, required: true),
            let object = object(value, at: path, as: "the programme")
        else { return nil }
        checkFields(object, at: path, allowed: WorkflowDecoder.programmeFields, in: "the programme")
        let id = identifier(object, "id", at: path)
        let title = string(object, "title", at: path)
        let start = date(object, "start", at: path, required: true)
        let statutoryDate = date(object, "statutoryDate", at: path, required: true)
        let goLive = reference(object, "goLiveMilestone", at: path, to: .task, from: "the go-live milestone")
        let shadowFrom = date(object, "shadowFrom", at: path, required: false)
        hasShadowFrom = object["shadowFrom"] != nil
        let nearCritical = integer(object, "nearCriticalDays", at: path, required: false, minimum: 0)
        let critical = integer(object, "criticalFloatDays", at: path, required: false)
        let description = string(object, "description", at: path, required: false, nonEmpty: false)
        if let start, let statutoryDate, statutoryDate < start {
            report(
                path.member("statutoryDate"),
                "the statutory date (\(statutoryDate)) is before the programme start (\(start)); correct one of them")
        }
        if let shadowFrom, let statutoryDate, shadowFrom > statutoryDate {
            report(
                path.member("shadowFrom"),
                "shadow operation (\(shadowFrom)) starts after the statutory date (\(statutoryDate)); "
                    + "shadow running must come before go-live")
        }
        if let nearCritical, let critical, nearCritical < critical {
            report(
                path.member("nearCriticalDays"),
                "'nearCriticalDays' (\(nearCritical)) is below 'criticalFloatDays' (\(critical)); "
                    + "near-critical must be at least the critical threshold")
        }
        guard let id, let title, let start, let statutoryDate, let goLive else { return nil }
        return Programme(
            id: id, title: title, start: start, statutoryDate: statutoryDate, goLiveMilestone: goLive,
            shadowFrom: shadowFrom, nearCriticalDays: nearCritical ?? Programme.defaultNearCriticalDays,
            criticalFloatDays: critical ?? Programme.defaultCriticalFloatDays, description: description)
    }

    /// The go-live milestone must be a milestone.
    mutating func checkGoLive(_ programme: Programme?, tasks: [TaskDefinition]?) {
        guard let programme, let task = tasks?.first(where: { $0.id == programme.goLiveMilestone }),
            !task.isMilestone
        else { return }
        report(
            JSONPath.root.member("programme").member("goLiveMilestone"),
            "go-live task '\(task.id)' is not a milestone; add \"milestone\": true to it (and drop its duration) "
                + "or name a milestone")
    }
}
