import Foundation

/// Where the database file is: `--db PATH`, else `$LVZHI_DB`, else `./lvzhi.sqlite`.
public enum DatabaseLocation {
    /// The environment variable that names the database when `--db` is not given.
    public static let environmentVariable = "LVZHI_DB"
    /// The file used when neither `--db` nor `$LVZHI_DB` is given.
    public static let defaultPath = "lvzhi.sqlite"

    /// Resolves the database path from an explicit option and the environment.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnv = environment[environmentVariable], !fromEnv.isEmpty { return fromEnv }
        return defaultPath
    }
}
