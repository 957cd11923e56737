import EventLog
import Foundation
import TransitionSupport

/// What `AuditPack.write` produced, so the caller can tell the user where and how much.
///
/// An auditor is handed a folder, not a log; the summary says which head the folder stands for
/// and whether the full chain verified when it was made.
public struct AuditPackSummary: Sendable {
    /// The folder written.
    public var directory: String
    /// Every file in the pack, by relative path, sorted; `MANIFEST.sha256` last.
    public var files: [String]
    /// How many events the pack holds (those recorded up to the as-of time).
    public var eventCount: Int
    /// The last event in the pack: the head the pack stands for.
    public var head: EventLog.Head
    /// The as-of time used, or nil for the whole log.
    public var asOf: Timestamp?
    /// The verification of the whole log (not only the pack's part of it).
    public var verification: VerificationReport
}

/// A self-contained, deterministic folder an auditor can read without Transition: the raw events,
/// registers, rule results, workflow versions, signers, chain verification, an index page and a
/// SHA-256 manifest that `sha256sum -c` checks.
///
/// The same log and arguments always give a byte-identical pack, so two people can make a pack
/// independently and compare manifests.
public enum AuditPack {
    /// The manifest's name; it lists every other file and is written last.
    public static let manifestName = "MANIFEST.sha256"

    /// Writes the pack for the state as of `asOf` (nil: the whole log) into `directory`, which must
    /// not exist yet or be empty.
    public static func write(programme: Programme, to directory: String, asOf: Timestamp?) throws -> AuditPackSummary {
        try refuseUnlessEmpty(directory)
        let view: ProgrammeView
        do {
            view = try programme.view(asOf: asOf, source: .replay)
        } catch ProgrammeError.notInitialised where asOf != nil {
            throw InputError(
                location: "--as-of", message: "no programme had been initialised by \(asOf?.description ?? ""); give a later --as-of time")
        }
        let verification = try programme.log.verify()
        // Every file goes into a hidden staging folder first, and the folder takes its name only when
        // the pack is complete, so a failure leaves no half pack.
        let staging = try AuditPackStaging(destination: directory)
        do {
            try AuditPackContents.write(view: view, programme: programme, verification: verification, into: staging)
            let files = staging.digests.keys.sorted() + ["index.html"]
            try staging.store(Array(AuditPackIndex.html(view: view, files: files).utf8), at: "index.html")
            try staging.store(Array(AuditPackIndex.manifest(staging.digests).utf8), at: manifestName)
            try staging.publish()
        } catch {
            staging.discard()
            throw error
        }
        let files = staging.digests.keys.filter { $0 != manifestName }.sorted() + [manifestName]
        return AuditPackSummary(
            directory: directory, files: files, eventCount: view.eventCount, head: view.head, asOf: asOf, verification: verification)
    }

    /// Refuses a path that is a file or a folder with anything in it; a missing or empty folder is fine.
    static func refuseUnlessEmpty(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw InputError(location: directory, message: "is a file, not a folder; give --out a new folder name")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard contents.isEmpty else {
            throw InputError(
                location: directory,
                message: "is not empty (\(contents.count) entries); an audit pack is only written into a new or empty folder, so give --out a new folder name (nothing was written)")
        }
    }
}
