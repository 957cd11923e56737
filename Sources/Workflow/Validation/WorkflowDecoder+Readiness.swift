import TransitionSupport

/// The Readiness to Operate Statement, signers and their cross-checks against roles and rules.
extension WorkflowDecoder {
    mutating func decodeReadiness(_ root: JSONObject) -> ReadinessDefinition? {
        let path = JSONPath.root.member("readiness")
        guard let value = member(root, "readiness", at: .root, required: true),
            let object = object(value, at: path, as: "the readiness definition")
        else { return nil }
        checkFields(object, at: path, allowed: ["sections", "signatories"], in: "the readiness definition")
        let sections = list(object, "sections", at: path, required: true, what: "a readiness section") {
            $0.decodeReadinessSection($1, at: $2)
        }
        if let sections {
            reportDuplicates(sections.map { ($0.id, $0.path) }, noun: "readiness section")
        }
        var signatories: [String]?
        if let entries = strings(object, "signatories", at: path, required: true) {
            if entries.isEmpty {
                report(path.member("signatories"), "'signatories' must name at least one role that signs the ROS")
            }
            var seen: Set<String> = []
            var isValid = true
            for (role, rolePath) in entries {
                if !checkIdentifier(role, at: rolePath)
                    || !reference(role, at: rolePath, to: .role, from: "the signatory")
                {
                    isValid = false
                } else if !seen.insert(role).inserted {
                    report(rolePath, "role '\(role)' is listed twice as a signatory; remove one")
                    isValid = false
                }
            }
            if isValid { signatories = entries.map(\.text) }
        }
        guard let sections, let signatories else { return nil }
        return ReadinessDefinition(sections: sections.map(\.section), signatories: signatories)
    }

    private mutating func decodeReadinessSection(_ object: JSONObject, at path: JSONPath)
        -> (section: ReadinessSection, id: String, path: JSONPath)?
    {
        checkFields(object, at: path, allowed: ["id", "title", "workstream"], in: "a readiness section")
        let id = identifier(object, "id", at: path)
        let title = string(object, "title", at: path)
        let workstream = reference(object, "workstream", at: path, to: .workstream, from: "readiness section")
        guard let id, let title, let workstream else { return nil }
        return (ReadinessSection(id: id, title: title, workstream: workstream), id, path.member("id"))
    }

    /// Reports every id after its first occurrence.
    mutating func reportDuplicates(_ ids: [(id: String, path: JSONPath)], noun: String) {
        var first: [String: JSONPath] = [:]
        for (id, path) in ids {
            if let earlier = first[id] {
                report(path, "duplicate \(noun) id '\(id)' (first at \(earlier)); ids must be unique, rename one")
            } else {
                first[id] = path
            }
        }
    }

    mutating func decodeSigner(_ object: JSONObject, at path: JSONPath) -> Signer? {
        checkFields(object, at: path, allowed: ["role", "principal", "publicKey"], in: "a signer")
        let role = reference(object, "role", at: path, to: .role, from: "the signer")
        let principal = string(object, "principal", at: path)
        var publicKey = string(object, "publicKey", at: path)
        if let key = publicKey, !WorkflowDecoder.isPlausiblePublicKey(key) {
            report(
                path.member("publicKey"),
                "'publicKey' must be an OpenSSH public key such as 'ssh-ed25519 AAAAC3Nz...', as in allowed_signers")
            publicKey = nil
        }
        guard let role, let principal, let publicKey else { return nil }
        return Signer(role: role, principal: principal, publicKey: publicKey)
    }

    /// A key type OpenSSH signs with, then base64 text, then an optional comment.
    static func isPlausiblePublicKey(_ key: String) -> Bool {
        let parts = key.split(separator: " ", omittingEmptySubsequences: true)
        let types = [
            "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
        ]
        guard parts.count >= 2, types.contains(String(parts[0])) else { return false }
        return parts[1].count >= 16
            && parts[1].utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
            }
    }

    /// Each signatory must be able to sign: not read-only and, under a permission rule, listing
    /// `ros.signed` in its `signOff`.
    mutating func checkSignatories(_ readiness: ReadinessDefinition?, roles: [Role]?, rules: [Rule]?) {
        guard let readiness, let roles else { return }
        let enforced = rules?.contains { $0.kind == .permission } ?? false
        let signType = "ros.signed"
        for (index, roleID) in readiness.signatories.enumerated() {
            guard let role = roles.first(where: { $0.id == roleID }) else { continue }
            let path = JSONPath.root.member("readiness").member("signatories").element(index)
            if role.readOnly {
                report(
                    path, "signatory '\(roleID)' is a read-only role and could never sign the ROS; name another role")
            } else if enforced, vocabulary.eventTypes.contains(signType),
                !role.signOff.contains(where: { EventTypePattern.matches($0, signType) })
            {
                report(
                    path,
                    "signatory '\(roleID)' cannot sign: the permission rule needs '\(signType)' in the role's 'signOff'; "
                        + "add it there")
            }
        }
    }
}
