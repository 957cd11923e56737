import EventLog
import Projections
import TransitionSupport
import Workflow

/// The BOB 2022 story the demo tells: who records what, on which day.
enum DemoStory {
    static func d(_ text: String) -> CivilDate { DemoScript.date(text) }

    /// Tasks that finish later than baselined (working days added to the baseline finish).
    static let slips: [String: Int] = ["T-PPL-08": 5, "T-PPL-05": 3, "T-FIN-03": 4]

    static let organisations = ["BUCKS-CCG", "OXON-CCG", "BERKSW-CCG"]
    static let groups = ["G-BUCKS", "G-OXON", "G-BERKS-W"]
    static let counterparties = [
        "South, Central and West CSU", "Oxford Health NHS FT", "Royal Berkshire NHS FT", "Buckinghamshire Healthcare NHS Trust",
        "Berkshire Healthcare NHS FT", "Oxford University Hospitals NHS FT", "South Central Ambulance Service", "Connect Health Ltd",
        "Healthshare Ltd", "Medvivo Ltd",
    ]

    static func person(_ index: Int) -> String { "E\(10_000 + index)" }
    static func contract(_ index: Int) -> String { "C-BOB-" + String(repeating: "0", count: 4 - String(index).count) + String(index) }

    static func mechanism(_ index: Int) -> String {
        switch index {
        case ...45: return "transfer-scheme"
        case 46...52: return "novation"
        case 53...56: return "termination"
        default: return "let-expire"
        }
    }

