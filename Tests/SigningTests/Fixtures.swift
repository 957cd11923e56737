import Foundation
import Signing
import Testing

/// Throwaway ed25519 keys in a private temporary directory, made with the real ssh-keygen.
///
/// Each test makes its own `KeyLab` and calls `remove()` when done, so tests can run in
/// parallel without sharing files.
struct KeyLab {
    /// The real ssh-keygen, found the same way the product finds it.
    static let keygen = SSHKeygen()
    /// Whether the signing tests can run at all.
    static let keygenAvailable = keygen.isAvailable
    /// Recorded as the skip reason when ssh-keygen is absent.
    static let skipReason: Comment =
        "ssh-keygen not found (TRANSITION_SSH_KEYGEN or PATH); install openssh-client to run the signing tests"

    let directory: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("signing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        directory = base.path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A new key pair `name` / `name.pub`; returns the private key's path.
    func makeKey(_ name: String, passphrase: String = "") throws -> String {
        let path = directory + "/" + name
        let result = try KeyLab.run(
            KeyLab.keygen.executablePath ?? "ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-f", path, "-C", "test"])
        try #require(result.status == 0, "ssh-keygen -t ed25519 failed: \(result.output)")
        return path
    }

    /// The public key line of the key at `privateKeyPath` (its .pub file, comment included).
    func publicKey(_ privateKeyPath: String) throws -> String {
        try String(contentsOfFile: privateKeyPath + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An allowed signer for `principal` with the key at `privateKeyPath`.
    func signer(_ principal: String, _ privateKeyPath: String) throws -> AllowedSigner {
        AllowedSigner(principal: principal, publicKey: try publicKey(privateKeyPath))
    }

    /// Runs a program to completion (test set-up only), returning its status and merged output.
    /// Output goes to a file, not a pipe, so a long-lived process started by another test
    /// (ssh-agent) that inherits descriptors cannot keep this call waiting.
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdinPath: String = "/dev/null"
    ) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("signing-tests-output-\(UUID().uuidString)").path
        try #require(FileManager.default.createFile(atPath: outputPath, contents: nil, attributes: [.posixPermissions: 0o600]))
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try #require(FileHandle(forWritingAtPath: outputPath))
        let input = try #require(FileHandle(forReadingAtPath: stdinPath))
        defer {
            try? output.close()
            try? input.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self)
        return (process.terminationStatus, text)
    }
}

/// The message signed throughout: what a due-diligence sign-off event might carry.
let signOffMessage = Array(#"{"type":"dd.item.signed-off","entity":"DD-HR-03","by":"a.patel@nhs.net"}"#.utf8)
