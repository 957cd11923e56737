import TransitionSupport

/// Every id declared in a workflow, by collection, gathered before anything is decoded.
///
/// Gathering ids up front lets references be checked wherever they appear (a relation may name a
/// task defined further down), and keeps one broken task from causing "unknown task" cascades:
/// an element with a readable id counts as declared even if the rest of it is wrong.
struct SymbolTable: Sendable {
    private var ids: [IdentifierDomain: [String]] = [:]
    private var sets: [IdentifierDomain: Set<String>] = [:]
    /// Collections that are missing or not arrays: references into them are not checked,
    /// since the collection itself is already reported.
    var unreadable: Set<IdentifierDomain> = []

    /// Records `id` in `domain`; returns false if it was already there.
    mutating func declare(_ id: String, in domain: IdentifierDomain) -> Bool {
        guard sets[domain, default: []].insert(id).inserted else { return false }
        ids[domain, default: []].append(id)
        return true
    }

    func contains(_ id: String, in domain: IdentifierDomain) -> Bool {
        unreadable.contains(domain) || sets[domain]?.contains(id) ?? false
    }

    /// Whether `id` was declared in `domain`, whether or not the collection was readable.
    func declares(_ id: String, in domain: IdentifierDomain) -> Bool {
        sets[domain]?.contains(id) ?? false
    }

    /// The declared id closest to `id`, for "did you mean".
    func closest(to id: String, in domain: IdentifierDomain) -> String? {
        Suggestion.closest(to: id, in: ids[domain] ?? [])
    }
}

/// Where each collection's elements live in a workflow document.
extension IdentifierDomain {
    /// The path of the array holding this domain's elements.
    var collectionPath: JSONPath {
        switch self {
        case .task: return JSONPath.root.member("tasks")
        case .dueDiligenceItem: return JSONPath.root.member("dueDiligence").member("items")
        case .workstream: return JSONPath.root.member("workstreams")
        case .category: return JSONPath.root.member("dueDiligence").member("categories")
        case .role: return JSONPath.root.member("roles")
        case .organisation: return JSONPath.root.member("organisations")
        case .consultationGroup: return JSONPath.root.member("consultationGroups")
        }
    }
}

extension WorkflowDecoder {
    /// Fills ``symbols`` from the raw document and reports duplicate ids, including task ids
    /// reused as due-diligence item ids.
    mutating func collectSymbols(_ root: JSONObject) {
        for domain in IdentifierDomain.allCases {
            // An optional collection that is absent is simply empty; anything else not an array is unreadable.
            let value = collection(in: root, domain: domain)
            if value == nil ? domain != .consultationGroup : value?.arrayValue == nil {
                symbols.unreadable.insert(domain)
            }
            var firstPaths: [String: JSONPath] = [:]
            for (id, path) in declaredIDs(in: root, domain: domain) {
                if symbols.declare(id, in: domain) {
                    firstPaths[id] = path
                } else {
                    let first = firstPaths[id].map { " (first at \($0))" } ?? ""
                    report(path, "duplicate \(domain.noun) id '\(id)'\(first); ids must be unique, rename one")
                }
            }
        }
        for (id, path) in declaredIDs(in: root, domain: .dueDiligenceItem) where symbols.declares(id, in: .task) {
            report(
                path,
                "due-diligence item id '\(id)' is also a task id; rules and history refer to both, so rename one")
        }
    }

    /// The string ids of the elements of `domain`'s array, with their paths, ignoring anything malformed.
    private func collection(in root: JSONObject, domain: IdentifierDomain) -> JSONValue? {
        var value: JSONValue? = .object(root)
        for component in domain.collectionPath.components {
            guard case .key(let key) = component else { return nil }
            value = value?[key]
        }
        return value
    }

    private func declaredIDs(in root: JSONObject, domain: IdentifierDomain) -> [(String, JSONPath)] {
        guard let elements = collection(in: root, domain: domain)?.arrayValue else { return [] }
        var result: [(String, JSONPath)] = []
        for (index, element) in elements.enumerated() {
            if let id = element["id"]?.stringValue {
                result.append((id, domain.collectionPath.element(index).member("id")))
            }
        }
        return result
    }
}
