/// Everything that can go wrong with the log, each case carrying the data a message needs.
///
/// Messages say what happened and what to do next; the CLI prints `description` and exits 1.
public enum EventLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case notALog(path: String)
    case alreadyExists(path: String)
    case missingDirectory(path: String)
    case readOnly(path: String)
    case readOnlyFileSystem(path: String)
    case lockTimeout(path: String, seconds: Double)
    case sequenceMismatch(expected: Int, actual: Int)
    case entityVersionMismatch(entity: String, expected: Int, actual: Int)
    case idempotencyConflict(id: String, sequence: Int)
    case duplicateIDInBatch(id: String)
    case clockBehindLog(proposed: String, head: String)
    case invalidEvent(index: Int, reason: String)
    case diskFull(path: String)
    case io(operation: String, path: String, code: Int32, message: String)
    case corrupt(file: String, line: Int, reason: String)
    case emptyBatch

    public var description: String {
        switch self {
        case .notALog(let path):
            return "'\(path)' is not a Transition event log (no log.json); run 'transition init --log \(path)' to create one"
        case .alreadyExists(let path):
            return "an event log already exists at '\(path)'; use it as it is, or choose another directory with --log"
        case .missingDirectory(let path):
            return "the log directory '\(path)' does not exist; create it with 'transition init --log \(path)' or check the --log / TRANSITION_LOG path"
        case .readOnly(let path):
            return "cannot write to the event log at '\(path)': you have read-only access; ask the log's owner to add you to its group, or use read-only verbs (log, verify, history, status)"
        case .readOnlyFileSystem(let path):
            return "cannot write to '\(path)': its file system is mounted read-only; remount it read-write (or copy the log to writable storage) to record, or use read-only verbs"
        case .lockTimeout(let path, let seconds):
            return "another process is writing to the log at '\(path)' and still held its lock after \(seconds) s; try again, or raise the wait with TRANSITION_LOCK_TIMEOUT"
        case .sequenceMismatch(let expected, let actual):
            return "refused: expected the log to end at sequence \(expected), but it ends at \(actual); someone else appended first — review their events and retry with --expect-seq \(actual)"
        case .entityVersionMismatch(let entity, let expected, let actual):
            return "refused: expected entity '\(entity)' at version \(expected), but it is at version \(actual); review its history and retry with the current version"
        case .idempotencyConflict(let id, let sequence):
            return "refused: event id \(id) is already recorded (sequence \(sequence)) with different content; use a new id for a new event, or a correction event to change the old one"
        case .duplicateIDInBatch(let id):
            return "refused: event id \(id) appears twice in the same batch; give each event its own id"
        case .clockBehindLog(let proposed, let head):
            return "refused: recorded time \(proposed) is earlier than the log's last event (\(head)); the log's recorded times never go backwards — use a later time"
        case .invalidEvent(let index, let reason):
            return "refused: event \(index + 1) of the input is invalid: \(reason)"
        case .diskFull(let path):
            return "the disk holding '\(path)' is full; nothing was appended and the log is unchanged — free some space and try again"
        case .io(let operation, let path, let code, let message):
            return "\(operation) failed for '\(path)': \(message) (errno \(code)); nothing was appended"
        case .corrupt(let file, let line, let reason):
            return "the log is damaged at \(file):\(line): \(reason); run 'transition verify' for details — do not append until it is resolved"
        case .emptyBatch:
            return "refused: the input holds no events"
        }
    }
}
