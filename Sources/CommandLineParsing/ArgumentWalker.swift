import TransitionSupport

/// The state of one left-to-right pass over the arguments.
///
/// Tracks the chain of commands selected so far (which decides which options are in scope),
/// the option values and flags seen, and the positionals collected.
struct ArgumentWalker {
    private var chain: [CommandSpec]
    private var flags: Set<String> = []
    private var optionValues: [String: [String]] = [:]
    private var given: Set<String> = []
    private var positionals: [String] = []

    init(root: CommandSpec) {
        chain = [root]
    }

    private var command: CommandSpec { chain[chain.count - 1] }

    /// Parses `arguments`; a request for help anywhere before `--` wins over any error, giving
    /// help for the command reached when the error was found.
    mutating func walk(_ arguments: [String]) throws(UsageError) -> ParseResult {
        do {
            return try walkUnchecked(arguments)
        } catch {
            let options = arguments.prefix { $0 != "--" }
            if options.contains("-h") || options.contains("--help") {
                return .help(HelpFormatter.help(for: chain))
            }
            throw error
        }
    }

    private mutating func walkUnchecked(_ arguments: [String]) throws(UsageError) -> ParseResult {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals {
                positionals.append(argument)
            } else if argument == "--" {
                onlyPositionals = true
            } else if argument == "-h" || argument == "--help" {
                return .help(HelpFormatter.help(for: chain))
            } else if argument.hasPrefix("--") {
                try longOption(argument, arguments: arguments, index: &index)
            } else if argument.hasPrefix("-"), argument != "-", !ArgumentWalker.isNegativeNumber(argument) {
                try shortOptions(argument, arguments: arguments, index: &index)
            } else if positionals.isEmpty, !command.subcommands.isEmpty {
                if let subcommand = command.subcommand(named: argument) {
                    chain.append(subcommand)
                } else if argument == "help" {
                    return try helpTopic(arguments[index...])
                } else if command.positionals.isEmpty {
                    throw .unknownSubcommand(argument, suggestion: suggestSubcommand(for: argument), chain: chain)
                } else {
                    positionals.append(argument)
                }
            } else {
                positionals.append(argument)
            }
        }
        if command.isGroup {
            if let stray = positionals.first {
                throw .unexpectedPositional(stray, limit: 0, chain: chain)
            }
            return .help(HelpFormatter.help(for: chain))
        }
        return .command(try finish())
    }

    // MARK: - Options

    /// Options in scope, innermost command first so a subcommand can redeclare a global name.
    private var optionsInScope: [OptionSpec] {
        chain.reversed().flatMap(\.options)
    }

    private mutating func longOption(_ argument: String, arguments: [String], index: inout Int) throws(UsageError) {
        let body = argument.dropFirst(2)
        let name: String
        let inlineValue: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inlineValue = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
            inlineValue = nil
        }
        let typed = "--" + name
        guard let option = optionsInScope.first(where: { $0.name == name }) else {
            if let owner = ArgumentWalker.descendant(of: command, declaring: name) {
                throw .misplacedOption(typed, owner: chain + owner, chain: chain)
            }
            throw .unknownOption(typed, suggestion: suggestOption(for: typed), chain: chain)
        }
        guard let valueName = option.valueName else {
            if let inlineValue {
                throw .unexpectedValue(typed, value: inlineValue, chain: chain)
            }
            try record(option, value: nil)
            return
        }
        if let inlineValue {
            try record(option, value: inlineValue)
            return
        }
        guard index < arguments.count, ArgumentWalker.canBeValue(arguments[index]) else {
            throw .missingValue(typed, valueName: valueName, chain: chain)
        }
        try record(option, value: arguments[index])
        index += 1
    }

    /// Handles `-a`, bundled flags `-ab`, and `-lDIR` / `-l DIR` for a valued short option.
    private mutating func shortOptions(_ argument: String, arguments: [String], index: inout Int) throws(UsageError) {
        let letters = Array(argument.dropFirst())
        for (position, letter) in letters.enumerated() {
            guard let option = optionsInScope.first(where: { $0.short == letter }) else {
                let typed = position == 0 ? argument : "-\(letter)"
                throw .unknownOption(typed, suggestion: suggestOption(for: "-" + typed), chain: chain)
            }
            guard let valueName = option.valueName else {
                try record(option, value: nil)
                continue
            }
            let rest = String(letters[(position + 1)...])
            if !rest.isEmpty {
                try record(option, value: rest)
                return
            }
            guard index < arguments.count, ArgumentWalker.canBeValue(arguments[index]) else {
                throw .missingValue("-\(letter)", valueName: valueName, chain: chain)
            }
            try record(option, value: arguments[index])
            index += 1
            return
        }
    }

    private mutating func record(_ option: OptionSpec, value: String?) throws(UsageError) {
        if !option.isRepeatable, given.contains(option.name) {
            throw .repeatedOption(option.name, chain: chain)
        }
        given.insert(option.name)
        if let value {
            optionValues[option.name, default: []].append(value)
        } else {
            flags.insert(option.name)
        }
    }

    private func suggestOption(for typed: String) -> String? {
        Suggestion.closest(to: typed, in: optionsInScope.map { "--" + $0.name } + ["--help"])
    }

    /// The path below `command` to the first subcommand (depth first) declaring `--name`.
    static func descendant(of command: CommandSpec, declaring name: String) -> [CommandSpec]? {
        for subcommand in command.subcommands {
            if subcommand.options.contains(where: { $0.name == name }) {
                return [subcommand]
            }
            if let deeper = descendant(of: subcommand, declaring: name) {
                return [subcommand] + deeper
            }
        }
        return nil
    }

    private func suggestSubcommand(for word: String) -> String? {
        let names = command.subcommands.map(\.name)
        return Suggestion.closest(to: word, in: names.contains("help") ? names : names + ["help"])
    }

    /// Whether a separate argument may be taken as an option's value.
    static func canBeValue(_ argument: String) -> Bool {
        !argument.hasPrefix("-") || argument == "-" || isNegativeNumber(argument)
    }

    /// Whether `argument` is `-` followed by digits with an optional fraction: `-3`, `-0.5`.
    static func isNegativeNumber(_ argument: String) -> Bool {
        let digits = argument.utf8.dropFirst()
        guard argument.utf8.first == UInt8(ascii: "-"), let first = digits.first, let last = digits.last,
            first != UInt8(ascii: "."), last != UInt8(ascii: ".")
        else { return false }
        var seenPoint = false
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return false }
                seenPoint = true
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return false
            }
        }
        return true
    }

    // MARK: - Help topics

    /// Resolves `help <subcommand...>`; option-like words after `help` are ignored.
    private mutating func helpTopic(_ words: ArraySlice<String>) throws(UsageError) -> ParseResult {
        for word in words where !word.hasPrefix("-") {
            guard let subcommand = command.subcommand(named: word) else {
                throw .unknownSubcommand(word, suggestion: suggestSubcommand(for: word), chain: chain)
            }
            chain.append(subcommand)
        }
        return .help(HelpFormatter.help(for: chain))
    }

    // MARK: - Positionals

    /// Matches positionals to their specs and builds the result.
    private func finish() throws(UsageError) -> ParsedCommand {
        let specs = command.positionals
        let required = specs.filter { $0.minimumCount > 0 }
        if positionals.count < required.count {
            throw .missingPositional(required[positionals.count], chain: chain)
        }
        if !specs.contains(where: \.isRepeating), positionals.count > specs.count {
            throw .unexpectedPositional(positionals[specs.count], limit: specs.count, chain: chain)
        }
        var spare = positionals.count - required.count
        var byName: [String: [String]] = [:]
        var next = 0
        for spec in specs {
            var take = spec.minimumCount
            if spec.isRepeating {
                take += spare
                spare = 0
            } else if spec.isOptional, spare > 0 {
                take = 1
                spare -= 1
            }
            byName[spec.name] = Array(positionals[next..<(next + take)])
            next += take
        }
        return ParsedCommand(
            path: chain.dropFirst().map(\.name), positionals: positionals, flags: flags,
            optionValues: optionValues, positionalsByName: byName)
    }
}
