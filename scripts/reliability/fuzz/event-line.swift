/// libFuzzer entry point for the event-line decoder: any bytes must decode or throw, never crash;
/// a decoded record, written back as a line, must decode to a record that writes the same line
/// (compared as canonical bytes: JSONObject equality is member-order sensitive, and a fuzzed line
/// need not have its keys in canonical order).
import EventLog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? EventRecord.decode(line: bytes, checkingHash: true) else { return 0 }
    let line = decoded.record.line
    guard let again = try? EventRecord.decode(line: Array(line.dropLast()), checkingHash: true) else {
        fatalError("a decoded record's own line does not decode: \(String(decoding: line, as: UTF8.self))")
    }
    precondition(again.record.line == line, "re-encoded line changes on a second round trip")
    if decoded.hashMatches { precondition(Array(line.dropLast()) == bytes || again.hashMatches, "hash check unstable") }
    return 0
}
