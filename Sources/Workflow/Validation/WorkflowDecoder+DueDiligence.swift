import TransitionSupport

/// The due-diligence checklist: categories and items, each due on a date or feeding a task.
extension WorkflowDecoder {
    static let itemFields = [
        "id", "title", "category", "workstream", "ownerRole", "evidenceRequired", "due", "feeds",
    ]

    mutating func decodeDueDiligence(_ root: JSONObject) -> DueDiligenceChecklist? {
        let path = JSONPath.root.member("dueDiligence")
        guard let value = member(root, "dueDiligence", at: .root, required: true),
            let object = object(value, at: path, as: "the due-diligence checklist")
        else { return nil }
        checkFields(object, at: path, allowed: ["categories", "items"], in: "the due-diligence checklist")
        let categories = list(object, "categories", at: path, required: true, what: "a category") {
            $0.decodeCategory($1, at: $2)
        }
        let items = list(object, "items", at: path, required: true, what: "a due-diligence item") {
            $0.decodeItem($1, at: $2)
        }
        guard let categories, let items else { return nil }
        return DueDiligenceChecklist(categories: categories, items: items)
    }

    private mutating func decodeCategory(_ object: JSONObject, at path: JSONPath) -> DueDiligenceChecklist.Category? {
        checkFields(object, at: path, allowed: ["id", "name"], in: "a category")
        let id = identifier(object, "id", at: path)
        let name = string(object, "name", at: path)
        guard let id, let name else { return nil }
        return DueDiligenceChecklist.Category(id: id, name: name)
    }

    private mutating func decodeItem(_ object: JSONObject, at path: JSONPath) -> DueDiligenceItemDefinition? {
        checkFields(object, at: path, allowed: WorkflowDecoder.itemFields, in: "a due-diligence item")
        let id = identifier(object, "id", at: path)
        let title = string(object, "title", at: path)
        let category = reference(object, "category", at: path, to: .category, from: "due-diligence item")
        let workstream = reference(object, "workstream", at: path, to: .workstream, from: "due-diligence item")
        let ownerRole = reference(object, "ownerRole", at: path, to: .role, from: "due-diligence item")
        let evidenceRequired = boolean(object, "evidenceRequired", at: path, required: true)
        let due = date(object, "due", at: path, required: false)
        let feeds = reference(object, "feeds", at: path, to: .task, from: "due-diligence item", required: false)
        switch (object["due"] != nil, object["feeds"] != nil) {
        case (true, true):
            report(
                path.member("feeds"),
                "an item is due either on a date ('due') or with a task ('feeds'), not both; remove one")
            return nil
        case (false, false):
            if misspelt.contains(path.member("due")) || misspelt.contains(path.member("feeds")) { return nil }
            report(
                path.member("due"),
                "missing 'due' or 'feeds'; give the date the item is due, or the id of the task it feeds")
            return nil
        default:
            break
        }
        guard let id, let title, let category, let workstream, let ownerRole, let evidenceRequired,
            due != nil || feeds != nil
        else { return nil }
        return DueDiligenceItemDefinition(
            id: id, title: title, category: category, workstream: workstream, ownerRole: ownerRole,
            evidenceRequired: evidenceRequired, due: due, feeds: feeds)
    }
}
