extension SSHSignature {
    /// The value of the `format` field; a reader refuses other formats rather than guess.
    public static let jsonFormat = "sshsig"

    /// The signature as flat string fields for an event payload: `namespace`, `principal`,
    /// `publicKey`, `fingerprint`, `signature` (the armored text) and `format` (`sshsig`).
    public var json: [String: String] {
        [
            "namespace": namespace,
            "principal": principal,
            "publicKey": publicKey,
            "fingerprint": fingerprint,
            "signature": armored,
            "format": SSHSignature.jsonFormat,
        ]
    }

    /// Reads the fields written by `json`; nil if `format` is not `sshsig` or a field is
    /// missing or empty. Extra fields are ignored. Whether the signature holds is for
    /// `SSHKeygen.verify` to say.
    public init?(json: [String: String]) {
        guard json["format"] == SSHSignature.jsonFormat,
            let namespace = json["namespace"], !namespace.isEmpty,
            let principal = json["principal"], !principal.isEmpty,
            let publicKey = json["publicKey"], !publicKey.isEmpty,
            let fingerprint = json["fingerprint"], !fingerprint.isEmpty,
            let armored = json["signature"], !armored.isEmpty
        else { return nil }
        self.init(namespace: namespace, principal: principal, publicKey: publicKey, fingerprint: fingerprint, armored: armored)
    }
}
