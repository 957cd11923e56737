/// Renders the `--help` text of a command from its ``CommandSpec``.
///
/// Help is generated, never hand-written, so it cannot drift from what the parser accepts. The
/// layout is fixed and deterministic (no terminal-width probing) so it can be checked against
/// golden files:
///
/// ```text
/// transition dd complete - Mark a due-diligence item complete.
///
/// Usage: transition dd complete [--reason TEXT] <item>
///
/// Arguments:
///   <item>              The item identifier, such as DD-FIN-02.
///
/// Options:
///       --reason TEXT   Why the item is complete.
///   -h, --help          Show help for this command.
///
/// Global options:
///       --log DIR       The event log directory.
/// ```
public enum HelpFormatter {
    /// The widest label before help text moves to the next line.
    private static let maximumLabelWidth = 28

    /// Help for the last command in `path`, which runs from the root command down.
    ///
    /// Options declared by earlier commands in `path` are listed as global options.
    /// The text has no trailing newline.
    public static func help(for path: [CommandSpec]) -> String {
        guard let command = path.last else { return "" }
        let title = path.map(\.name).joined(separator: " ")
        var blocks: [String] = []
        blocks.append(command.abstract.isEmpty ? title : "\(title) - \(command.abstract)")
        blocks.append("Usage: " + UsageFormatter.usage(for: path))
        if !command.discussion.isEmpty {
            blocks.append(command.discussion)
        }

        let sections = labelledSections(path: path)
        let labelWidth = min(
            maximumLabelWidth, sections.flatMap(\.entries).map(\.label.count).max() ?? 0)
        for section in sections where !section.entries.isEmpty {
            let lines = section.entries.map { render($0, labelWidth: labelWidth) }
            blocks.append(([section.title + ":"] + lines).joined(separator: "\n"))
        }
        if !command.examples.isEmpty {
            blocks.append((["Examples:"] + command.examples.map { "  " + $0 }).joined(separator: "\n"))
        }
        if !command.subcommands.isEmpty {
            let words = [path[0].name, "help"] + path.dropFirst().map(\.name) + ["<subcommand>"]
            blocks.append("See '\(words.joined(separator: " "))' for help on a subcommand.")
        }
        return blocks.joined(separator: "\n\n")
    }

    private struct Entry {
        var label: String
        var help: String
    }

    private struct Section {
        var title: String
        var entries: [Entry]
    }

    private static func labelledSections(path: [CommandSpec]) -> [Section] {
        guard let command = path.last else { return [] }
        let helpOption = OptionSpec(name: "help", help: "Show help for this command.", short: "h")
        let ownNames = Set(command.options.map(\.name))
        var globalOptions: [OptionSpec] = []
        var seen = ownNames
        for ancestor in path.dropLast().reversed() {
            for option in ancestor.options where !seen.contains(option.name) {
                seen.insert(option.name)
                globalOptions.append(option)
            }
        }
        return [
            Section(
                title: "Arguments",
                entries: command.positionals.map { Entry(label: $0.usageToken, help: $0.help) }),
            Section(
                title: "Subcommands",
                entries: command.subcommands.map { Entry(label: $0.name, help: $0.abstract) }),
            Section(title: "Options", entries: (command.options + [helpOption]).map(optionEntry)),
            Section(title: "Global options", entries: globalOptions.map(optionEntry)),
        ]
    }

    private static func optionEntry(_ option: OptionSpec) -> Entry {
        var label = option.short.map { "-\($0), " } ?? "    "
        label += "--\(option.name)"
        if let valueName = option.valueName {
            label += " \(valueName)"
        }
        let help = option.isRepeatable ? option.help + " (repeatable)" : option.help
        return Entry(label: label, help: help)
    }

    private static func render(_ entry: Entry, labelWidth: Int) -> String {
        let helpColumn = 2 + labelWidth + 2
        let words = TextLayout.words(entry.help)
        let wrapped = TextLayout.wrap(
            words, width: TextLayout.lineWidth, indent: helpColumn, firstLineUsed: helpColumn)
        let label = "  " + entry.label
        if words.isEmpty {
            return label
        }
        if entry.label.count > labelWidth {
            return label + "\n" + String(repeating: " ", count: helpColumn) + wrapped
        }
        return TextLayout.padded(label, to: helpColumn) + wrapped
    }
}
