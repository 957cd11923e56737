import EventLog
import TransitionSupport

/// A short, realistic slice of the BOB 2022 CCG-to-ICB history, recorded at its own dates.
public enum DemoHistory {
    static func at(_ text: String) -> Timestamp? { Timestamp(iso8601: text) }

    /// Batches of events in recording order.
    public static func events() -> [[ProposedEvent]] {
        let system = SystemIdentity.current().json
        func event(
            _ time: String, _ type: String, entity: String? = nil, actor: String, role: String, reason: String? = nil,
            effective: String? = nil, evidence: [String] = [], data: JSONObject
        ) -> ProposedEvent {
            ProposedEvent(
                type: type, recordedAt: at(time), effective: effective.flatMap { CivilDate(iso8601: $0) }, actor: actor,
                role: role, entity: entity, reason: reason, evidence: evidence.map { EvidenceReference(name: $0) },
                data: data, system: system)
        }
        return [
            [event("2021-10-04T09:00:00Z", "programme.initialised", entity: "bob-ccg-to-icb-2022", actor: "Programme office", role: "programme-director",
                   reason: "Transition programme starts", data: ["statutoryDate": .string("2022-04-01")])],
            [event("2021-10-18T10:30:00Z", "dd.item.assigned", entity: "DD-STAFF-01", actor: "Programme office", role: "transition-pmo",
                   data: ["item": .string("DD-STAFF-01"), "owner": .string("People SRO")]),
             event("2021-10-18T10:31:00Z", "dd.item.assigned", entity: "DD-FIN-01", actor: "Programme office", role: "transition-pmo",
                   data: ["item": .string("DD-FIN-01"), "owner": .string("Finance SRO")])],
            [event("2021-12-24T12:00:00Z", "programme.statutory-date.changed", entity: "bob-ccg-to-icb-2022", actor: "Programme office",
                   role: "programme-director", reason: "NHS England letter of 24 December 2021 moves go-live to 1 July 2022",
                   evidence: ["nhse-letter-2021-12-24.pdf"],
                   data: ["old": .string("2022-04-01"), "new": .string("2022-07-01"), "authority": .string("NHS England")])],
            [event("2022-03-31T16:00:00Z", "dd.evidence.attached", entity: "DD-STAFF-01", actor: "People SRO", role: "sro-people",
                   evidence: ["establishment-list-2022-03.xlsx"], data: ["item": .string("DD-STAFF-01")])],
            [event("2022-05-27T17:00:00Z", "staff.consultation.closed", entity: "G-OXON", actor: "HR lead", role: "hr-lead",
                   data: ["group": .string("G-OXON"), "outcome": .string("Outcome issued")])],
            [event("2022-06-20T09:00:00Z", "staff.transferred", entity: "E1001", actor: "HR lead", role: "hr-lead", effective: "2022-07-01",
                   data: ["person": .string("E1001")])],
        ]
    }
}
