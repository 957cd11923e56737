import TransitionSupport

/// Tasks: durations, milestones, relations, constraints, estimates, and dependency cycles.
extension WorkflowDecoder {
    static let taskFields = [
        "id", "name", "workstream", "duration", "milestone", "relations", "startNoEarlierThan",
        "finishNoLaterThan", "estimate", "description",
    ]

    mutating func decodeTasks(_ root: JSONObject) -> [TaskDefinition]? {
        guard let tasks = list(root, "tasks", at: .root, required: true, what: "a task", { $0.decodeTask($1, at: $2) })
        else { return nil }
        reportCycles(in: root["tasks"]?.arrayValue ?? [])
        return tasks
    }

    /// Reports dependency cycles among every task whose id and relations can be read, even if
    /// the task has other problems, so one run shows them all.
    private mutating func reportCycles(in elements: [JSONValue]) {
        var nodes: [(id: String, predecessors: [String], index: Int)] = []
        for (index, element) in elements.enumerated() {
            guard let id = element["id"]?.stringValue else { continue }
            let predecessors = (element["relations"]?.arrayValue ?? []).map { $0["task"]?.stringValue ?? "" }
            nodes.append((id, predecessors, index))
        }
        for cycle in DependencyCycles.find(in: nodes.map { ($0.id, $0.predecessors) }) {
            let names = (cycle + [cycle[0]]).map { nodes[$0].id }
            // Point at the relation by which the second task of the cycle depends on the first.
            let successor = nodes[cycle.count > 1 ? cycle[1] : cycle[0]]
            let relation = successor.predecessors.firstIndex(of: nodes[cycle[0]].id) ?? 0
            report(
                JSONPath.root.member("tasks").element(successor.index).member("relations").element(relation).member(
                    "task"),
                "dependency cycle \(names.joined(separator: " -> ")) (each task is a predecessor of the next); "
                    + "remove or reverse one of these relations")
        }
    }

    private mutating func decodeTask(_ object: JSONObject, at path: JSONPath) -> TaskDefinition? {
        checkFields(object, at: path, allowed: WorkflowDecoder.taskFields, in: "a task")
        let id = identifier(object, "id", at: path)
        let name = string(object, "name", at: path)
        let workstream = reference(object, "workstream", at: path, to: .workstream, from: "task")
        let isMilestone = boolean(object, "milestone", at: path, required: false) ?? false
        let duration = decodeDuration(object, at: path, isMilestone: isMilestone)
        let relations = decodeRelations(object, at: path, taskID: id)
        let start = date(object, "startNoEarlierThan", at: path, required: false)
        let finish = date(object, "finishNoLaterThan", at: path, required: false)
        if let start, let finish, start > finish {
            report(
                path.member("finishNoLaterThan"),
                "the task must finish by \(finish) but may not start before \(start); correct one of the constraints")
        }
        let estimate = decodeEstimate(object, at: path, isMilestone: isMilestone)
        let description = string(object, "description", at: path, required: false, nonEmpty: false)
        guard let id, let name, let workstream, let duration, let relations,
            object["estimate"] == nil || estimate != nil
        else { return nil }
        return TaskDefinition(
            id: id, name: name, workstream: workstream, duration: duration, isMilestone: isMilestone,
            relations: relations.map(\.relation), startNoEarlierThan: start, finishNoLaterThan: finish,
            estimate: estimate, description: description)
    }

    private mutating func decodeDuration(_ object: JSONObject, at path: JSONPath, isMilestone: Bool) -> Int? {
        guard object["duration"] != nil else {
            if isMilestone { return 0 }
            if misspelt.contains(path.member("duration")) { return nil }
            report(
                path.member("duration"),
                "missing required field 'duration'; give the working days, or add \"milestone\": true for a milestone")
            return nil
        }
        guard let duration = integer(object, "duration", at: path, required: true, unit: " of working days") else {
            return nil
        }
        if duration < 0 {
            report(path.member("duration"), "duration \(duration) is negative; give 0 or more working days")
            return nil
        }
        if isMilestone && duration > 0 {
            report(
                path.member("duration"),
                "a milestone takes no time, but its duration is \(duration); remove the duration "
                    + "or set \"milestone\": false")
            return nil
        }
        return duration
    }

