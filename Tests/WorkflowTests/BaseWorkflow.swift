import Testing
import TransitionSupport
import Workflow

/// A small valid workflow that broken-workflow tests mutate, one edit at a time.
enum BaseWorkflow {
    static let text = #"""
        {
          "format": "transition.workflow/1",
          "programme": {
            "id": "test-programme", "title": "Test CCGs to Test ICB", "start": "2022-01-04",
            "statutoryDate": "2022-07-01", "goLiveMilestone": "M-GOLIVE", "shadowFrom": "2022-04-01"
          },
          "organisations": [
            {"id": "CCG-A", "name": "NHS A CCG", "kind": "source", "code": "A1"},
            {"id": "CCG-B", "name": "NHS B CCG", "kind": "source"},
            {"id": "ICB", "name": "NHS Test ICB", "kind": "target", "code": "Q1"}
          ],
          "calendar": {
            "workingDays": ["Mon", "Tue", "Wed", "Thu", "Fri"], "from": "2022-01-01", "to": "2022-12-31",
            "holidays": [{"date": "2022-04-15", "name": "Good Friday"}, {"date": "2022-04-18", "name": "Easter Monday"}]
          },
          "roles": [
            {"id": "sro-fin", "name": "SRO Finance", "record": ["task.*", "dd.*"], "signOff": ["dd.item.signed-off"]},
            {"id": "chair", "name": "Chair designate", "record": [], "signOff": ["ros.signed"]},
            {"id": "audit", "name": "Internal audit", "readOnly": true}
          ],
          "workstreams": [
            {"id": "FIN", "name": "Finance", "sro": {"role": "sro-fin", "name": "A. Person"}},
            {"id": "GOV", "name": "Governance", "sro": {"role": "chair", "name": "B. Person"}, "description": "Board."}
          ],
          "tasks": [
            {"id": "T-A", "name": "Task A", "workstream": "FIN", "duration": 5, "relations": []},
            {"id": "T-B", "name": "Task B", "workstream": "FIN", "duration": 3,
             "relations": [{"task": "T-A", "type": "FS", "lag": 2}],
             "estimate": {"optimistic": 2, "mostLikely": 3, "pessimistic": 5}},
            {"id": "T-C", "name": "Task C", "workstream": "GOV", "duration": 4,
             "relations": [{"task": "T-B", "type": "SS", "lag": -1}], "startNoEarlierThan": "2022-02-01"},
            {"id": "M-GOLIVE", "name": "Go live", "workstream": "GOV", "milestone": true,
             "relations": [{"task": "T-C"}], "finishNoLaterThan": "2022-07-01"}
          ],
          "dueDiligence": {
            "categories": [{"id": "FINANCE", "name": "Finance"}, {"id": "STAFF", "name": "Staff"}],
            "items": [
              {"id": "DD-FIN-01", "title": "Ledger closed", "category": "FINANCE", "workstream": "FIN",
               "ownerRole": "sro-fin", "evidenceRequired": true, "due": "2022-06-01"},
              {"id": "DD-FIN-02", "title": "Bank accounts", "category": "FINANCE", "workstream": "FIN",
               "ownerRole": "sro-fin", "evidenceRequired": false, "feeds": "T-B"}
            ]
          },
          "readiness": {
            "sections": [{"id": "ROS-01", "title": "Finance", "workstream": "FIN"}],
            "signatories": ["chair"]
          },
          "consultationGroups": [{"id": "G-A", "name": "A staff", "organisation": "CCG-A"}],
          "signers": [
            {"role": "chair", "principal": "chair@example.nhs.uk",
             "publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyMaterial chair"}
          ],
          "requiresSignature": ["ros.signed", "dd.item.*"],
          "rules": [
            {"id": "DEP", "kind": "dependency", "events": ["task.started", "task.finished"],
             "description": "Tasks wait for their predecessors."},
            {"id": "G-ROS", "kind": "gate", "on": ["ros.signed"],
             "require": [{"all": "dueDiligence", "field": "status", "in": ["complete", "not-applicable", "deferred"]}],
             "remedy": "Close every item.", "description": "The ROS needs closed DD."},
            {"id": "G-CONTRACT", "kind": "gate", "on": ["contract.transferred"],
             "require": [
               {"subject": "contract", "when": {"subject": "contract", "field": "mechanism", "equals": "novation"},
                "field": "consentRecorded", "equals": true},
               {"event": true, "field": "effective", "onOrAfter": "$statutoryDate"}
             ],
             "remedy": "Record consent first.", "description": "Contracts transfer when ready."},
            {"id": "G-GOLIVE", "kind": "gate", "on": ["task.finished"],
             "when": {"event": true, "field": "data.task", "equals": "$goLiveMilestone"},
             "require": [{"singleton": "ros", "field": "signed", "equals": true}],
             "remedy": "Sign the ROS.", "description": "Go-live needs a signed ROS."},
            {"id": "G-FILTER", "kind": "gate", "on": ["staff.transfer.confirmed"], "severity": "advisory",
             "require": [{"all": "task", "where": {"all": "task", "field": "id", "equals": "T-A"},
                          "field": "status", "equals": "finished"}],
             "remedy": "Finish task A.", "description": "Letters after task A."},
            {"id": "G-DD", "kind": "gate", "on": ["dd.item.signed-off"],
             "require": [{"subject": "dueDiligence", "field": "evidenceCount", "atLeast": 1,
                          "when": {"subject": "dueDiligence", "field": "id", "notIn": ["DD-FIN-02"]}}],
             "remedy": "Attach evidence.", "description": "Evidence first."},
            {"id": "P", "kind": "permission", "description": "Roles record what they may."},
            {"id": "DL", "kind": "deadline", "scope": ["dueDiligence", "task"], "escalateWhenFloatBelow": 5,
             "description": "Overdue work is flagged."},
            {"id": "RES", "kind": "residue", "scope": ["dueDiligence"], "description": "Deferred items stay listed."}
          ]
        }
        """#

    /// The base document, parsed.
    static var document: JSONValue {
        get throws { try JSONParser.parse(text) }
    }
}

/// One change to a JSON document, addressed by a path such as `tasks[1].relations[0].task`.
enum Edit: Sendable {
    case set(String, JSONValue)
    case remove(String)
    case append(String, JSONValue)

    /// Sets a string.
    static func text(_ path: String, _ value: String) -> Edit { .set(path, .string(value)) }

    /// Sets a value written as JSON text.
    static func json(_ path: String, _ source: String) -> Edit { .set(path, parsed(source)) }

    /// Appends a value written as JSON text to an array.
    static func appendJSON(_ path: String, _ source: String) -> Edit { .append(path, parsed(source)) }

    private static func parsed(_ source: String) -> JSONValue {
        do {
            return try JSONParser.parse(source)
        } catch {
            Issue.record("bad JSON in a test edit: \(source): \(error)")
            return .null
        }
    }
}

extension JSONValue {
    /// This document with `edits` applied in order; an edit whose path does not exist is recorded as an issue.
    func applying(_ edits: [Edit]) -> JSONValue {
        var result = self
        for edit in edits {
            switch edit {
            case .set(let path, let value): result = result.updating(path) { _ in value }
            case .remove(let path): result = result.updating(path) { _ in nil }
            case .append(let path, let value):
                result = result.updating(path) { current in .array((current?.arrayValue ?? []) + [value]) }
            }
        }
        return result
    }

    private func updating(_ path: String, _ change: (JSONValue?) -> JSONValue?) -> JSONValue {
        guard let parsed = JSONPath(parsing: path) else {
            Issue.record("bad test path \(path)")
            return self
        }
        return updating(parsed.components[...], change) ?? .null
    }

    private func updating(_ components: ArraySlice<JSONPath.Component>, _ change: (JSONValue?) -> JSONValue?)
        -> JSONValue?
    {
        guard let first = components.first else { return change(self) }
        let rest = components.dropFirst()
        switch (self, first) {
        case (.object(var object), .key(let key)):
            if rest.isEmpty {
                object[key] = change(object[key])
            } else if let child = object[key] {
                object[key] = child.updating(rest, change)
            } else {
                Issue.record("no member \(key) to edit")
            }
            return .object(object)
        case (.array(var array), .index(let index)) where index < array.count:
            if rest.isEmpty {
                if let value = change(array[index]) { array[index] = value } else { array.remove(at: index) }
            } else if let child = array[index].updating(rest, change) {
                array[index] = child
            }
            return .array(array)
        default:
            Issue.record("cannot follow \(first) in the test document")
            return self
        }
    }

    /// Pretty JSON bytes, as a workflow file would be written.
    var prettyBytes: [UInt8] { Array(JSONWriter.pretty(self).utf8) }
}

/// Loads `bytes`, returning the error (or recording an issue if it loaded).
func loadError(_ bytes: [UInt8], file: String = "test.json", vocabulary: WorkflowVocabulary = .standard)
    -> WorkflowLoadError?
{
    do {
        _ = try WorkflowLoader.load(bytes: bytes, file: file, vocabulary: vocabulary)
        return nil
    } catch {
        return error
    }
}
