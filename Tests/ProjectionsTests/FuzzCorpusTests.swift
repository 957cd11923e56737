#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import EventLog
import Testing
import TransitionSupport
import Workflow

/// Replays the libFuzzer corpora kept under `Tests/Fixtures/fuzz/` (seeds, inputs merged back by
/// `scripts/reliability/fuzz.sh` with `FUZZ_KEEP_CORPUS=1`, and any crash reproducers in
/// `crashes/`) through the same entry points and checks as the fuzz targets in
/// `scripts/reliability/fuzz/`: every input decodes, or is refused with a typed error that says
/// what is wrong. A crash here is a regression of something the fuzzer once found.
///
/// It lives in ProjectionsTests because that is the one test target that already depends on
/// EventLog, Workflow and TransitionSupport together.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    /// `<package root>/Tests/Fixtures/fuzz`.
    static let root: String = {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(2)  // FuzzCorpusTests.swift, ProjectionsTests
        return (components + ["Fixtures", "fuzz"]).joined(separator: "/")
    }()

    /// Every regular file under `Tests/Fixtures/fuzz/<target>`, recursively, sorted by path.
    static func inputs(_ target: String) -> [String] {
        var found: [String] = []
        func walk(_ directory: String) {
            guard let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = directory + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    walk(path)
                } else if (info.st_mode & S_IFMT) == S_IFREG {
                    found.append(path)
                }
            }
        }
        walk(root + "/" + target)
        return found.sorted()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            bytes += chunk[0..<count]
            if count < chunk.count { return bytes }
        }
    }

    /// The corpus of `target`, read; records an issue when it is missing, so a moved directory
    /// cannot make these tests pass vacuously.
    static func corpus(_ target: String, atLeast minimum: Int) -> [(name: String, bytes: [UInt8])] {
        let files = inputs(target)
        #expect(files.count >= minimum, "expected at least \(minimum) inputs in \(root)/\(target), found \(files.count)")
        return files.compactMap { path in
            guard let bytes = read(path) else {
                Issue.record("cannot read \(path)")
                return nil
            }
            return (String(path.dropFirst(root.count + 1)), bytes)
        }
    }

    // MARK: - The fuzz targets' checks, one input at a time

    /// `scripts/reliability/fuzz/event-line.swift`: decode (checking the hash) or a
    /// `LineDecodingError` with a reason; a decoded record's own line decodes to the same line, and
    /// if the input's hash matched, so does the re-encoded line's (unless the input already was that
    /// line). `line` keeps the stored hash rather than recomputing it, so a fuzzed line with a wrong
    /// hash is not "repaired" by re-encoding. The target's other check, that the canonical fast path
    /// agrees with the full decoder, needs `@testable import EventLog` and is replayed over this
    /// corpus by `CanonicalRecordTests` in EventLogTests.
    static func checkEventLine(_ bytes: [UInt8], _ name: String) {
        let decoded: (record: EventRecord, hashMatches: Bool)
        do {
            decoded = try EventRecord.decode(line: bytes, checkingHash: true)
        } catch {
            #expect(!error.description.isEmpty, "\(name): refused with an empty reason")
            return
        }
        let line = decoded.record.line
        #expect(line.last == 0x0A, "\(name): a written line does not end with a newline")
        do {
            let again = try EventRecord.decode(line: Array(line.dropLast()), checkingHash: true)
            #expect(again.record.line == line, "\(name): the re-encoded line changes on a second round trip")
            if decoded.hashMatches {
                #expect(Array(line.dropLast()) == bytes || again.hashMatches, "\(name): hash check unstable")
            }
        } catch {
            Issue.record("\(name): a decoded record's own line does not decode: \(error)")
        }
    }

    /// `scripts/reliability/fuzz/csv.swift`: parse with and without a header row, or a `CSVError`
    /// naming a line and column and saying what is wrong.
    static func checkCSV(_ bytes: [UInt8], _ name: String) {
        for hasHeader in [false, true] {
            do {
                let table = try CSVReader.parse(bytes, hasHeader: hasHeader)
                let width = hasHeader ? table.header.count : table.rows.first?.fields.count ?? 0
                #expect(table.rows.allSatisfy { $0.fields.count == width && $0.line >= 1 }, "\(name): ragged table")
            } catch {
                #expect(!error.message.isEmpty && !error.description.isEmpty, "\(name): refused with no message")
                #expect(error.line >= 1 && error.column >= 1, "\(name): refusal at \(error.line):\(error.column)")
            }
        }
    }

    /// `scripts/reliability/fuzz/workflow.swift`: load, or a `WorkflowLoadError` listing at least one
    /// problem, each with a message; a loaded workflow loads the same from its parsed JSON and its
    /// summary renders.
    static func checkWorkflow(_ bytes: [UInt8], _ name: String) {
        let definition: WorkflowDefinition
        do {
            definition = try WorkflowLoader.load(bytes: bytes, file: name)
        } catch {
            #expect(!error.problems.isEmpty, "\(name): refused with no problem")
            #expect(error.problems.allSatisfy { !$0.message.isEmpty }, "\(name): a problem with no message")
            #expect(!error.description.isEmpty)
            return
        }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            let again = try WorkflowLoader.load(json: try JSONParser.parse(text), file: name)
            #expect(again == definition, "\(name): loading from parsed JSON gives a different workflow")
        } catch {
            Issue.record("\(name): loaded from bytes but not from its parsed JSON: \(error)")
        }
        #expect(!WorkflowSummary.render(definition).isEmpty)
    }

    // MARK: - Whole corpora

    @Test("every kept event-line fuzz input decodes or is refused with a reason", .timeLimit(.minutes(2)))
    func eventLineCorpus() {
        for input in FuzzCorpusTests.corpus("event-line", atLeast: 8) { FuzzCorpusTests.checkEventLine(input.bytes, input.name) }
    }

    @Test("every kept CSV fuzz input parses or is refused with a line, column and reason", .timeLimit(.minutes(2)))
    func csvCorpus() {
        for input in FuzzCorpusTests.corpus("csv", atLeast: 3) { FuzzCorpusTests.checkCSV(input.bytes, input.name) }
    }

    @Test("every kept workflow fuzz input loads or is refused with its problems", .timeLimit(.minutes(2)))
    func workflowCorpus() {
        for input in FuzzCorpusTests.corpus("workflow", atLeast: 12) { FuzzCorpusTests.checkWorkflow(input.bytes, input.name) }
    }

    @Test("the hand-made workflow seeds load or are refused as intended")
    func workflowSeeds() throws {
        for valid in ["minimal.json", "bom-minimal.json", "base.json", "mini-transition.json", "icb-merger-2026.json"] {
            let bytes = try #require(FuzzCorpusTests.read(FuzzCorpusTests.root + "/workflow/" + valid))
            #expect(throws: Never.self, "\(valid) should load") { _ = try WorkflowLoader.load(bytes: bytes, file: valid) }
        }
        for invalid in [
            "bad-values.json", "broken-invalid-json.json", "broken-multiple-problems.json", "cycle.json",
            "deep-nesting.json", "escapes-and-bad-utf8.json", "not-object.json",
        ] {
            let bytes = try #require(FuzzCorpusTests.read(FuzzCorpusTests.root + "/workflow/" + invalid))
            #expect(throws: WorkflowLoadError.self, "\(invalid) should be refused") {
                _ = try WorkflowLoader.load(bytes: bytes, file: invalid)
            }
        }
    }
}
