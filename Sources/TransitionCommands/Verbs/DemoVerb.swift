import CommandLineParsing
import EventLog
import Foundation
import TransitionKit
import TransitionSupport

/// `transition demo`: builds a fresh demonstration log and shows what the tool does with it.
enum DemoVerb {
    static let command = Command(
        spec: CommandSpec(
            name: "demo", abstract: "Build a demonstration history of the BOB 2022 transition into a fresh log.",
            discussion: "Replaces the demo log (default EventLog/demo) with a new one, records the history through the same code paths a user would, verifies it and prints what to try next.",
            options: [OptionSpec(name: "log", valueName: "DIR", help: "Where to build the demo log (default EventLog/demo).")])
    ) { invocation, console in
        let path = invocation.command.value("log") ?? "EventLog/demo"
        if FileManager.default.fileExists(atPath: path + "/log.json") {
            try FileManager.default.removeItem(atPath: path)
        }
        let log = try EventLog.create(at: path)
        let events = DemoHistory.events()
        for chunk in events {
            _ = try log.append(chunk)
        }
        let report = try log.verify()
        console.line("Built a demonstration log at \(path): \(report.eventCount) events, chain intact.")
        console.line("")
        try log.forEach { record in
            console.line(EventListing.line(for: record))
            return true
        }
        console.line("")
        for line in VerificationJSON.text(report) { console.line(line) }
        console.line("")
        console.line("Try next:")
        console.line("  transition log --log \(path) --type 'dd.*'")
        console.line("  transition verify --log \(path) --anchor \(report.head)")
        console.line("  transition log --log \(path) --json")
        return report.isValid ? 0 : 1
    }
}
