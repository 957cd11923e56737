import EventLog
import Foundation
import TransitionSupport

/// What re-hashing the evidence files found: one entry per document version the log cites.
///
/// The log keeps each document's SHA-256 when it was attached; an auditor holding the files needs
/// to know which still match, which were altered afterwards and which cannot be found.
public struct EvidenceReport: Sendable, Hashable {
    /// How a cited document compares with the file found under the folder.
    public enum Status: String, Sendable, Hashable {
        /// A file with the name hashes to the recorded SHA-256.
        case unchanged
        /// A file with the name exists but hashes to something else (and to no other version cited under that name).
        case changed = "CHANGED"
        /// The file now matches a later version cited under the same name; this version cannot be re-checked.
        case superseded
        /// No file with the name is under the folder.
        case missing
    }

    /// One cited document version.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var expected: String
        /// The hash of the file found, when it differs from `expected`.
        public var actual: String?
        /// The file compared (relative to the folder), if any.
        public var path: String?
        /// The events citing this version.
        public var sequences: [Int]
        public var status: Status
    }

    public var directory: String
    public var entries: [Entry]

    public var changed: [Entry] { entries.filter { $0.status == .changed } }
    public var hasChanges: Bool { !changed.isEmpty }

    public func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }

    /// Lines for people: a summary, then every entry that is not unchanged.
    public var text: [String] {
        var lines = [
            "evidence under \(directory): \(entries.count) cited document version(s) — unchanged \(count(.unchanged)), CHANGED \(count(.changed)), superseded \(count(.superseded)), missing \(count(.missing))"
        ]
        for entry in entries {
            let cited = "cited by " + entry.sequences.map { "#\($0)" }.joined(separator: ", ")
            switch entry.status {
            case .unchanged: lines.append("  unchanged  \(entry.name) (\(entry.path ?? "")) \(cited)")
            case .changed:
                lines.append("  CHANGED    \(entry.name) (\(entry.path ?? "")) \(cited): expected sha256 \(entry.expected), found \(entry.actual ?? "?")")
            case .superseded: lines.append("  superseded \(entry.name) sha256 \(entry.expected) \(cited): the file now matches a later version cited under the same name")
            case .missing: lines.append("  missing    \(entry.name) \(cited): no file of that name under \(directory)")
            }
        }
        if hasChanges {
            lines.append("a changed document no longer matches what the log recorded; find the original, or record the new version with 'dd evidence' giving --reason")
        }
        return lines
    }

    public var json: JSONValue {
        .object([
            "directory": .string(directory),
            "changed": .bool(hasChanges),
            "entries": .array(entries.map { entry in
                .object([
                    "name": .string(entry.name), "expected": .string(entry.expected),
                    "actual": entry.actual.map { .string($0) } ?? .null, "path": entry.path.map { .string($0) } ?? .null,
                    "sequences": .array(entry.sequences.map { .int($0) }), "status": .string(entry.status.rawValue),
                ])
            }),
        ])
    }
}

/// Re-hashes the evidence files an auditor holds against the SHA-256s recorded in the log.
///
/// Files are matched by name (the last path component), anywhere under the folder, because evidence
/// is usually handed over as a flat or re-organised copy of a shared drive.
public enum EvidenceCheck {
    public static func check(records: [EventRecord], directory: String) throws -> EvidenceReport {
        let files = try filesByName(under: directory)
        var cited: [String: [String: [Int]]] = [:]
        var versions: [String: [String]] = [:]
        for record in records {
            for reference in record.evidence {
                guard let sha256 = reference.sha256?.lowercased() else { continue }
                let name = (reference.name as NSString).lastPathComponent
                if cited[name]?[sha256] == nil { versions[name, default: []].append(sha256) }
                cited[name, default: [:]][sha256, default: []].append(record.sequence)
            }
        }
        var hashes: [String: String] = [:]
        func hash(_ relative: String) throws -> String {
            if let known = hashes[relative] { return known }
            let value = try EvidenceHasher.reference(forFile: directory + "/" + relative).sha256 ?? ""
            hashes[relative] = value
            return value
        }
        var entries: [EvidenceReport.Entry] = []
        for name in cited.keys.sorted() {
            let candidates = files[name] ?? []
            let found = try candidates.map { (path: $0, sha256: try hash($0)) }
            let order = versions[name] ?? []
            for expected in order {
                let sequences = cited[name]?[expected] ?? []
                let position = order.firstIndex(of: expected) ?? 0
                var entry = EvidenceReport.Entry(name: name, expected: expected, actual: nil, path: nil, sequences: sequences, status: .missing)
                if let match = found.first(where: { $0.sha256 == expected }) {
                    entry.status = .unchanged
                    entry.path = match.path
                } else if let other = found.first(where: { (order.firstIndex(of: $0.sha256) ?? -1) > position }) {
                    entry.status = .superseded
                    entry.path = other.path
                    entry.actual = other.sha256
                } else if let first = found.first {
                    entry.status = .changed
                    entry.path = first.path
                    entry.actual = first.sha256
                }
                entries.append(entry)
            }
        }
        return EvidenceReport(directory: directory, entries: entries)
    }

    /// Relative paths of the regular files under `directory`, grouped by file name, each list sorted.
    static func filesByName(under directory: String) throws -> [String: [String]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(location: directory, message: "is not a folder; give --evidence the folder holding the evidence files")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw InputError(location: directory, message: "cannot list the folder; check its permissions")
        }
        var byName: [String: [String]] = [:]
        while let relative = enumerator.nextObject() as? String {
            var entryIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &entryIsDirectory),
                !entryIsDirectory.boolValue
            else { continue }
            byName[(relative as NSString).lastPathComponent, default: []].append(relative)
        }
        return byName.mapValues { $0.sorted() }
    }
}
