import Foundation
import LvzhiCore
import LvzhiStorage

/// The modules this build of `lvzhi` registers, as the commands of every target see them:
/// `lvzhi` installs its list of built-in modules here once, before parsing the command line,
/// and ``GlobalOptions/open()`` opens every database with them. A module's command group (in a
/// target of its own) reaches the list only through here, never the other way round.
public enum CommandLineModules {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed: (manifests: [PluginManifest], scriptModules: [ScriptModule]) = ([], [])

    /// Installs the registered modules' manifests and the script API's tables (the core's, then each module's).
    public static func install(manifests: [PluginManifest], scriptModules: [ScriptModule]) {
        lock.withLock { installed = (manifests, scriptModules) }
    }

    /// The manifests of the registered modules, in registration order.
    public static var manifests: [PluginManifest] { lock.withLock { installed.manifests } }

    /// The tables of the `lvzhi` script API: the core's, then each module's.
    public static var scriptModules: [ScriptModule] { lock.withLock { installed.scriptModules } }
}
