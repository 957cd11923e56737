#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file into memory with the C library, so the loader needs no Foundation.
enum FileContents {
    /// The largest workflow file accepted (64 MiB): anything bigger is not a workflow.
    static let maximumSize = 64 << 20

    /// The file's bytes, or a sentence saying why they could not be read.
    static func read(path: String) -> Result<[UInt8], FileReadFailure> {
        guard let handle = fopen(path, "rb") else {
            return .failure(FileReadFailure(reason: "cannot open the file: \(describeErrno())"))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                fread(buffer.baseAddress, 1, buffer.count, handle)
            }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > maximumSize {
                return .failure(FileReadFailure(reason: "the file is larger than \(maximumSize >> 20) MiB"))
            }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    return .failure(FileReadFailure(reason: "cannot read the file: \(describeErrno())"))
                }
                return .success(bytes)
            }
        }
    }

    private static func describeErrno() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}

/// Why a file could not be read.
struct FileReadFailure: Error {
    var reason: String
}
