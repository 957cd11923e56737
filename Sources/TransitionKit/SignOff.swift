import EventLog
import Signing
import TransitionSupport
import Workflow

/// SSH-signed sign-offs: signing an event's content with `ssh-keygen -Y sign`, and checking a
/// signature against the allowed signers the workflow names for the event's role.
///
/// The signature covers `ProposedEvent.signingBytes` (type, id, entity, actor, role, effective,
/// reason, evidence and payload), so any later change to those breaks it.
public enum SignOff {
    static func keyBody(_ publicKey: String) -> String {
        publicKey.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// The SSH signature stored in an event's `signature` object, if it is well formed.
    static func signature(from object: JSONObject) -> SSHSignature? {
        var fields: [String: String] = [:]
        for member in object.members { if let text = member.value.stringValue { fields[member.key] = text } }
        return SSHSignature(json: fields)
    }

    static func allowedSigners(for role: String?, in workflow: WorkflowDefinition) -> [AllowedSigner] {
        guard let role else { return [] }
        return workflow.signers(forRole: role).map { AllowedSigner(principal: $0.principal, publicKey: $0.publicKey) }
    }

    /// Signs `event` with the private key at `keyPath`; the key must be an allowed signer for the role.
    public static func sign(_ event: ProposedEvent, keyPath: String, workflow: WorkflowDefinition, keygen: SSHKeygen = SSHKeygen()) throws -> JSONObject {
        guard let role = event.role else {
            throw InputError(location: "--role", message: "a signed event needs --role, so the key can be checked against that role's signers")
        }
        let allowed = allowedSigners(for: role, in: workflow)
        var signature = try keygen.sign(event.signingBytes, keyPath: keyPath, principal: allowed.first?.principal ?? "unlisted")
        guard let signer = allowed.first(where: { keyBody($0.publicKey) == keyBody(signature.publicKey) }) else {
            let expected = allowed.isEmpty ? "the workflow lists no signers for role '\(role)'" : "allowed for '\(role)': " + allowed.map(\.principal).joined(separator: ", ")
            throw InputError(location: "--key", message: "key \(signature.fingerprint) is not an allowed signer for role '\(role)' (\(expected)); sign with an allowed key or revise the workflow's signers")
        }
        signature.principal = signer.principal
        return JSONObject(uniqueSorted: signature.json.mapValues { .string($0) })
    }

    /// Why `event` (of a type the workflow says must be signed) is not acceptably signed, or `nil`.
    public static func problem(with event: ProposedEvent, workflow: WorkflowDefinition, keygen: SSHKeygen = SSHKeygen()) -> String? {
        guard workflow.requiresSignature(event.type) else { return nil }
        let allowed = allowedSigners(for: event.role, in: workflow)
        let expected = allowed.isEmpty ? "no signer is listed for role '\(event.role ?? "none")' in the workflow" : "expected a key of: " + allowed.map(\.principal).joined(separator: ", ")
        guard let object = event.signature else {
            return "\(event.type) must be SSH-signed: record it with --key ~/.ssh/id_ed25519 (\(expected))"
        }
        guard let signature = signature(from: object) else { return "the signature object is malformed; sign again with --key" }
        var unsigned = event
        unsigned.signature = nil
        do {
            switch try keygen.verify(unsigned.signingBytes, signature: signature, allowedSigners: allowed) {
            case .valid: return nil
            case .invalid(let reason): return "the signature does not verify: \(reason) (\(expected))"
            }
        } catch {
            return "\(error)"
        }
    }

    /// One stored signature's verification result.
    public struct Check: Sendable {
        public var sequence: Int
        public var type: String
        public var principal: String
        public var fingerprint: String
        public var valid: Bool
        public var reason: String
    }

    /// Re-checks every stored signature against the signers in force when it was recorded.
    public static func verifyAll(records: [EventRecord], workflows: WorkflowHistory, keygen: SSHKeygen = SSHKeygen()) throws -> [Check] {
        var checks: [Check] = []
        for record in records {
            guard let object = record.signature else { continue }
            guard let signature = signature(from: object) else {
                checks.append(Check(sequence: record.sequence, type: record.type, principal: "?", fingerprint: "?", valid: false, reason: "malformed signature object"))
                continue
            }
            guard let workflow = workflows.version(atSequence: record.sequence)?.definition else { continue }
            var content = record.content
            content.signature = nil
            content.system = nil
            let outcome = try keygen.verify(content.signingBytes, signature: signature, allowedSigners: allowedSigners(for: record.role, in: workflow))
            switch outcome {
            case .valid(let principal, let fingerprint):
                checks.append(Check(sequence: record.sequence, type: record.type, principal: principal, fingerprint: fingerprint, valid: true, reason: "valid"))
            case .invalid(let reason):
                checks.append(Check(sequence: record.sequence, type: record.type, principal: signature.principal, fingerprint: signature.fingerprint, valid: false, reason: reason))
            }
        }
        return checks
    }
}