    static func staffCSV() -> String {
        var lines = ["Person ID,Name,Post,Band,Organisation,Target Post,Consultation Group,Employment,Fixed Term End,Board Level,Board Outcome"]
        let posts = ["Commissioning Manager", "Finance Officer", "Contracts Manager", "Quality Lead", "Business Analyst", "Communications Officer", "Administrator", "Head of Primary Care"]
        for index in 1...120 {
            let org = (index - 1) / 40
            let post = posts[index % posts.count]
            let board = index == 1 || index == 41 || index == 81
            let fixedTerm = index == 50
            lines.append([
                person(index), "\"Staff member \(index) (illustrative)\"", board ? "Director (board level)" : post, board ? "VSM" : String(5 + index % 4),
                organisations[org], board ? "ICB Director" : "ICB \(post)", groups[org], fixedTerm ? "fixed-term" : "permanent",
                fixedTerm ? "2022-06-17" : "", board ? "Yes" : "No", board ? (index == 41 ? "displaced" : "designate") : "",
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func contractCSV() -> String {
        var lines = ["Reference,Counterparty,Service,Annual Value,End Date,Organisation"]
        let services = ["Community services", "Business intelligence", "Patient transport", "MSK triage", "Continuing healthcare assessments", "Out-of-hours GP", "Interpreting", "Estates FM"]
        for index in 1...60 {
            let value = index == 7 ? 1_250_000 : 25_000 + (index * 37_919) % 900_000
            let end = mechanism(index) == "let-expire" ? "2022-06-30" : (index % 2 == 0 ? "2023-03-31" : "2024-03-31")
            lines.append("\(contract(index)),\"\(counterparties[index % counterparties.count])\",\(services[index % services.count]),\(value),\(end),\(organisations[index % 3])")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Working day `offset` of a spread starting at `start` (weekends skipped).
    static func spread(_ start: CivilDate, _ offset: Int) -> CivilDate {
        var day = start
        var remaining = offset
        while remaining > 0 || day.isoWeekday > 5 {
            day = day.adding(days: 1)
            if day.isoWeekday <= 5 { remaining -= 1 }
        }
        return day
    }

    /// Everything the story records on `day` besides task progress.
    static func events(on day: CivilDate, script: DemoScript, view: ProgrammeView) throws -> [ProposedEvent] {
        var events: [ProposedEvent] = []
        let workflow = view.workflow
        func add(_ type: String, _ entity: String?, _ data: JSONObject, role: String, effective: CivilDate? = nil, reason: String? = nil, evidence: [String] = []) {
            events.append(script.make(type, entity: entity, data: data, role: role, on: day, effective: effective, reason: reason, evidence: evidence))
        }
        // Checklist ownership.
        if day == d("2021-10-18") {
            for item in workflow.dueDiligence.items {
                add("dd.item.assigned", item.id, ["item": .string(item.id), "owner": .string(DemoCast.name(for: item.ownerRole)), "ownerRole": .string(item.ownerRole)], role: "transition-pmo")
            }
        }
        events += dueDiligence(on: day, script: script, view: view)
        // Readiness to Operate Statement.
        if day == d("2021-11-15") { add("ros.drafted", "ROS", ["version": .int(1), "targetDate": .string("2022-04-01")], role: "sro-governance") }
        if day == d("2021-11-22") || day == d("2022-03-07") || day == d("2022-05-30") {
            let version = day.month == 11 ? 1 : day.month == 3 ? 2 : 3
            for (index, section) in workflow.readiness.sections.enumerated() {
                let assessment = version == 3 ? "assured" : (index % 3 == 0 ? "not-assured" : "partially-assured")
                var data: JSONObject = ["version": .int(version), "section": .string(section.id), "assessment": .string(assessment)]
                if assessment != "assured" { data["actions"] = .string("close the open due-diligence items for \(section.title.lowercased())") }
                add("ros.section.assessed", "ROS", data, role: script.sro(section.workstream))
            }
        }
        if day == d("2022-01-10") {
            add("ros.drafted", "ROS", ["version": .int(2), "targetDate": .string("2022-07-01")], role: "sro-governance",
                reason: "ROS re-based to the new statutory date, 1 July 2022")
        }
        if day == d("2022-05-23") {
            add("ros.drafted", "ROS", ["version": .int(3), "targetDate": .string("2022-07-01")], role: "sro-governance", reason: "final ROS for Day 1")
        }
        if day == d("2022-06-06") {
            add("ros.signed", "ROS", ["version": .int(3), "role": .string("ceo-designate")], role: "ceo-designate")
            add("ros.signed", "ROS", ["version": .int(3), "role": .string("chair-designate")], role: "chair-designate")
        }
        if day == d("2022-06-07") { add("ros.submitted", "ROS", ["version": .int(3)], role: "ceo-designate") }
        if day == d("2022-06-09") {
            add("ros.feedback.recorded", "ROS", ["version": .int(3), "feedback": .string("Add evidence of the POD delegation agreement and the Day 1 IT cut-over plan"), "from": .string("NHS England South East")], role: "region")
        }
        if day == d("2022-06-14") { add("ros.resubmitted", "ROS", ["version": .int(3)], role: "ceo-designate", reason: "POD delegation agreement and cut-over plan added") }
        // Registers.
        if day == d("2022-01-20") {
            let staff = try script.programme.registerEvents(.staff, bytes: Array(staffCSV().utf8), file: "bob-staff-establishment.csv", actor: DemoCast.name(for: "hr-lead"), role: "hr-lead", recordedAt: DemoScript.at(day, minute: 0))
            events += staff.map { var event = $0; event.effective = day; return event }
        }
        if day == d("2022-01-24") {
            let contracts = try script.programme.registerEvents(.contracts, bytes: Array(contractCSV().utf8), file: "bob-contract-register.csv", actor: DemoCast.name(for: "contracts-lead"), role: "contracts-lead", recordedAt: DemoScript.at(day, minute: 0))
            events += contracts.map { var event = $0; event.effective = day; return event }
        }
        if day == d("2022-02-07") {
            let assets: [(String, String, String, Int?, String)] = [
                ("A-BOB-01", "lease", "Jubilee House, Oxford Business Park (lease)", 310_000, "OXON-CCG"),
                ("A-BOB-02", "lease", "The Gateway, Aylesbury (lease)", 185_000, "BUCKS-CCG"),
                ("A-BOB-03", "lease", "57-59 Bath Road, Reading (lease)", 142_000, "BERKSW-CCG"),
                ("A-BOB-04", "asset", "IT equipment (fixed asset register)", 96_000, "OXON-CCG"),
                ("A-BOB-05", "liability", "Dilapidations provision, Aylesbury", 40_000, "BUCKS-CCG"),
                ("A-BOB-06", "claim", "Continuing healthcare retrospective claim", nil, "BERKSW-CCG"),
            ]
            for asset in assets {
                var data: JSONObject = ["asset": .string(asset.0), "kind": .string(asset.1), "description": .string(asset.2), "organisation": .string(asset.4)]
                if let value = asset.3 { data["value"] = .int(value) }
                add("asset.registered", asset.0, data, role: "finance-lead")
            }
        }
        for index in 1...60 {
            let id = contract(index)
            if day == spread(d("2022-02-14"), index % 25) { add("contract.mechanism.chosen", id, ["contract": .string(id), "mechanism": .string(mechanism(index))], role: "contracts-lead") }
            if day == spread(d("2022-04-04"), index % 30) { add("contract.due-diligence.done", id, ["contract": .string(id)], role: "contracts-lead", evidence: ["\(id) due diligence review.pdf"]) }
            if mechanism(index) == "novation", day == spread(d("2022-05-02"), (index - 45) * 4) {
                add("contract.consent.recorded", id, ["contract": .string(id), "counterparty": .string(counterparties[index % counterparties.count])], role: "contracts-lead", evidence: ["\(id) deed of novation consent.pdf"])
            }
            if ["transfer-scheme", "novation"].contains(mechanism(index)), day == d("2022-06-29") {
                add("contract.transferred", id, ["contract": .string(id)], role: "contracts-lead", effective: DemoScript.goLive)
            }
        }
        // Staff consultation and transfer.
        if day == d("2022-03-16") {
            for group in groups { add("staff.consultation.opened", group, ["group": .string(group), "closes": .string("2022-05-20")], role: "hr-lead") }
        }
        for index in 1...120 where day == spread(d("2022-04-04"), index % 34) {
            add("staff.consulted", person(index), ["person": .string(person(index))], role: "hr-lead")
        }
        if day == d("2022-04-20") {
            add("staff.exception.raised", person(90), ["person": .string(person(90)), "exception": .string("X-090"), "kind": .string("objection"), "detail": .string("objects to the change of base location")], role: "hr-lead")
            add("staff.exception.raised", person(50), ["person": .string(person(50)), "exception": .string("X-050"), "kind": .string("fixed-term-ending"), "detail": .string("fixed-term contract ends 17 June 2022, before Day 1; does not transfer")], role: "hr-lead")
        }
        if day == d("2022-05-27") {
            for group in groups { add("staff.consultation.closed", group, ["group": .string(group), "outcome": .string("Consultation outcome issued: all in-scope staff transfer on unchanged terms")], role: "sro-people") }
        }
        if day == d("2022-06-06") {
            add("staff.exception.resolved", person(90), ["person": .string(person(90)), "exception": .string("X-090"), "resolution": .string("Agreed hybrid working from Reading; objection withdrawn")], role: "hr-lead")
        }
        for index in 1...120 where index != 50 {
            if day == d("2022-06-13") { add("staff.transfer.confirmed", person(index), ["person": .string(person(index))], role: "hr-lead", evidence: ["Transfer letter \(person(index)).pdf"]) }
            let late = index > 114
            if day == (late ? d("2022-07-15") : d("2022-06-28")) {
                add("staff.transferred", person(index), ["person": .string(person(index))], role: "hr-lead", effective: DemoScript.goLive,
                    reason: late ? "Transfer effective 1 July recorded late: ESR update for secondees confirmed on 15 July" : nil)
            }
        }
        if day == d("2022-06-29") {
            for asset in ["A-BOB-01", "A-BOB-02", "A-BOB-03", "A-BOB-04", "A-BOB-05", "A-BOB-06"] {
                add("asset.transferred", asset, ["asset": .string(asset)], role: "finance-lead", effective: DemoScript.goLive)
            }
        }
        // A late correction: contract C-BOB-0007's value was keyed as £1,250,000 instead of £125,000.
        if day == d("2022-07-15"),
            let original = try script.programme.records(of: view, types: ["contract.registered"]).first(where: { $0.entity == contract(7) })
        {
            var corrected = original.data
            corrected["annualValue"] = .int(125_000)
            add("event.corrected", contract(7), ["sequence": .int(original.sequence), "data": .object(corrected)], role: "programme-director",
                reason: "Annual value keyed as £1,250,000 in January; the signed contract says £125,000 (found at Q1 accounts review)")
        }
        return events
    }

    /// Checklist progress: started ahead of each item's due date, completed (with evidence) before it,
    /// signed off by the owning SRO; items due after Day 1 deferred; a few not applicable.
    static func dueDiligence(on day: CivilDate, script: DemoScript, view: ProgrammeView) -> [ProposedEvent] {
        var events: [ProposedEvent] = []
        let workflow = view.workflow
        let starts = view.state.baselineTaskStarts
        let notApplicable = Set(workflow.dueDiligence.categories.filter { ["ENVIRONMENT", "IP"].contains($0.id) }.compactMap { category in
            workflow.dueDiligence.items.first { $0.category == category.id }?.id
        })
        for item in workflow.dueDiligence.items {
            guard let due = item.due ?? item.feeds.flatMap({ starts[$0] }) else { continue }
            let role = workflow.roles.first { $0.id == item.ownerRole }.map { role in
                role.record.contains { EventTypePattern.matches($0, "dd.status.changed") } ? role.id : script.sro(item.workstream)
            } ?? script.sro(item.workstream)
            let state = view.state.dueDiligence.items[item.id]
            let status = state?.status.rawValue ?? "not-started"
            func add(_ type: String, _ data: JSONObject, role: String, reason: String? = nil, evidence: [String] = []) {
                events.append(script.make(type, entity: item.id, data: data, role: role, on: day, reason: reason, evidence: evidence))
            }
            if notApplicable.contains(item.id) {
                if status == "not-started", day >= d("2022-02-15") {
                    add("dd.status.changed", ["item": .string(item.id), "status": .string("not-applicable")], role: role, reason: "No such interests held by the three CCGs (confirmed with estates and legal)")
                }
                continue
            }
            if due > DemoScript.goLive {
                if status != "deferred", day >= d("2022-05-25") {
                    add("dd.status.changed", ["item": .string(item.id), "status": .string("deferred"), "mitigation": .string("Tracked on the ICB transition residue log; reported monthly to the Audit and Risk Committee"), "owner": .string("ICB Chief Finance Officer")], role: role, reason: "Falls due after Day 1; carried into the ICB")
                }
                continue
            }
            let begin = max(d("2021-10-25"), due.adding(days: -40))
            let finish = min(max(begin.adding(days: 10), due.adding(days: -3)), d("2022-05-27"))
            if status == "not-started", day >= begin {
                add("dd.status.changed", ["item": .string(item.id), "status": .string("in-progress")], role: role)
            } else if status == "in-progress", day >= finish {
                if item.evidenceRequired, state?.evidence.isEmpty ?? true {
                    add("dd.evidence.attached", ["item": .string(item.id)], role: role, evidence: ["\(item.id) evidence pack.pdf"])
                }
                add("dd.status.changed", ["item": .string(item.id), "status": .string("complete")], role: role)
            } else if status == "complete", !(state?.isSignedOff ?? false), day >= finish.adding(days: 2) {
                add("dd.item.signed-off", ["item": .string(item.id), "role": .string(script.sro(item.workstream))], role: script.sro(item.workstream))
            }
        }
        return events
    }

    /// Attempts the story makes on purpose that the rules must refuse.
    static func provocations(on day: CivilDate, script: DemoScript, view: ProgrammeView) -> [ProposedEvent] {
        var events: [ProposedEvent] = []
        if day == d("2022-03-28") {
            events.append(script.make("ros.signed", entity: "ROS", data: ["version": .int(2), "role": .string("ceo-designate")], role: "ceo-designate", on: day, reason: provocation))
        }
        if day == d("2022-05-16") {
            events.append(script.make("staff.transferred", entity: person(3), data: ["person": .string(person(3))], role: "hr-lead", on: day, effective: DemoScript.goLive, reason: provocation))
            events.append(script.make("contract.transferred", entity: contract(50), data: ["contract": .string(contract(50))], role: "contracts-lead", on: day, effective: DemoScript.goLive, reason: provocation))
            let item = view.workflow.dueDiligence.items.first { $0.category == "FINANCE" }?.id ?? "DD-FIN-01"
            events.append(script.make("dd.status.changed", entity: item, data: ["item": .string(item), "status": .string("complete")], role: "region", on: day, reason: provocation))
        }
        return events
    }

    static let provocation = "demo: an attempt the rules are expected to refuse"

    static func isProvocation(_ event: ProposedEvent) -> Bool { event.reason == provocation }

    /// The authorised override in the story: constitution drafting starts at risk.
    static func override(on day: CivilDate, script: DemoScript) -> ProposedEvent? {
        guard day == d("2022-05-09") else { return nil }
        return script.make(
            "task.started", entity: "T-GOV-14", data: ["task": .string("T-GOV-14"), "on": .string(day.description)], role: "programme-director", on: day, minute: 50,
            reason: "Started at risk ahead of NHS England's constitution guidance, as agreed by the ICS Development Board on 6 May")
    }
}
