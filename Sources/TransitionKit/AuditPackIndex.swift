import TransitionSupport

/// The audit pack's front page and its SHA-256 manifest.
///
/// The page is plain HTML with relative links only (no scripts, no external addresses) so it opens
/// offline from a USB stick; the manifest lets `sha256sum -c MANIFEST.sha256` prove nothing changed.
enum AuditPackIndex {
    /// A one-line description of each kind of file, by relative path (workflow versions by prefix).
    static func describe(_ path: String) -> String {
        switch path {
        case "events.jsonl": return "Every event in scope, byte for byte as stored in the hash-chained log (one JSON object per line)."
        case "events.csv": return "The same events in columns for a spreadsheet; a stored workflow is replaced by a pointer to its file here."
        case "registers/due-diligence.csv": return "Due-diligence checklist as of the pack's time."
        case "registers/staff.csv": return "Staff register as of the pack's time."
        case "registers/contracts.csv": return "Contract register as of the pack's time."
        case "registers/assets.csv": return "Property and liabilities register as of the pack's time."
        case "registers/tasks.csv": return "Task progress as of the pack's time."
        case "rules/violations.csv": return "Rule violations standing as of the pack's time."
        case "rules/violations.json": return "The same violations, plus the residue list, as JSON."
        case "rules/overrides.csv": return "Every time a rule was overridden: who, in what role, and why; the event it let through, and any later retraction."
        case "verification.txt": return "Hash-chain verification of the full log, and the head this pack was cut at."
        case "verification.json": return "The same verification as JSON."
        case "workflows/versions.csv": return "Each workflow version in force up to the pack's time, with its SHA-256 and reason."
        case "signers/allowed-signers-history.csv": return "The signing keys each workflow version allowed, by role."
        case AuditPack.manifestName: return "SHA-256 of every other file; check with 'sha256sum -c MANIFEST.sha256' in this folder."
        default:
            if path.hasPrefix("workflows/version-") { return "The full workflow definition of this version, as recorded in the log." }
            return "Part of the audit pack."
        }
    }

    static func html(view: ProgrammeView, files: [String]) -> String {
        let title = escape(view.workflow.programme.title)
        let asOf = escape(view.asOf?.description ?? "the whole log")
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>Audit pack: \(title)</title>", "</head>", "<body>",
            "<h1>Audit pack: \(title)</h1>",
            "<p>Programme <code>\(escape(view.workflow.programme.id))</code>. As of: \(asOf). Events: \(view.eventCount). Head: <code>\(escape(view.head.description))</code></p>",
            "<ul>",
        ]
        for path in (files + [AuditPack.manifestName]).sorted() where path != "index.html" {
            lines.append("<li><a href=\"\(escape(path))\">\(escape(path))</a> &mdash; \(escape(describe(path)))</li>")
        }
        lines += ["</ul>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// `<sha256>  <path>` per file, sorted by path bytes, as `sha256sum` writes and checks.
    static func manifest(_ digests: [String: SHA256Digest]) -> String {
        digests.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { path in
            "\(digests[path]?.hex ?? "")  \(path)\n"
        }.joined()
    }
}
