import TransitionSupport

/// Loads workflow files, refusing any file with a problem and reporting every problem at once.
///
/// A workflow is the contract the whole engine runs on, so it is checked completely before use:
/// JSON syntax, unknown and missing fields, types, dates against the calendar, ids, references,
/// dependency cycles, and rules against the vocabulary. Problems come back as one
/// ``WorkflowLoadError`` with a JSON path, a line and column, and a suggestion where one exists.
public enum WorkflowLoader {
    /// Reads and validates the workflow file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read; also the name used in diagnostics.
    ///   - vocabulary: The event types, kinds and fields rules may use.
    /// - Returns: The validated definition.
    /// - Throws: ``WorkflowLoadError`` listing every problem, or the reason the file could not be read.
    public static func load(path: String, vocabulary: WorkflowVocabulary = .standard) throws(WorkflowLoadError)
        -> WorkflowDefinition
    {
        switch FileContents.read(path: path) {
        case .success(let bytes):
            return try load(bytes: bytes, file: path, vocabulary: vocabulary)
        case .failure(let failure):
            throw WorkflowLoadError(file: path, problems: [WorkflowProblem(path: "", message: failure.reason)])
        }
    }

    /// Validates a workflow held as UTF-8 JSON text.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents; a leading UTF-8 byte order mark is ignored.
    ///   - file: The name used in diagnostics.
    ///   - vocabulary: The event types, kinds and fields rules may use.
    /// - Returns: The validated definition.
    /// - Throws: ``WorkflowLoadError``: one problem with the parser's line and column if the
    ///   text is not JSON, otherwise every problem found, each located by line and column.
    public static func load(bytes: [UInt8], file: String, vocabulary: WorkflowVocabulary = .standard)
        throws(WorkflowLoadError) -> WorkflowDefinition
    {
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw WorkflowLoadError(
                file: file,
                problems: [
                    WorkflowProblem(
                        path: "", line: error.line, column: error.column,
                        message: "not valid JSON: \(error.reason)")
                ])
        }
        return try decode(document, file: file, vocabulary: vocabulary, locator: JSONLocator(bytes: text))
    }

    /// Validates an already parsed workflow document, such as one just edited by an importer.
    /// Problems carry JSON paths but no lines or columns.
    public static func load(json document: JSONValue, file: String, vocabulary: WorkflowVocabulary = .standard)
        throws(WorkflowLoadError) -> WorkflowDefinition
    {
        try decode(document, file: file, vocabulary: vocabulary, locator: nil)
    }

    private static func decode(
        _ document: JSONValue, file: String, vocabulary: WorkflowVocabulary, locator: JSONLocator?
    )
        throws(WorkflowLoadError) -> WorkflowDefinition
    {
        var decoder = WorkflowDecoder(vocabulary: vocabulary)
        let definition = decoder.decode(document)
        if let definition, decoder.problems.isEmpty { return definition }
        var problems = decoder.problems.map { pending in
            let location = locator?.location(of: pending.path, atKey: pending.atKey)
            return WorkflowProblem(
                path: pending.path.description, line: location?.line, column: location?.column,
                message: pending.message, suggestion: pending.suggestion)
        }
        if problems.isEmpty {
            problems = [WorkflowProblem(path: "", message: "the workflow could not be read")]
        }
        throw WorkflowLoadError(file: file, problems: problems)
    }
}
