import TransitionSupport

/// The workflow versions and the signing keys each allowed, as tables for the audit pack, so an
/// auditor can see which rules and which keys applied to any event.
enum AuditWorkflowTables {
    static func versions(_ history: WorkflowHistory) -> (header: [String], rows: [[String]]) {
        let rows = history.versions.map { version in
            [String(version.number), String(version.sequence), version.recordedAt.description, version.sha256, version.file, version.reason ?? ""]
        }
        return (["Version", "Sequence", "Recorded At", "SHA-256", "File", "Reason"], rows)
    }

    /// One row per signer per version: the keys in force from that version's event on.
    static func signers(_ history: WorkflowHistory) -> (header: [String], rows: [[String]]) {
        var rows: [[String]] = []
        for version in history.versions {
            let signers = version.definition.signers.sorted { ($0.role, $0.principal, $0.publicKey) < ($1.role, $1.principal, $1.publicKey) }
            for signer in signers {
                rows.append([String(version.number), String(version.sequence), signer.role, signer.principal, signer.publicKey])
            }
        }
        return (["Workflow Version", "In Force From Seq", "Role", "Principal", "Public Key"], rows)
    }
}
