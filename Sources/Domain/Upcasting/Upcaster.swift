import TransitionSupport

/// Rewrites one event type's payload from one schema version to the next.
///
/// Stored events are never rewritten, so when a payload's shape changes the old shape stays in the log
/// for ever; an upcaster translates it on read, one version step at a time, before strict decoding.
public struct Upcaster: Sendable {
    /// The event type it reads.
    public var type: DomainEventType
    /// The schema it reads; it produces `fromSchema + 1`.
    public var fromSchema: Int
    /// What changed between the two versions, for docs and `--explain` output.
    public var change: String
    /// The translation. It must be pure and total: anything it does not recognise is passed through,
    /// so that strict decoding reports it against the current field names.
    public var transform: @Sendable (JSONObject) -> JSONObject

    /// Creates an upcaster.
    public init(type: DomainEventType, fromSchema: Int, change: String, transform: @escaping @Sendable (JSONObject) -> JSONObject) {
        self.type = type
        self.fromSchema = fromSchema
        self.change = change
        self.transform = transform
    }

    /// An upcaster that renames fields, leaving everything else as it is.
    ///
    /// When the new name is already present the old field is kept too, so decoding refuses it as unknown
    /// rather than silently choosing one.
    public static func renaming(_ type: DomainEventType, fromSchema: Int, _ renames: [(old: String, new: String)], change: String) -> Upcaster {
        Upcaster(type: type, fromSchema: fromSchema, change: change) { data in
            var output = JSONObject()
            for member in data.members {
                if let rename = renames.first(where: { $0.old == member.key }), !data.contains(rename.new) {
                    output[rename.new] = member.value
                } else {
                    output[member.key] = member.value
                }
            }
            return output
        }
    }
}
