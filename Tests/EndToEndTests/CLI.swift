import Foundation
import Testing

/// Runs the built `transition` binary the way a user would, capturing output and exit status.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: String
    var log: String { directory + "/log" }
    var environment: [String: String]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("transition-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = ["TRANSITION_LOG": directory + "/log", "TRANSITION_ACTOR": "Test Runner", "NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        let base = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        for candidate in [base, base.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("transition")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("transition")
    }

    /// The repository root (for Workflows/), found from this file's path.
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var bobWorkflow: String { repository + "/Workflows/bob-ccg-to-icb-2022.json" }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, role: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        var env = environment
        if let role { env["TRANSITION_ROLE"] = role }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and requires success, returning stdout.
    @discardableResult
    func ok(_ arguments: [String], role: String? = nil, stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, stdin: stdin, role: role)
        #expect(result.status == 0, "transition \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every file of the log but the projection snapshot: that is a cache of state derived from the
    /// events (any command may write or refresh it), not part of the record.
    func logBytes() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: log)
        while let relative = enumerator?.nextObject() as? String {
            if relative == "snapshots" || relative.hasPrefix("snapshots/") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: log + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: log + "/" + relative))
            }
        }
        return result
    }

    func json(_ arguments: [String]) throws -> Any {
        let text = try ok(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
