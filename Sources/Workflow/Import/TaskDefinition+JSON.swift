import TransitionSupport

/// The workflow-file form of a task, as the format document lays it out.
extension TaskDefinition {
    /// The task as a workflow `tasks` entry: defaults (FS, lag 0, milestone false) are left out.
    var jsonValue: JSONValue {
        var object: JSONObject = ["id": .string(id), "name": .string(name), "workstream": .string(workstream)]
        if isMilestone {
            object["milestone"] = .bool(true)
        } else {
            object["duration"] = .int(duration)
        }
        object["relations"] = .array(
            relations.map { relation in
                var entry: JSONObject = ["task": .string(relation.task), "type": .string(relation.type.rawValue)]
                if relation.lag != 0 { entry["lag"] = .int(relation.lag) }
                return .object(entry)
            })
        if let startNoEarlierThan { object["startNoEarlierThan"] = .string(startNoEarlierThan.description) }
        if let finishNoLaterThan { object["finishNoLaterThan"] = .string(finishNoLaterThan.description) }
        if let estimate {
            object["estimate"] = .object([
                "optimistic": .int(estimate.optimistic), "mostLikely": .int(estimate.mostLikely),
                "pessimistic": .int(estimate.pessimistic),
            ])
        }
        if let description { object["description"] = .string(description) }
        return .object(object)
    }
}
