import Archive
import LvzhiCore
import LvzhiScript
import LvzhiStorage
import Notices
import Proposals

/// The modules this build of `lvzhi` registers at start-up, in registration order.
enum BuiltinPlugins {
    static let all: [PluginManifest] = [NoticesPlugin.manifest, ProposalsPlugin.manifest, ArchivePlugin.manifest]

    /// The tables of the `lvzhi` script API: the core's, then each plugin's.
    static let scriptModules: [ScriptModule] = CoreScriptAPI.modules + [NoticesScriptAPI.module, ProposalsScriptAPI.module, ArchiveScriptAPI.module]
}
