import Domain
import TransitionSupport

/// Parses a JSON object literal written as text, so test payloads read like log lines.
func object(_ text: String) -> JSONObject {
    do {
        guard case .object(let object) = try JSONParser.parse(text) else { return JSONObject() }
        return object
    } catch {
        return ["unparseable test JSON": .string(error.description)]
    }
}

/// One valid payload per event type, with every optional field present, for table-driven tests.
enum PayloadSamples {
    static let sha = String(repeating: "ab", count: 32)

    static let all: [(type: DomainEventType, data: JSONObject)] = [
        (.programmeInitialised, object(#"{"programme":"bob","workflow":{"format":"transition.workflow/1"},"workflowSha256":"\#(sha)","workflowFile":"Workflows/bob.json"}"#)),
        (.workflowRevised, object(#"{"programme":"bob","workflow":{"format":"transition.workflow/1"},"workflowSha256":"\#(sha)","workflowFile":"Workflows/bob.json","version":2}"#)),
        (.statutoryDateChanged, object(#"{"programme":"bob","old":"2022-04-01","new":"2022-07-01","authority":"NHS England"}"#)),
        (.baselineTaken, object(#"{"programme":"bob","number":1,"statutoryDate":"2022-07-01","label":"Re-plan","tasks":[{"task":"T-1","start":"2022-01-04","finish":"2022-01-20"}]}"#)),
        (.taskStarted, object(#"{"task":"T-1","on":"2022-01-04"}"#)),
        (.taskProgressed, object(#"{"task":"T-1","percent":40,"remaining":6}"#)),
        (.taskFinished, object(#"{"task":"T-1","on":"2022-01-20"}"#)),
        (.taskReforecast, object(#"{"task":"T-1","remaining":3}"#)),
        (.dueDiligenceItemAssigned, object(#"{"item":"DD-1","owner":"A. Patel","ownerRole":"sro-people"}"#)),
        (.dueDiligenceEvidenceAttached, object(#"{"item":"DD-1"}"#)),
        (.dueDiligenceStatusChanged, object(#"{"item":"DD-1","status":"deferred","mitigation":"Tracked by ICB finance","owner":"ICB CFO"}"#)),
        (.dueDiligenceItemSignedOff, object(#"{"item":"DD-1","role":"sro-people"}"#)),
        (.staffPostMapped, object(#"{"person":"E1001","name":"Sam Jones","post":"Finance Officer","band":"6","organisation":"BUCKS-CCG","targetPost":"ICB Finance Officer","group":"G-BUCKS","employment":"fixed-term","fixedTermEnd":"2022-09-30","boardLevel":true,"boardOutcome":"designate"}"#)),
        (.consultationOpened, object(#"{"group":"G-BUCKS","closes":"2022-05-27"}"#)),
        (.consultationClosed, object(#"{"group":"G-BUCKS","outcome":"Outcome letter issued"}"#)),
        (.staffConsulted, object(#"{"person":"E1001"}"#)),
        (.staffExceptionRaised, object(#"{"person":"E1001","exception":"X-1","kind":"leave","detail":"Maternity leave"}"#)),
        (.staffExceptionResolved, object(#"{"person":"E1001","exception":"X-1","resolution":"Transfers on return"}"#)),
        (.staffTransferConfirmed, object(#"{"person":"E1001"}"#)),
        (.staffTransferred, object(#"{"person":"E1001"}"#)),
        (.contractRegistered, object(#"{"contract":"C-1","counterparty":"SCWCSU","service":"Payroll","annualValue":1250000.5,"endDate":"2023-03-31","organisation":"BUCKS-CCG"}"#)),
        (.contractMechanismChosen, object(#"{"contract":"C-1","mechanism":"novation"}"#)),
        (.contractDueDiligenceDone, object(#"{"contract":"C-1"}"#)),
        (.contractConsentRecorded, object(#"{"contract":"C-1","counterparty":"SCWCSU"}"#)),
        (.contractTransferred, object(#"{"contract":"C-1"}"#)),
        (.assetRegistered, object(#"{"asset":"A-1","kind":"lease","description":"Jubilee House lease","value":120000,"organisation":"OXON-CCG"}"#)),
        (.assetTransferred, object(#"{"asset":"A-1"}"#)),
        (.readinessDrafted, object(#"{"version":2,"targetDate":"2022-07-01"}"#)),
        (.readinessSectionAssessed, object(#"{"version":2,"section":"ROS-01","assessment":"partially-assured","actions":"Appoint CFO"}"#)),
        (.readinessSigned, object(#"{"version":2,"role":"ceo-designate"}"#)),
        (.readinessSubmitted, object(#"{"version":2}"#)),
        (.readinessFeedbackRecorded, object(#"{"version":2,"feedback":"Clarify POD delegation","from":"NHSE South East"}"#)),
        (.readinessResubmitted, object(#"{"version":2}"#)),
        (.eventCorrected, object(#"{"sequence":12,"data":{"task":"T-1","on":"2022-01-05"},"effective":"2022-01-05"}"#)),
        (.eventRetracted, object(#"{"sequence":12}"#)),
        (.ruleOverridden, object(#"{"rule":"G-ROS-DD-CLOSED","eventType":"ros.signed","entity":"ROS","unmet":"DD-FIN-04 is in-progress"}"#)),
    ]

    static func data(_ type: DomainEventType) -> JSONObject {
        all.first { $0.type == type }?.data ?? JSONObject()
    }
}
