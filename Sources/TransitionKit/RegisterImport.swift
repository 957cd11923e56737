import EventLog
import TransitionSupport

/// One bad cell (or missing column) in an imported spreadsheet.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var columnName: String
    public var message: String

    public var description: String {
        column > 0 ? "line \(line), column \(column) (\(columnName)): \(message)" : "line \(line): \(message)"
    }
}

/// Why a whole import was refused: every problem found, so the file can be fixed in one pass.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var problems: [ImportProblem]

    public var description: String {
        var lines = problems.prefix(50).map { "\(file): \($0)" }
        if problems.count > 50 { lines.append("… and \(problems.count - 50) more") }
        lines.append("refused: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was imported — fix them and import the whole file again")
        return lines.joined(separator: "\n")
    }
}

/// Which register a spreadsheet holds, and the events each of its rows becomes.
public enum RegisterKind: String, Sendable, CaseIterable {
    case staff, contracts, assets

    /// Columns as Excel users name them; matching ignores case and surrounding spaces.
    var columns: [RegisterColumn] {
        switch self {
        case .staff:
            return [
                .init("Person ID", key: "person", required: true, kind: .identifier),
                .init("Name", key: "name"), .init("Post", key: "post", required: true),
                .init("Band", key: "band"), .init("Organisation", key: "organisation", required: true, kind: .organisation),
                .init("Target Post", key: "targetPost", required: true),
                .init("Consultation Group", key: "group", required: true, kind: .group),
                .init("Employment", key: "employment", required: true,
                      kind: .choice(["permanent", "fixed-term", "secondment-in", "secondment-out", "bank"])),
                .init("Fixed Term End", key: "fixedTermEnd", kind: .date), .init("Board Level", key: "boardLevel", kind: .boolean),
                .init("Board Outcome", key: "boardOutcome", kind: .choice(["designate", "displaced"])),
            ]
        case .contracts:
            return [
                .init("Reference", key: "contract", required: true, kind: .identifier),
                .init("Counterparty", key: "counterparty", required: true), .init("Service", key: "service", required: true),
                .init("Annual Value", key: "annualValue", required: true, kind: .money), .init("End Date", key: "endDate", kind: .date),
                .init("Organisation", key: "organisation", required: true, kind: .organisation),
            ]
        case .assets:
            return [
                .init("Asset ID", key: "asset", required: true, kind: .identifier),
                .init("Kind", key: "kind", required: true, kind: .choice(["asset", "lease", "liability", "claim"])),
                .init("Description", key: "description", required: true), .init("Value", key: "value", kind: .money),
                .init("Organisation", key: "organisation", required: true, kind: .organisation),
            ]
        }
    }

    /// The columns a spreadsheet of this register may have, in words, for the import's help:
    /// which are required and what each kind of cell must hold.
    public var columnHelp: String {
        let described = columns.map { column -> String in
            var text = column.header + (column.required ? " (required)" : "")
            switch column.kind {
            case .text: break
            case .identifier: text += ": a unique id, no spaces or slashes"
            case .organisation: text += ": a source organisation of the workflow (id, code or name)"
            case .group: text += ": a consultation group of the workflow"
            case .date: text += ": YYYY-MM-DD or DD/MM/YYYY"
            case .boolean: text += ": Yes or No"
            case .money: text += ": an amount such as 125000 or £1,250,000.50"
            case .choice(let options): text += ": " + options.joined(separator: ", ")
            }
            return text
        }
        return "Columns (matched by header, in any order, ignoring case): " + described.joined(separator: "; ") + "."
    }

    var eventType: String {
        switch self {
        case .staff: return "staff.post.mapped"
        case .contracts: return "contract.registered"
        case .assets: return "asset.registered"
        }
    }

    var schema: Int { self == .staff ? 2 : 1 }
}

struct RegisterColumn: Sendable {
    enum Kind: Sendable {
        case text, identifier, organisation, group, date, boolean, money
        case choice([String])
    }

    var header: String
    var key: String
    var required: Bool
    var kind: Kind

    init(_ header: String, key: String, required: Bool = false, kind: Kind = .text) {
        self.header = header
        self.key = key
        self.required = required
        self.kind = kind
    }
}

/// Reads a staff list, contract register or asset register exported from Excel and turns every row
/// into a registration event — or refuses the whole file, naming each bad line and column.
public struct RegisterImport: Sendable {
    public var kind: RegisterKind
    /// Organisation ids (and their codes/names, mapped to ids) that rows may name.
    public var organisations: [String: String]
    /// Consultation group ids staff rows may name.
    public var groups: Set<String>

    public init(kind: RegisterKind, organisations: [String: String], groups: Set<String>) {
        self.kind = kind
        self.organisations = organisations
        self.groups = groups
    }

