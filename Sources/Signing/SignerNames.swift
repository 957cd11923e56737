/// Rules for the principal and namespace strings that end up in an allowed_signers file.
///
/// Both are written into a line that ssh-keygen parses (principals are a comma-separated
/// pattern list, namespaces a quoted comma-separated list), so characters with a meaning there
/// are refused up front instead of silently changing whom a line trusts.
enum SignerNames {
    /// Whether `principal` can be written as the sole, literal principal of an allowed_signers
    /// line: non-empty, not starting with `#`, and free of whitespace, control characters,
    /// quotes, commas and the pattern characters `*`, `?`, `!`.
    static func isValidPrincipal(_ principal: String) -> Bool {
        guard let first = principal.first, first != "#" else { return false }
        return principal.unicodeScalars.allSatisfy { scalar in
            !isSpaceOrControl(scalar) && !"\",*?!\\".unicodeScalars.contains(scalar)
        }
    }

    /// Whether `namespace` can be written inside `namespaces="..."`: non-empty and free of
    /// whitespace, control characters, quotes and commas.
    static func isValidNamespace(_ namespace: String) -> Bool {
        guard !namespace.isEmpty else { return false }
        return namespace.unicodeScalars.allSatisfy { scalar in
            !isSpaceOrControl(scalar) && !"\",\\".unicodeScalars.contains(scalar)
        }
    }

    /// `text` cut to 60 characters with an ellipsis, for quoting user input in messages.
    static func abbreviated(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
            || (0x80...0x9F).contains(scalar.value)
    }
}
