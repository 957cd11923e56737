import CommandLineParsing
import Foundation
import TransitionKit
import TransitionSupport

/// One run of a command: the parsed arguments plus the environment they are read against.
struct Invocation: Sendable {
    let command: ParsedCommand
    let environment: [String: String]

    /// The log directory: `--log`, `TRANSITION_LOG`, or `EventLog`.
    var logPath: String { LogLocation.resolve(option: command.value("log"), environment: environment) }

    /// The declared actor: `--as`, else `TRANSITION_ACTOR`.
    var actor: String? { command.value("as") ?? environment["TRANSITION_ACTOR"] }

    /// The declared actor, or a refusal saying how to give one.
    func requiredActor() throws -> String {
        guard let actor else {
            throw InputError(location: "--as", message: "say who is recording with --as NAME (or set TRANSITION_ACTOR)")
        }
        return actor
    }

    /// The declared role: `--role`, else `TRANSITION_ROLE`.
    var role: String? { command.value("role") ?? environment["TRANSITION_ROLE"] }

    /// Seconds to wait for the writer's lock: `TRANSITION_LOCK_TIMEOUT`, default 10.
    var lockTimeout: Double { environment["TRANSITION_LOCK_TIMEOUT"].flatMap(Double.init) ?? 10 }

    func integer(_ option: String) throws -> Int? {
        guard let text = command.value(option) else { return nil }
        guard let value = Int(text) else {
            throw InputError(location: "--\(option)", message: "'\(text)' is not a whole number")
        }
        return value
    }

    func time(_ option: String, date meaning: TimeArgument.DateMeaning) throws -> Timestamp? {
        guard let text = command.value(option) else { return nil }
        return try TimeArgument.parse(text, option: option, date: meaning)
    }

    func date(_ option: String) throws -> CivilDate? {
        guard let text = command.value(option) else { return nil }
        guard let date = CivilDate(iso8601: text) else {
            throw InputError(location: "--\(option)", message: "'\(text)' is not a date; use YYYY-MM-DD")
        }
        return date
    }

    /// Reads a file argument, or standard input for `-` or no argument.
    func readInput(_ path: String?) throws -> [UInt8] {
        if path == nil || path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw InputError(location: path ?? "input", message: "cannot read the file; check the path")
        }
        return [UInt8](data)
    }
}