    /// Parses and validates `bytes`; returns one proposed event per row, in file order.
    public func events(
        from bytes: [UInt8], file: String, actor: String, role: String?, system: SystemIdentity?
    ) throws(ImportError) -> [ProposedEvent] {
        let table: CSVTable
        do {
            table = try CSVReader.parse(bytes)
        } catch {
            throw ImportError(file: file, problems: [ImportProblem(line: error.line, column: error.column, columnName: "", message: error.message)])
        }
        var problems: [ImportProblem] = []
        var indices: [String: Int] = [:]
        for column in kind.columns {
            if let index = table.column(named: column.header) {
                indices[column.key] = index
            } else if column.required {
                let known = kind.columns.map(\.header)
                let unknownHeaders = table.header.filter { header in !known.contains { $0.lowercased() == header.lowercased() } }
                let hint = unknownHeaders.compactMap { Suggestion.closest(to: $0, in: [column.header]) != nil ? $0 : nil }.first
                problems.append(
                    ImportProblem(
                        line: 1, column: 0, columnName: column.header,
                        message: "the required column '\(column.header)' is missing\(hint.map { " (is '\($0)' meant to be it?)" } ?? ""); expected columns: \(known.joined(separator: ", "))"))
            }
        }
        guard problems.isEmpty else { throw ImportError(file: file, problems: problems) }
        var seen: [String: Int] = [:]
        var events: [ProposedEvent] = []
        for row in table.rows {
            var data = JSONObject()
            var id: String?
            for column in kind.columns {
                guard let index = indices[column.key] else { continue }
                let raw = index < row.fields.count ? row.fields[index].trimmingSpaces : ""
                func problem(_ message: String) {
                    problems.append(ImportProblem(line: row.line, column: index + 1, columnName: column.header, message: message))
                }
                if raw.isEmpty {
                    if column.required { problem("is empty; every row needs a \(column.header)") }
                    continue
                }
                switch column.kind {
                case .text:
                    data[column.key] = .string(raw)
                case .identifier:
                    if raw.contains(where: { $0 == " " || $0 == "/" }) {
                        problem("'\(raw)' is not a usable id (no spaces or slashes)")
                    } else if let earlier = seen[raw] {
                        problem("'\(raw)' already appears on line \(earlier); each row needs its own \(column.header)")
                    } else {
                        seen[raw] = row.line
                        id = raw
                        data[column.key] = .string(raw)
                    }
                case .organisation:
                    if let organisation = organisations[raw] ?? organisations[raw.lowercased()] {
                        data[column.key] = .string(organisation)
                    } else {
                        let hint = Suggestion.hint(for: raw, in: Set(organisations.values).sorted())
                        problem("unknown organisation '\(raw)'\(hint)")
                    }
                case .group:
                    if groups.contains(raw) {
                        data[column.key] = .string(raw)
                    } else {
                        let hint = Suggestion.hint(for: raw, in: groups.sorted())
                        problem("unknown consultation group '\(raw)'\(hint)")
                    }
                case .date:
                    if let date = RegisterImport.date(raw) { data[column.key] = .string(date.description) } else {
                        problem("'\(raw)' is not a date; use YYYY-MM-DD or DD/MM/YYYY")
                    }
                case .boolean:
                    switch raw.lowercased() {
                    case "yes", "y", "true", "1": data[column.key] = .bool(true)
                    case "no", "n", "false", "0": data[column.key] = .bool(false)
                    default: problem("'\(raw)' must be Yes or No")
                    }
                case .money:
                    if let value = RegisterImport.money(raw) { data[column.key] = value } else {
                        problem("'\(raw)' is not an amount such as 125000 or £1,250,000.50")
                    }
                case .choice(let options):
                    let normalised = raw.lowercased().replacingSpaces(with: "-")
                    if options.contains(normalised) { data[column.key] = .string(normalised) } else {
                        let hint = Suggestion.hint(for: normalised, in: options)
                        problem("'\(raw)' must be one of \(options.joined(separator: ", "))\(hint)")
                    }
                }
            }
            if kind == .staff {
                if data["boardLevel"] == nil { data["boardLevel"] = .bool(false) }
                if data["employment"]?.stringValue == "fixed-term", data["fixedTermEnd"] == nil,
                    let index = indices["fixedTermEnd"] ?? indices["employment"]
                {
                    problems.append(ImportProblem(line: row.line, column: index + 1, columnName: "Fixed Term End", message: "a fixed-term contract needs its end date"))
                }
            }
            events.append(ProposedEvent(type: kind.eventType, schema: kind.schema, actor: actor, role: role, entity: id, data: data, system: system?.json))
        }
        guard problems.isEmpty else { throw ImportError(file: file, problems: problems) }
        guard !events.isEmpty else {
            throw ImportError(file: file, problems: [ImportProblem(line: 1, column: 0, columnName: "", message: "the file has a header but no rows")])
        }
        return events
    }

    /// `YYYY-MM-DD` or UK `DD/MM/YYYY`.
    static func date(_ text: String) -> CivilDate? {
        if let date = CivilDate(iso8601: text) { return date }
        let parts = text.split(separator: "/")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `125000`, `125,000.50`, `£1,250,000` → a JSON number.
    static func money(_ text: String) -> JSONValue? {
        var cleaned = text
        cleaned.removeAll { $0 == "," || $0 == "£" || $0 == " " }
        if let whole = Int(cleaned) { return .int(whole) }
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return .double(value)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    func replacingSpaces(with replacement: String) -> String {
        split(separator: " ", omittingEmptySubsequences: true).joined(separator: replacement)
    }
}
