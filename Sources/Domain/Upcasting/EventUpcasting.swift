import TransitionSupport

/// The registry of upcasters, applied to every stored payload before it is decoded.
///
/// Decoding always sees the current schema: a payload written under schema `n` passes through the
/// upcasters for `n`, `n + 1`, ... until it reaches the type's ``DomainEventType/currentSchema``.
public enum EventUpcasting {
    /// Every upcaster Transition ships.
    public static let upcasters: [Upcaster] = [
        .renaming(
            .staffPostMapped, fromSchema: 1, [(old: "ccg", new: "organisation"), (old: "board", new: "boardLevel")],
            change: "schema 2 names the source organisation 'organisation' (was 'ccg', since an ICB can be a source too) and the board flag 'boardLevel' (was 'board')")
    ]

    /// Upcasts `data` as far as the registered upcasters reach.
    ///
    /// - Returns: the schema reached and the rewritten payload; unknown types and current payloads come
    ///   back unchanged.
    public static func upcast(type: String, schema: Int, data: JSONObject) -> (schema: Int, data: JSONObject) {
        guard let known = DomainEventType(wireName: type) else { return (schema, data) }
        var schema = schema
        var data = data
        while schema < known.currentSchema, let step = upcasters.first(where: { $0.type == known && $0.fromSchema == schema }) {
            data = step.transform(data)
            schema += 1
        }
        return (schema, data)
    }

    /// Upcasts `data` to the current schema of `type`.
    ///
    /// - Throws: ``PayloadError`` with ``PayloadError/Problem/unsupportedSchema(found:current:)`` when the
    ///   schema is newer than this build, below 1, or has no upcaster path.
    public static func upcast(type: DomainEventType, schema: Int, data: JSONObject) throws(PayloadError) -> JSONObject {
        let current = type.currentSchema
        guard schema >= 1, schema <= current else {
            throw PayloadError(eventType: type.rawValue, problem: .unsupportedSchema(found: schema, current: current))
        }
        if schema == current { return data }
        let result = upcast(type: type.rawValue, schema: schema, data: data)
        guard result.schema == current else {
            throw PayloadError(eventType: type.rawValue, problem: .unsupportedSchema(found: schema, current: current))
        }
        return result.data
    }
}
