import EventLog
import Projections

/// The projections as they stood at one position of the log, kept beside it so that recording an
/// event does not replay the whole history first.
///
/// A snapshot is a cache and never a source of truth: it is used only when the event at its
/// position is still in the log with the same hash, when it was written by this very build, and
/// when its checksum holds; otherwise the log is replayed and a fresh snapshot written. Deleting it
/// is always safe.
struct ProjectionSnapshot: Codable {
    /// The last event folded into `state`.
    var position: LogPosition
    /// The unscoped state (no as-of or effective-date filter) through that event.
    var state: TransitionState
    /// The workflow versions recorded up to that event.
    var workflows: WorkflowHistory
}
