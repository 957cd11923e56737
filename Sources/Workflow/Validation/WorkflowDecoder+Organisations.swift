import TransitionSupport

/// Organisations (at least one source, exactly one target) and consultation groups.
extension WorkflowDecoder {
    mutating func decodeOrganisations(_ root: JSONObject) -> [Organisation]? {
        let path = JSONPath.root.member("organisations")
        guard
            let organisations = list(
                root, "organisations", at: .root, required: true, what: "an organisation",
                {
                    $0.decodeOrganisation($1, at: $2)
                })
        else { return nil }
        // Count from the raw kinds, and only when every kind is readable, so that a misspelt
        // kind is reported once rather than again as a missing target.
        let kinds = (root["organisations"]?.arrayValue ?? []).map { $0["kind"]?.stringValue }
        guard kinds.allSatisfy({ $0.flatMap(Organisation.Kind.init(rawValue:)) != nil }) else {
            return organisations
        }
        let targets = kinds.indices.filter { kinds[$0] == Organisation.Kind.target.rawValue }
        if targets.isEmpty {
            report(path, "no target organisation; exactly one organisation must have \"kind\": \"target\"")
        }
        for extra in targets.dropFirst() {
            report(
                path.element(extra).member("kind"),
                "a second target organisation; exactly one may be the target, make this one a source or remove it")
        }
        if !kinds.contains(Organisation.Kind.source.rawValue) {
            report(path, "no source organisation; at least one organisation must have \"kind\": \"source\"")
        }
        return organisations
    }

    private mutating func decodeOrganisation(_ object: JSONObject, at path: JSONPath) -> Organisation? {
        checkFields(object, at: path, allowed: ["id", "name", "kind", "code"], in: "an organisation")
        let id = identifier(object, "id", at: path)
        let name = string(object, "name", at: path)
        let kind = choice(object, "kind", at: path, required: true, from: Organisation.Kind.allCases.map(\.rawValue))
        let code = string(object, "code", at: path, required: false)
        guard let id, let name, let kind, let kindValue = Organisation.Kind(rawValue: kind) else { return nil }
        return Organisation(id: id, name: name, kind: kindValue, code: code)
    }

    mutating func decodeConsultationGroup(_ object: JSONObject, at path: JSONPath) -> ConsultationGroup? {
        checkFields(object, at: path, allowed: ["id", "name", "organisation"], in: "a consultation group")
        let id = identifier(object, "id", at: path)
        let name = string(object, "name", at: path)
        let organisation = reference(
            object, "organisation", at: path, to: .organisation, from: "consultation group")
        guard let id, let name, let organisation else { return nil }
        return ConsultationGroup(id: id, name: name, organisation: organisation)
    }
}
