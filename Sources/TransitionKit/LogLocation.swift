/// Decides which log directory a command uses: `--log DIR`, else `TRANSITION_LOG`, else `EventLog`.
public enum LogLocation {
    public static let defaultPath = "EventLog"

    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["TRANSITION_LOG"], !variable.isEmpty { return variable }
        return defaultPath
    }
}
