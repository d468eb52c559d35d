import ArgumentParser
import LvzhiCore

/// The subcommands the leading words of a command line name (`proposal list`), and the first
/// word that names none where one is expected (`memebr`): argument-parser reports such a word as
/// "unexpected arguments"; lvzhi says it is an unknown subcommand and suggests the nearest.
struct CommandPath {
    /// The command names matched, starting with `lvzhi`.
    var names: [String] = ["lvzhi"]
    /// The last command matched.
    var command: ParsableCommand.Type = LvzhiCommand.self
    /// The word that is not a subcommand of `command`, if any.
    var unknown: String?

    /// Walks `arguments` (without the program name) from the root command; `help` is stepped over.
    init(_ arguments: [String]) {
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        for word in words {
            guard !word.hasPrefix("-") else { return }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return }
            if let next = subcommands.first(where: { Self.names(of: $0).contains(word) }) {
                command = next
                names.append(Self.name(of: next))
                continue
            }
            // A group with a default subcommand takes the word as that subcommand's argument.
            if command.configuration.defaultSubcommand == nil { unknown = word }
            return
        }
    }

    /// The command's name on the command line.
    static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }

    /// The command's name and aliases.
    static func names(of command: ParsableCommand.Type) -> [String] {
        [name(of: command)] + command.configuration.aliases
    }

    /// The subcommand names `command` offers.
    var subcommandNames: [String] { command.configuration.subcommands.map(Self.name(of:)) }

    /// The refusal of an unknown subcommand, with the nearest name or the list of names.
    var unknownMessage: String? {
        guard let unknown else { return nil }
        let here = names.joined(separator: " ")
        let shown = "'\(unknown.quotedForMessage)'"
        if let nearest = NearestName.nearest(to: unknown, in: subcommandNames) {
            return "未知的子命令 \(shown)（\(here) 没有这个子命令），是否要用 '\(nearest)'？"
        }
        return "未知的子命令 \(shown)（\(here) 没有这个子命令）；可用的子命令：\(subcommandNames.joined(separator: "、"))"
    }

    /// Where to read the usage of the command matched so far.
    var helpHint: String {
        names.count == 1 ? "用 lvzhi help <子命令> 或 lvzhi <子命令> --help 查看用法" : "用 \(names.joined(separator: " ")) --help 查看用法"
    }
}
