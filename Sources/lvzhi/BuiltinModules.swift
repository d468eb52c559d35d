import Archive
import ArchiveCommands
import ArgumentParser
import LvzhiCommandLine
import LvzhiCore
import LvzhiScript
import LvzhiStorage
import Notices
import NoticesCommands
import Proposals
import ProposalsCommands

/// What one module brings to this build of `lvzhi`: its manifest (schema, permissions, events,
/// settings), its table of the script API and its command group.
struct BuiltinModule {
    let manifest: PluginManifest
    let script: ScriptModule
    let commands: any ParsableCommand.Type
}

/// The modules this build registers, in registration order: the one list that names them.
/// Adding a module is one line here (and its folder and its line in Package.swift).
enum BuiltinModules {
    static let all: [BuiltinModule] = [
        BuiltinModule(manifest: NoticesPlugin.manifest, script: NoticesScriptAPI.module, commands: NoticeCommand.self),
        BuiltinModule(manifest: ProposalsPlugin.manifest, script: ProposalsScriptAPI.module, commands: ProposalCommand.self),
        BuiltinModule(manifest: ArchivePlugin.manifest, script: ArchiveScriptAPI.module, commands: ArchiveCommand.self),
    ]

    /// The manifests, in registration order.
    static var manifests: [PluginManifest] { all.map(\.manifest) }

    /// The tables of the `lvzhi` script API: the core's, then each module's.
    static var scriptModules: [ScriptModule] { CoreScriptAPI.modules + all.map(\.script) }

    /// The command groups, listed under 业务模块 in `lvzhi --help`.
    static var commands: [any ParsableCommand.Type] { all.map(\.commands) }

    /// Makes the list known to every command group (``CommandLineModules``); called once at start-up.
    static func install() {
        CommandLineModules.install(manifests: manifests, scriptModules: scriptModules)
    }
}
