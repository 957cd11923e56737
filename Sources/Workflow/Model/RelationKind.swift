/// The four precedence relation types of a schedule network (finish-to-start and friends).
///
/// Named as in MS Project so that plans imported from spreadsheets keep their meaning.
public enum RelationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The successor starts after the predecessor finishes.
    case fs = "FS"
    /// The successor starts after the predecessor starts.
    case ss = "SS"
    /// The successor finishes after the predecessor finishes.
    case ff = "FF"
    /// The successor finishes after the predecessor starts.
    case sf = "SF"
}
