import LvzhiCore
import Notices

/// The modules this build of `lvzhi` registers at start-up, in registration order.
enum BuiltinPlugins {
    static let all: [PluginManifest] = [NoticesPlugin.manifest]
}
