#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths of files the tests read, found relative to this source file.
enum TestFiles {
    /// `<package root>/Workflows`.
    static var workflowsDirectory: String {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // TestFiles.swift, WorkflowTests, Tests
        return parts.joined(separator: "/") + "/Workflows"
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The file's bytes, or nil.
    static func read(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count { return bytes }
        }
    }
}
