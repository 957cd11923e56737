/// libFuzzer entry point for the workflow loader (`WorkflowLoader.load(bytes:file:)`, the parse +
/// validate path `transition workflow check` and `transition init` use): any bytes must load or be
/// refused with a `WorkflowLoadError` listing at least one problem, each with a message, whose
/// description (what the CLI prints) can be built — never a crash, hang or sanitizer report.
/// A workflow that loads must load to the same definition from its parsed JSON (the path replay
/// uses for `workflow.revised` events) and its summary must render.
import TransitionSupport
import Workflow

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let definition: WorkflowDefinition
    do {
        definition = try WorkflowLoader.load(bytes: bytes, file: "fuzz.json")
    } catch {
        precondition(!error.problems.isEmpty, "a refusal with no problem")
        for problem in error.problems { precondition(!problem.message.isEmpty, "a problem with no message") }
        precondition(!error.description.isEmpty, "a refusal with no description")
        return 0
    }
    let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard let document = try? JSONParser.parse(text) else { fatalError("a loaded workflow does not parse") }
    guard let again = try? WorkflowLoader.load(json: document, file: "fuzz.json") else {
        fatalError("a loaded workflow is refused when loaded from its parsed JSON")
    }
    precondition(again == definition, "loading from parsed JSON gives a different workflow")
    precondition(!WorkflowSummary.render(definition).isEmpty, "empty summary")
    return 0
}
