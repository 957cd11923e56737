import TransitionSupport
import Workflow

/// A small but complete workflow: two CCGs into one ICB, three tasks, three DD items, two signatories.
enum TinyWorkflow {
    static let text = #"""
        {
          "format": "transition.workflow/1",
          "programme": { "id": "tiny", "title": "Tiny transition", "start": "2022-03-01", "statutoryDate": "2022-07-01",
                         "goLiveMilestone": "M-GOLIVE", "shadowFrom": "2022-04-01" },
          "organisations": [
            { "id": "NORTH-CCG", "name": "NHS North CCG", "kind": "source" },
            { "id": "SOUTH-CCG", "name": "NHS South CCG", "kind": "source" },
            { "id": "ICB", "name": "NHS Example ICB", "kind": "target" }
          ],
          "calendar": { "workingDays": ["Mon", "Tue", "Wed", "Thu", "Fri"], "from": "2022-01-01", "to": "2022-12-31", "holidays": [] },
          "roles": [
            { "id": "sro-people", "name": "SRO, People", "record": ["*"], "signOff": ["dd.item.signed-off"] },
            { "id": "ceo-designate", "name": "CEO designate", "record": [], "signOff": ["ros.signed"] },
            { "id": "chair-designate", "name": "Chair designate", "record": [], "signOff": ["ros.signed"] }
          ],
          "workstreams": [ { "id": "PEOPLE", "name": "People", "sro": { "role": "sro-people", "name": "SRO (illustrative)" } } ],
          "tasks": [
            { "id": "M-START", "name": "Mobilised", "workstream": "PEOPLE", "milestone": true },
            { "id": "T-01", "name": "Staff consultation", "workstream": "PEOPLE", "duration": 10, "relations": [ { "task": "M-START" } ] },
            { "id": "M-GOLIVE", "name": "ICB established", "workstream": "PEOPLE", "milestone": true, "relations": [ { "task": "T-01" } ] }
          ],
          "dueDiligence": {
            "categories": [ { "id": "STAFF", "name": "Staff" }, { "id": "FIN", "name": "Finance" } ],
            "items": [
              { "id": "DD-1", "title": "Establishment list", "category": "STAFF", "workstream": "PEOPLE", "ownerRole": "sro-people",
                "evidenceRequired": true, "due": "2022-05-31" },
              { "id": "DD-2", "title": "Lease cars", "category": "STAFF", "workstream": "PEOPLE", "ownerRole": "sro-people",
                "evidenceRequired": false, "feeds": "T-01" },
              { "id": "DD-3", "title": "Bank accounts closed", "category": "FIN", "workstream": "PEOPLE", "ownerRole": "sro-people",
                "evidenceRequired": true, "due": "2022-09-30" }
            ]
          },
          "readiness": {
            "sections": [ { "id": "ROS-01", "title": "People", "workstream": "PEOPLE" }, { "id": "ROS-02", "title": "Finance", "workstream": "PEOPLE" } ],
            "signatories": ["ceo-designate", "chair-designate"]
          },
          "consultationGroups": [
            { "id": "G-NORTH", "name": "North CCG staff", "organisation": "NORTH-CCG" },
            { "id": "G-SOUTH", "name": "South CCG staff", "organisation": "SOUTH-CCG" }
          ],
          "rules": [
            { "id": "P-ROLES", "kind": "permission", "description": "Only listed roles record." }
          ]
        }
        """#

    /// The document as a JSON object, as `programme.initialised` stores it.
    static var document: JSONObject {
        guard let value = try? JSONParser.parse(text), case .object(let object) = value else { return JSONObject() }
        return object
    }

    /// The document with a different statutory date (for `workflow.revised`).
    static func document(statutoryDate: String) -> JSONObject {
        var copy = document
        var programme = copy["programme"]?.objectValue ?? JSONObject()
        programme["statutoryDate"] = .string(statutoryDate)
        copy["programme"] = .object(programme)
        return copy
    }

    /// The workflow loaded through the Workflow target's loader from bytes.
    static func load() throws -> WorkflowDefinition {
        try WorkflowLoader.load(bytes: Array(text.utf8), file: "tiny.json")
    }
}
