/// The wording of every refusal, kept in one place so messages stay consistent.
extension UsageError {
    /// An error about the command at the end of `chain`, with that command's usage line.
    init(_ message: String, chain: [CommandSpec]) {
        self.init(
            message: message, usage: UsageFormatter.usage(for: chain),
            commandPath: chain.dropFirst().map(\.name), programName: chain.first?.name ?? "transition")
    }

    static func unknownOption(_ typed: String, suggestion: String?, chain: [CommandSpec]) -> UsageError {
        UsageError("unknown option '\(typed)'" + didYouMean(suggestion), chain: chain)
    }

    static func misplacedOption(_ typed: String, owner: [CommandSpec], chain: [CommandSpec]) -> UsageError {
        let ownerName = owner.map(\.name).joined(separator: " ")
        let subcommand = owner.last?.name ?? ""
        return UsageError(
            "option '\(typed)' belongs to '\(ownerName)'; give it after '\(subcommand)'", chain: chain)
    }

    static func unknownSubcommand(_ typed: String, suggestion: String?, chain: [CommandSpec]) -> UsageError {
        let parent = chain.map(\.name).joined(separator: " ")
        guard let command = chain.last, !command.subcommands.isEmpty else {
            return UsageError("'\(parent)' has no subcommands, so '\(typed)' is not one", chain: chain)
        }
        return UsageError("unknown subcommand '\(typed)' for '\(parent)'" + didYouMean(suggestion), chain: chain)
    }

    static func missingValue(_ typed: String, valueName: String, chain: [CommandSpec]) -> UsageError {
        UsageError("option '\(typed)' needs a value \(valueName)", chain: chain)
    }

    static func unexpectedValue(_ typed: String, value: String, chain: [CommandSpec]) -> UsageError {
        UsageError("option '\(typed)' is a flag and takes no value; remove '=\(value)'", chain: chain)
    }

    static func repeatedOption(_ name: String, chain: [CommandSpec]) -> UsageError {
        UsageError("option '--\(name)' was given more than once; give it once", chain: chain)
    }

    static func missingPositional(_ positional: PositionalSpec, chain: [CommandSpec]) -> UsageError {
        UsageError("missing argument <\(positional.name)>", chain: chain)
    }

    static func unexpectedPositional(_ value: String, limit: Int, chain: [CommandSpec]) -> UsageError {
        let command = chain.map(\.name).joined(separator: " ")
        let takes =
            switch limit {
            case 0: "takes no arguments"
            case 1: "takes at most 1 argument"
            default: "takes at most \(limit) arguments"
            }
        return UsageError("unexpected argument '\(value)'; '\(command)' \(takes)" + strayHint(value, chain: chain), chain: chain)
    }

    /// A stray argument is most often a value meant for one of the command's repeatable options: a
    /// file for its file option (`dd evidence ITEM file.pdf`), a `KEY=VALUE` pair for one that takes
    /// such pairs (`what-if T-1=5`).
    private static func strayHint(_ value: String, chain: [CommandSpec]) -> String {
        let repeatable = chain.last?.options.filter { $0.isRepeatable && !$0.isFlag } ?? []
        if value.contains("="), let pairs = repeatable.first(where: { $0.valueName?.contains("=") == true }) {
            return didYouMean("--\(pairs.name) \(value)")
        }
        if let files = repeatable.first(where: { $0.valueName == "FILE" }) {
            return "; to attach a file, give it as '--\(files.name) \(value)'"
        }
        return ""
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
