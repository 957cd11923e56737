import Testing
import TransitionSupport
import Workflow

/// One broken workflow: edits to the base document, and the problem the loader must report.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [Edit]
    var path: String
    var reason: String
    var suggestion: String? = nil

    var testDescription: String { name }
}

@Suite struct BrokenWorkflowTests {
    static let cases: [BrokenCase] = [
        BrokenCase(
            name: "unknown relation task", edits: [.text("tasks[2].relations[0].task", "T-BB")],
            path: "tasks[2].relations[0].task", reason: "refers to task 'T-BB', which is not defined", suggestion: "T-B"
        ),
        BrokenCase(
            name: "unknown item id in a check", edits: [.text("rules[5].require[0].when.notIn[0]", "DD-FIN-2")],
            path: "rules[5].require[0].when.notIn[0]", reason: "due-diligence item 'DD-FIN-2', which is not defined",
            suggestion: "DD-FIN-02"),
        BrokenCase(
            name: "unknown task fed by an item", edits: [.text("dueDiligence.items[1].feeds", "T-b")],
            path: "dueDiligence.items[1].feeds", reason: "task 'T-b'", suggestion: "T-B"),
        BrokenCase(
            name: "duplicate task id",
            edits: [.appendJSON("tasks", #"{"id": "T-B", "name": "Again", "workstream": "FIN", "duration": 1}"#)],
            path: "tasks[4].id", reason: "duplicate task id 'T-B' (first at tasks[1].id)"),
        BrokenCase(
            name: "duplicate rule id", edits: [.text("rules[1].id", "DEP")],
            path: "rules[1].id", reason: "duplicate rule id 'DEP'"),
        BrokenCase(
            name: "task id reused as an item id", edits: [.text("dueDiligence.items[0].id", "T-A")],
            path: "dueDiligence.items[0].id", reason: "is also a task id"),
        BrokenCase(
            name: "dependency cycle", edits: [.json("tasks[0].relations", #"[{"task": "T-C"}]"#)],
            path: "tasks[1].relations[0].task", reason: "dependency cycle T-A -> T-B -> T-C -> T-A"),
        BrokenCase(
            name: "task related to itself", edits: [.text("tasks[1].relations[0].task", "T-B")],
            path: "tasks[1].relations[0].task", reason: "task 'T-B' is related to itself"),
        BrokenCase(
            name: "negative duration", edits: [.json("tasks[0].duration", "-3")],
            path: "tasks[0].duration", reason: "duration -3 is negative"),
        BrokenCase(
            name: "non-milestone without duration", edits: [.remove("tasks[0].duration")],
            path: "tasks[0].duration", reason: "missing required field 'duration'"),
        BrokenCase(
            name: "milestone with a duration", edits: [.json("tasks[3].duration", "2")],
            path: "tasks[3].duration", reason: "a milestone takes no time"),
        BrokenCase(
            name: "go-live is not a milestone", edits: [.text("programme.goLiveMilestone", "T-C")],
            path: "programme.goLiveMilestone", reason: "go-live task 'T-C' is not a milestone"),
        BrokenCase(
            name: "unknown go-live milestone", edits: [.text("programme.goLiveMilestone", "M-GOLIV")],
            path: "programme.goLiveMilestone", reason: "task 'M-GOLIV', which is not defined", suggestion: "M-GOLIVE"),
        BrokenCase(
            name: "constraint outside the calendar", edits: [.text("tasks[2].startNoEarlierThan", "2023-02-01")],
            path: "tasks[2].startNoEarlierThan",
            reason: "date 2023-02-01 is outside the calendar (2022-01-01 to 2022-12-31)"),
        BrokenCase(
            name: "statutory date outside the calendar", edits: [.text("programme.statutoryDate", "2021-07-01")],
            path: "programme.statutoryDate", reason: "outside the calendar"),
        BrokenCase(
            name: "holiday outside the calendar", edits: [.text("calendar.holidays[1].date", "2024-12-25")],
            path: "calendar.holidays[1].date", reason: "outside the calendar"),
        BrokenCase(
            name: "due date outside the calendar", edits: [.text("dueDiligence.items[0].due", "2021-12-31")],
            path: "dueDiligence.items[0].due", reason: "outside the calendar"),
        BrokenCase(
            name: "date in the wrong layout", edits: [.text("programme.start", "04/01/2022")],
            path: "programme.start", reason: "'04/01/2022' is not a date; write dates as YYYY-MM-DD"),
        BrokenCase(
            name: "impossible date", edits: [.text("calendar.holidays[0].date", "2022-02-30")],
            path: "calendar.holidays[0].date", reason: "'2022-02-30' is not a real date"),
        BrokenCase(
            name: "calendar ends before it starts", edits: [.text("calendar.to", "2021-12-31")],
            path: "calendar.to", reason: "the calendar ends (2021-12-31) before it starts (2022-01-01)"),
        BrokenCase(
            name: "no working days", edits: [.json("calendar.workingDays", "[]")],
            path: "calendar.workingDays", reason: "must list at least one day"),
        BrokenCase(
            name: "unknown day name", edits: [.text("calendar.workingDays[0]", "Monday")],
            path: "calendar.workingDays[0]", reason: "unknown day 'Monday'", suggestion: "Mon"),
        BrokenCase(
            name: "unknown field typo", edits: [.json("tasks[0].duraton", "5")],
            path: "tasks[0].duraton", reason: "unknown field 'duraton' in a task", suggestion: "duration"),
        BrokenCase(
            name: "unknown top-level field", edits: [.json("workstream", "[]")],
            path: "workstream", reason: "unknown field 'workstream' in a workflow", suggestion: "workstreams"),
        BrokenCase(
            name: "missing required field", edits: [.remove("programme.title")],
            path: "programme.title", reason: "missing required field 'title'"),
        BrokenCase(
            name: "missing required section", edits: [.remove("readiness")],
            path: "readiness", reason: "missing required field 'readiness'"),
        BrokenCase(
            name: "wrong type", edits: [.json("tasks[0].name", "5")],
            path: "tasks[0].name", reason: "'name' must be a string, not an integer"),
        BrokenCase(
            name: "wrong type for a section", edits: [.json("tasks", #"{"T-A": 1}"#)],
            path: "tasks", reason: "'tasks' must be an array, not an object"),
        BrokenCase(
            name: "fractional duration", edits: [.json("tasks[0].duration", "2.5")],
            path: "tasks[0].duration", reason: "must be a whole number of working days, not 2.5"),
        BrokenCase(
            name: "estimate out of order", edits: [.json("tasks[1].estimate.mostLikely", "9")],
            path: "tasks[1].estimate", reason: "optimistic <= mostLikely <= pessimistic"),
        BrokenCase(
            name: "negative estimate", edits: [.json("tasks[1].estimate.optimistic", "-1")],
            path: "tasks[1].estimate.optimistic", reason: "must be 0 or more"),
        BrokenCase(
            name: "item with due and feeds", edits: [.text("dueDiligence.items[0].feeds", "T-A")],
            path: "dueDiligence.items[0].feeds", reason: "not both"),
        BrokenCase(
            name: "item with neither due nor feeds", edits: [.remove("dueDiligence.items[0].due")],
            path: "dueDiligence.items[0].due", reason: "missing 'due' or 'feeds'"),
        BrokenCase(
            name: "unknown relation type", edits: [.text("tasks[1].relations[0].type", "fs")],
            path: "tasks[1].relations[0].type", reason: "'fs' is not a valid 'type'", suggestion: "FS"),
        BrokenCase(
            name: "fractional lag", edits: [.json("tasks[1].relations[0].lag", "1.5")],
            path: "tasks[1].relations[0].lag", reason: "whole number of working days, not 1.5"),
        BrokenCase(
            name: "read-only role that records", edits: [.json("roles[2].record", #"["task.started"]"#)],
            path: "roles[2].record", reason: "read-only role 'audit' may record nothing"),
        BrokenCase(
            name: "missing target organisation", edits: [.text("organisations[2].kind", "source")],
            path: "organisations", reason: "no target organisation"),
        BrokenCase(
            name: "two target organisations", edits: [.text("organisations[0].kind", "target")],
            path: "organisations[2].kind", reason: "a second target organisation"),
        BrokenCase(
            name: "no source organisation", edits: [.remove("organisations[1]"), .remove("organisations[0]")],
            path: "organisations", reason: "no source organisation"),
        BrokenCase(
            name: "unknown organisation kind", edits: [.text("organisations[0].kind", "sorce")],
            path: "organisations[0].kind", reason: "'sorce' is not a valid 'kind'", suggestion: "source"),
        BrokenCase(
            name: "unknown workstream", edits: [.text("tasks[0].workstream", "FN")],
            path: "tasks[0].workstream", reason: "workstream 'FN', which is not defined", suggestion: "FIN"),
        BrokenCase(
            name: "unknown SRO role", edits: [.text("workstreams[0].sro.role", "sro-fn")],
            path: "workstreams[0].sro.role", reason: "role 'sro-fn'", suggestion: "sro-fin"),
        BrokenCase(
            name: "unknown category", edits: [.text("dueDiligence.items[0].category", "FINANSE")],
            path: "dueDiligence.items[0].category", reason: "due-diligence category 'FINANSE'", suggestion: "FINANCE"),
        BrokenCase(
            name: "unknown owner role", edits: [.text("dueDiligence.items[0].ownerRole", "cahir")],
            path: "dueDiligence.items[0].ownerRole", reason: "role 'cahir'", suggestion: "chair"),
        BrokenCase(
            name: "unknown consultation group organisation",
            edits: [.text("consultationGroups[0].organisation", "CCG-C")],
            path: "consultationGroups[0].organisation", reason: "organisation 'CCG-C'", suggestion: "CCG-A"),
        BrokenCase(
            name: "unknown readiness workstream", edits: [.text("readiness.sections[0].workstream", "GOVV")],
            path: "readiness.sections[0].workstream", reason: "workstream 'GOVV'", suggestion: "GOV"),
        BrokenCase(
            name: "unknown signatory", edits: [.text("readiness.signatories[0]", "chiar")],
            path: "readiness.signatories[0]", reason: "role 'chiar'", suggestion: "chair"),
        BrokenCase(
            name: "read-only signatory", edits: [.text("readiness.signatories[0]", "audit")],
            path: "readiness.signatories[0]", reason: "read-only role and could never sign"),
        BrokenCase(
            name: "signatory without ros.signed under a permission rule",
            edits: [.text("readiness.signatories[0]", "sro-fin")],
            path: "readiness.signatories[0]", reason: "needs 'ros.signed' in the role's 'signOff'"),
        BrokenCase(
            name: "unknown signer role", edits: [.text("signers[0].role", "chairr")],
            path: "signers[0].role", reason: "role 'chairr'", suggestion: "chair"),
        BrokenCase(
            name: "malformed public key", edits: [.text("signers[0].publicKey", "not a key")],
            path: "signers[0].publicKey", reason: "must be an OpenSSH public key"),
        BrokenCase(
            name: "wrong format string", edits: [.text("format", "transition.workflow/2")],
            path: "format", reason: "unsupported format 'transition.workflow/2'", suggestion: "transition.workflow/1"),
        BrokenCase(
            name: "unknown rule kind", edits: [.text("rules[0].kind", "dependancy")],
            path: "rules[0].kind", reason: "'dependancy' is not a valid 'kind'", suggestion: "dependency"),
        BrokenCase(
            name: "unknown rule field", edits: [.text("rules[1].remdy", "Close items.")],
            path: "rules[1].remdy", reason: "unknown field 'remdy' in a gate rule", suggestion: "remedy"),
        BrokenCase(
            name: "field of another rule kind", edits: [.json("rules[6].events", #"["task.started"]"#)],
            path: "rules[6].events", reason: "unknown field 'events' in a permission rule"),
        BrokenCase(
            name: "rule without description", edits: [.remove("rules[6].description")],
            path: "rules[6].description", reason: "missing required field 'description'"),
        BrokenCase(
            name: "gate without on", edits: [.remove("rules[1].on")],
            path: "rules[1].on", reason: "missing required field 'on'"),
        BrokenCase(
            name: "gate without require", edits: [.remove("rules[1].require")],
            path: "rules[1].require", reason: "missing required field 'require'"),
        BrokenCase(
            name: "gate without remedy", edits: [.remove("rules[1].remedy")],
            path: "rules[1].remedy", reason: "missing required field 'remedy'"),
        BrokenCase(
            name: "event type listed twice", edits: [.json("rules[0].events", #"["task.started", "task.started"]"#)],
            path: "rules[0].events[1]", reason: "'task.started' is listed twice in 'events'"),
        BrokenCase(
            name: "malformed payload field", edits: [.text("rules[3].when.field", "data.")],
            path: "rules[3].when.field", reason: "an event check reads"),
        BrokenCase(
            name: "gate with empty require", edits: [.json("rules[1].require", "[]")],
            path: "rules[1].require", reason: "must list at least one check"),
        BrokenCase(
            name: "unknown event type in a gate", edits: [.text("rules[1].on[0]", "ros.sigend")],
            path: "rules[1].on[0]", reason: "unknown event type 'ros.sigend'", suggestion: "ros.signed"),
        BrokenCase(
            name: "unknown event type in a role", edits: [.text("roles[0].record[0]", "tsk.*")],
            path: "roles[0].record[0]", reason: "pattern 'tsk.*' matches no known event type", suggestion: "task.*"),
        BrokenCase(
            name: "unknown event type in requiresSignature", edits: [.text("requiresSignature[0]", "ros.singed")],
            path: "requiresSignature[0]", reason: "unknown event type 'ros.singed'", suggestion: "ros.signed"),
        BrokenCase(
            name: "sign-off list with an ordinary event type",
            edits: [.json("roles[0].signOff", #"["task.finished"]"#)],
            path: "roles[0].signOff[0]", reason: "'task.finished' is not a sign-off event type"),
        BrokenCase(
            name: "check field unknown for its kind", edits: [.text("rules[1].require[0].field", "stauts")],
            path: "rules[1].require[0].field", reason: "'dueDiligence' has no field 'stauts'", suggestion: "status"),
        BrokenCase(
            name: "check kind unknown", edits: [.text("rules[1].require[0].all", "dueDiligance")],
            path: "rules[1].require[0].all", reason: "unknown entity kind 'dueDiligance'", suggestion: "dueDiligence"),
        BrokenCase(
            name: "check with two scopes", edits: [.text("rules[1].require[0].subject", "dueDiligence")],
            path: "rules[1].require[0]", reason: "exactly one scope"),
        BrokenCase(
            name: "check with no operator", edits: [.remove("rules[1].require[0].in")],
            path: "rules[1].require[0]", reason: "exactly one operator"),
        BrokenCase(
            name: "check with two operators", edits: [.json("rules[1].require[0].exists", "true")],
            path: "rules[1].require[0]", reason: "found 'in' and 'exists'; keep one"),
        BrokenCase(
            name: "unknown field in a check", edits: [.text("rules[1].require[0].feild", "status")],
            path: "rules[1].require[0].feild", reason: "unknown field 'feild' in a check", suggestion: "field"),
        BrokenCase(
            name: "value not allowed for the field", edits: [.text("rules[1].require[0].in[0]", "complet")],
            path: "rules[1].require[0].in[0]", reason: "'complet' is not a value of 'status'", suggestion: "complete"),
        BrokenCase(
            name: "unknown reference", edits: [.text("rules[2].require[1].onOrAfter", "$statutoryDat")],
            path: "rules[2].require[1].onOrAfter", reason: "unknown reference '$statutoryDat'",
            suggestion: "$statutoryDate"),
        BrokenCase(
            name: "task reference used as a date", edits: [.text("rules[2].require[1].onOrAfter", "$goLiveMilestone")],
            path: "rules[2].require[1].onOrAfter", reason: "'$goLiveMilestone' is not a date"),
        BrokenCase(
            name: "shadow reference without a shadow date",
            edits: [.remove("programme.shadowFrom"), .text("rules[2].require[1].onOrAfter", "$shadowFrom")],
            path: "rules[2].require[1].onOrAfter", reason: "the programme has no 'shadowFrom'"),
        BrokenCase(
            name: "condition with another scope",
            edits: [
                .json("rules[2].require[0].when", #"{"event": true, "field": "effective", "onOrAfter": "2022-01-01"}"#)
            ],
            path: "rules[2].require[0].when",
            reason: "a 'when' check must read the same scope as its check (\"subject\": \"contract\")"),
        BrokenCase(
            name: "where filter with another scope",
            edits: [.json("rules[4].require[0].where", #"{"subject": "task", "field": "id", "equals": "T-A"}"#)],
            path: "rules[4].require[0].where",
            reason: "a 'where' check must read the same scope as its check (\"all\": \"task\")"),
        BrokenCase(
            name: "where on a subject check",
            edits: [.json("rules[2].require[0].where", #"{"subject": "contract", "field": "id", "exists": true}"#)],
            path: "rules[2].require[0].where", reason: "'where' filters the entities of an \"all\" check"),
        BrokenCase(
            name: "singleton read as subject",
            edits: [.json("rules[3].require[0]", #"{"subject": "ros", "field": "signed", "equals": true}"#)],
            path: "rules[3].require[0].subject", reason: "'ros' is a singleton kind; use \"singleton\": \"ros\""),
        BrokenCase(
            name: "event scope not true", edits: [.json("rules[2].require[1].event", "false")],
            path: "rules[2].require[1].event", reason: "write \"event\": true"),
        BrokenCase(
            name: "unknown event field", edits: [.text("rules[2].require[1].field", "efective")],
            path: "rules[2].require[1].field", reason: "an event check reads", suggestion: "effective"),
        BrokenCase(
            name: "operator for another type", edits: [.text("rules[5].require[0].atLeast", "one")],
            path: "rules[5].require[0].atLeast", reason: "'atLeast' takes a number, not a string"),
        BrokenCase(
            name: "date comparison on a number",
            edits: [.remove("rules[5].require[0].atLeast"), .text("rules[5].require[0].onOrAfter", "2022-01-01")],
            path: "rules[5].require[0].onOrAfter",
            reason: "'onOrAfter' compares dates, but 'evidenceCount' holds a whole number"),
        BrokenCase(
            name: "boolean field compared with a string", edits: [.text("rules[3].require[0].equals", "yes")],
            path: "rules[3].require[0].equals",
            reason: "'signed' holds true or false, so it cannot be compared with a string"),
        BrokenCase(
            name: "deadline scope that has no dates", edits: [.text("rules[7].scope[1]", "staff")],
            path: "rules[7].scope[1]", reason: "'staff' cannot be a deadline or residue scope"),
        BrokenCase(
            name: "unknown severity", edits: [.text("rules[4].severity", "advisry")],
            path: "rules[4].severity", reason: "'advisry' is not a valid 'severity'", suggestion: "advisory"),
        BrokenCase(
            name: "id with a space", edits: [.text("workstreams[1].id", "GOV X")],
            path: "workstreams[1].id", reason: "may contain only letters, digits"),
        BrokenCase(
            name: "statutory date before the start", edits: [.text("programme.statutoryDate", "2022-01-03")],
            path: "programme.statutoryDate", reason: "is before the programme start"),
        BrokenCase(
            name: "missing format", edits: [.text("format", "x"), .remove("format")],
            path: "format", reason: "missing required field 'format'"),
    ]

    @Test("a broken workflow is refused with a located, explained problem", arguments: cases)
    func refused(_ broken: BrokenCase) throws {
        let bytes = try BaseWorkflow.document.applying(broken.edits).prettyBytes
        let error = try #require(loadError(bytes, file: "broken.json"), "\(broken.name) loaded")
        let matching = error.problems.filter { $0.path == broken.path && $0.message.contains(broken.reason) }
        #expect(matching.count == 1, "\(broken.name): expected '\(broken.reason)' at \(broken.path); got\n\(error)")
        if let problem = matching.first {
            #expect(problem.suggestion == broken.suggestion, "\(broken.name): \(problem)")
            #expect(problem.line != nil && problem.column != nil, "\(broken.name): no location")
        }
        #expect(error.description.hasSuffix("in broken.json"))
    }

    @Test("invalid JSON is one problem with the parser's line and column")
    func invalidJSON() throws {
        let text = "{\n  \"format\": \"transition.workflow/1\",\n  \"programme\": {\"id\": \"x\",}\n}\n"
        let error = try #require(loadError(Array(text.utf8), file: "bad.json"))
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.line == 3)
        #expect(error.problems.first?.column == 27)
        #expect(error.description.hasPrefix("bad.json:3:27: error: not valid JSON: expected a quoted member name"))
    }

    @Test("duplicate keys, empty input and a non-object document are refused")
    func degenerateDocuments() throws {
        let duplicate = try #require(loadError(Array("{\"format\": 1, \"format\": 2}".utf8)))
        #expect(duplicate.problems.first?.message.contains("duplicate key") == true)
        let empty = try #require(loadError([]))
        #expect(empty.problems.first?.message.contains("unexpected end of input") == true)
        let array = try #require(loadError(Array("[1, 2]".utf8)))
        #expect(array.problems.map(\.message) == ["expected a workflow (a JSON object), found an array"])
        #expect(array.problems.first?.line == 1)
    }

    @Test("every problem in a document is reported at once, sorted by position")
    func multipleProblems() throws {
        let edits: [Edit] = [
            .text("programme.start", "2022-13-01"),
            .json("tasks[0].duraton", "5"),
            .text("tasks[1].relations[0].task", "T-Z"),
            .json("tasks[3].duration", "4"),
            .text("dueDiligence.items[0].feeds", "T-A"),
            .text("rules[1].on[0]", "ros.sigend"),
            .json("roles[2].signOff", #"["ros.signed"]"#),
            .text("organisations[2].kind", "source"),
        ]
        let bytes = try BaseWorkflow.document.applying(edits).prettyBytes
        let error = try #require(loadError(bytes, file: "many.json"))
        let paths = Set(error.problems.map(\.path))
        for expected in [
            "programme.start", "tasks[0].duraton", "tasks[1].relations[0].task", "tasks[3].duration",
            "dueDiligence.items[0].feeds", "rules[1].on[0]", "roles[2].signOff", "organisations",
        ] {
            #expect(paths.contains(expected), "missing \(expected) in\n\(error)")
        }
        let lines = error.problems.compactMap(\.line)
        #expect(lines.count == error.problems.count)
        #expect(lines == lines.sorted())
        let rendered = error.description.split(separator: "\n")
        #expect(rendered.count == error.problems.count + 1)
        #expect(rendered.last == "\(error.problems.count) problems in many.json")
        #expect(
            rendered.contains {
                $0.hasPrefix("many.json:")
                    && $0.hasSuffix("unknown field 'duraton' in a task; did you mean 'duration'?")
            })
    }
}
