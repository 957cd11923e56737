import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a child process printed and how it exited.
struct ChildProcessOutput: Sendable {
    /// The exit status (the process exited normally; signals are reported as `ToolFailure`).
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs one program with an argument array (never a shell), bounded in time.
///
/// ssh-keygen is run without a shell so that no path, principal or namespace can be read as
/// shell syntax. Its standard input is a file (or /dev/null) so it always sees end-of-input, and
/// its output goes to files in a private directory, so a chatty child can never fill a pipe and
/// block; a child still running after `timeout` is sent SIGTERM, then SIGKILL.
struct ChildProcess: Sendable {
    var executable: String
    var environment: [String: String]
    var timeout: Duration

    /// Runs `executable arguments` with standard input from `stdinPath` (or /dev/null), keeping
    /// its output files in `directory`, and waits for it to exit.
    func run(_ arguments: [String], stdinPath: String? = nil, in directory: PrivateTemporaryDirectory)
        throws(ToolFailure) -> ChildProcessOutput
    {
        let outPath = try directory.write("child.stdout", [])
        let errPath = try directory.write("child.stderr", [])
        guard let input = FileHandle(forReadingAtPath: stdinPath ?? "/dev/null"),
            let output = FileHandle(forWritingAtPath: outPath),
            let errors = FileHandle(forWritingAtPath: errPath)
        else { throw .fileProblem("cannot open the files for ssh-keygen's input and output") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }

        do {
            try process.run()
        } catch {
            closeAll([input, output, errors])
            throw .launchFailed("\(executable): \(error.localizedDescription)")
        }
        closeAll([input, output, errors])  // the child has its own copies

        guard finished.wait(timeout: .now() + ChildProcess.interval(timeout)) == .success else {
            stop(process, finished: finished)
            throw .timedOut(timeout)
        }
        process.waitUntilExit()  // returns at once; makes the exit status final
        guard process.terminationReason == .exit else { throw .killedBySignal(process.terminationStatus) }
        guard let out = FileManager.default.contents(atPath: outPath),
            let err = FileManager.default.contents(atPath: errPath)
        else { throw .fileProblem("cannot read ssh-keygen's output") }
        return ChildProcessOutput(status: process.terminationStatus, stdout: Array(out), stderr: Array(err))
    }

    /// Asks the child to stop (SIGTERM), then forces it (SIGKILL), waiting briefly after each.
    /// The SIGKILL matters: on Linux the child inherits the launching thread's signal mask,
    /// and Dispatch worker threads block SIGTERM, so a polite request may never arrive.
    private func stop(_ process: Process, finished: DispatchSemaphore) {
        process.terminate()
        if finished.wait(timeout: .now() + .milliseconds(500)) == .success { return }
        _ = kill(process.processIdentifier, SIGKILL)
        _ = finished.wait(timeout: .now() + .seconds(2))
    }

    private func closeAll(_ handles: [FileHandle]) {
        for handle in handles { try? handle.close() }
    }

    /// `duration` as a Dispatch interval (whole milliseconds, at least one).
    private static func interval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .milliseconds(1) }
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return .seconds(Int(Int32.max)) }
        let total = milliseconds.partialValue + attoseconds / 1_000_000_000_000_000
        return .milliseconds(Int(clamping: max(total, 1)))
    }
}
