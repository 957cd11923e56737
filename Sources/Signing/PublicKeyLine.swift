import Foundation

/// A public key as OpenSSH writes it on one line, reduced to key type and base64 blob.
///
/// Keys arrive from .pub files, configuration and recorded events, with or without comments and
/// stray whitespace; comparing the normalised `type base64` form is how the module decides that
/// two keys are the same key.
struct PublicKeyLine: Sendable, Hashable {
    /// The key type, e.g. `ssh-ed25519`.
    var type: String
    /// The key blob in base64, as in the .pub file.
    var base64: String

    /// `type base64`, the form recorded in `SSHSignature.publicKey`.
    var text: String { "\(type) \(base64)" }

    /// Parses `type base64 [comment]`; nil unless the base64 decodes to an SSH key blob whose
    /// own type name equals `type`.
    init?(_ line: String) {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else { return nil }
        self.init(blob: Array(blob))
        guard type == fields[0] else { return nil }
    }

    /// The key whose SSH wire blob is `blob` (as embedded in a signature); nil if the blob does
    /// not start with a plausible key type name.
    init?(blob: [UInt8]) {
        var reader = SSHWireReader(blob)
        guard let type = reader.readText(), PublicKeyLine.isPlausibleType(type), !reader.isAtEnd else { return nil }
        self.type = type
        self.base64 = Data(blob).base64EncodedString()
    }

    /// The first two whitespace-separated fields of `line`, for echoing keys that do not parse.
    static func leadingFields(of line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .prefix(2).joined(separator: " ")
    }

    /// Key type names are short ASCII words such as `ssh-ed25519` or `sk-ssh-ed25519@openssh.com`.
    private static func isPlausibleType(_ type: String) -> Bool {
        !type.isEmpty && type.count <= 64
            && type.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789-@._".unicodeScalars.contains($0)) }
    }
}