    private mutating func decodeRelations(_ object: JSONObject, at path: JSONPath, taskID: String?)
        -> [(relation: TaskDefinition.Relation, index: Int)]?
    {
        guard let elements = array(object, "relations", at: path, required: false) else {
            return object["relations"] == nil ? [] : nil
        }
        var relations: [(relation: TaskDefinition.Relation, index: Int)] = []
        var isValid = true
        var seen: Set<String> = []
        for (index, element) in elements.enumerated() {
            let relationPath = path.member("relations").element(index)
            guard let relationObject = self.object(element, at: relationPath, as: "a relation"),
                let relation = decodeRelation(relationObject, at: relationPath, taskID: taskID)
            else {
                isValid = false
                continue
            }
            if !seen.insert(relation.task + " " + relation.type.rawValue).inserted {
                report(
                    relationPath.member("task"),
                    "'\(relation.task)' is already a \(relation.type.rawValue) predecessor of this task; "
                        + "keep one relation of each type per predecessor")
                isValid = false
                continue
            }
            relations.append((relation, index))
        }
        return isValid ? relations : nil
    }

    private mutating func decodeRelation(_ object: JSONObject, at path: JSONPath, taskID: String?)
        -> TaskDefinition.Relation?
    {
        checkFields(object, at: path, allowed: ["task", "type", "lag"], in: "a relation")
        var predecessor = identifier(object, "task", at: path)
        if let id = predecessor {
            if id == taskID {
                report(path.member("task"), "task '\(id)' is related to itself; remove this relation")
                predecessor = nil
            } else if !reference(id, at: path.member("task"), to: .task, from: "relation") {
                predecessor = nil
            }
        }
        let kinds = RelationKind.allCases.map(\.rawValue)
        let typeName =
            object["type"] == nil
            ? RelationKind.fs.rawValue : choice(object, "type", at: path, required: true, from: kinds)
        let lag = integer(object, "lag", at: path, required: false, unit: " of working days") ?? 0
        guard let predecessor, let typeName, let type = RelationKind(rawValue: typeName),
            object["lag"] == nil || object["lag"]?.intValue != nil
        else { return nil }
        return TaskDefinition.Relation(task: predecessor, type: type, lag: lag)
    }

    private mutating func decodeEstimate(_ object: JSONObject, at path: JSONPath, isMilestone: Bool)
        -> TaskDefinition.Estimate?
    {
        guard let value = object["estimate"] else { return nil }
        let estimatePath = path.member("estimate")
        guard let estimate = self.object(value, at: estimatePath, as: "an estimate") else { return nil }
        checkFields(
            estimate, at: estimatePath, allowed: ["optimistic", "mostLikely", "pessimistic"], in: "an estimate")
        let unit = " of working days"
        let optimistic = integer(estimate, "optimistic", at: estimatePath, required: true, minimum: 0, unit: unit)
        let likely = integer(estimate, "mostLikely", at: estimatePath, required: true, minimum: 0, unit: unit)
        let pessimistic = integer(estimate, "pessimistic", at: estimatePath, required: true, minimum: 0, unit: unit)
        guard let optimistic, let likely, let pessimistic else { return nil }
        guard optimistic <= likely, likely <= pessimistic else {
            report(
                estimatePath,
                "estimate out of order: optimistic \(optimistic), mostLikely \(likely), pessimistic \(pessimistic); "
                    + "they must satisfy optimistic <= mostLikely <= pessimistic")
            return nil
        }
        if isMilestone && pessimistic > 0 {
            report(estimatePath, "a milestone takes no time; remove its estimate")
            return nil
        }
        return TaskDefinition.Estimate(optimistic: optimistic, mostLikely: likely, pessimistic: pessimistic)
    }
}
