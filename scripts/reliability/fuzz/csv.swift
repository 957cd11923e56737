import TransitionSupport

/// libFuzzer entry point for the CSV reader: any bytes, read with and without a header row, must
/// parse or throw a CSVError, never crash, hang or trip the address sanitizer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? CSVReader.parse(bytes, hasHeader: false)
    _ = try? CSVReader.parse(bytes, hasHeader: true)
    return 0
}
