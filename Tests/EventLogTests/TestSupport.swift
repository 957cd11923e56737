import Foundation
import TransitionSupport
@testable import EventLog

/// A fresh directory under the system temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("transition-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Builds a small event with a recognisable payload.
func sampleEvent(_ number: Int, entity: String? = nil, id: String? = nil) -> ProposedEvent {
    ProposedEvent(
        id: id, type: "sample.recorded", actor: "tester", role: "pmo", entity: entity ?? "E-\(number % 5)",
        reason: number % 3 == 0 ? "reason \(number)" : nil, data: ["n": .int(number), "text": .string("event \(number)")])
}

/// The bytes of every file under a log directory, for "unchanged byte-for-byte" checks.
func snapshot(of directory: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let full = directory + "/" + relative
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
    }
    return result
}

/// Lines of the single segment of a small log.
func segmentLines(_ log: EventLog) throws -> (path: String, lines: [String]) {
    let segment = try #require(try log.segments().first)
    let text = try String(contentsOfFile: segment.path, encoding: .utf8)
    return (segment.path, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
}

/// The directory holding the built products (the test bundle sits beside them).
func productsDirectory() -> URL {
    let bundle = Bundle.main.bundleURL
    if bundle.pathExtension == "xctest" { return bundle.deletingLastPathComponent() }
    for candidate in [bundle, bundle.deletingLastPathComponent()] {
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("transition-stress").path) {
            return candidate
        }
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}

import Testing
