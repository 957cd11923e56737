/// Builds the one-line synopsis of a command, shared by help and usage errors.
///
/// Lists the command's own options (global ones are described in help) and its positionals:
/// `transition dd complete [--reason TEXT] [--json] <item>`. Wrapped at 80 columns with
/// continuation lines aligned after the command words.
enum UsageFormatter {
    static func usage(for chain: [CommandSpec]) -> String {
        guard let command = chain.last else { return "" }
        let commandWords = chain.map(\.name).joined(separator: " ")
        var tokens = command.options.map(optionToken)
        if command.isGroup {
            tokens.append("<subcommand>")
        }
        tokens += command.positionals.map(\.usageToken)
        let prefixWidth = "Usage: ".count + commandWords.count
        let rest = TextLayout.wrap(
            tokens, width: TextLayout.lineWidth, indent: prefixWidth + 1, firstLineUsed: prefixWidth + 1)
        return rest.isEmpty ? commandWords : commandWords + " " + rest
    }

    private static func optionToken(_ option: OptionSpec) -> String {
        var token = "--\(option.name)"
        if let valueName = option.valueName {
            token += " \(valueName)"
        }
        if option.isRepeatable {
            token += " ..."
        }
        return "[\(token)]"
    }
}
