/// A negative number given as an option's value (`--year -1`, `--limit -5`): argument-parser
/// takes `-1` for an option and reports "Missing value". Such a value is joined to its option
/// (`--year=-1`) and the line parsed again, so the command itself refuses it with the allowed range.
enum NegativeOptionValue {
    /// `arguments` with the negative numbers after `option` joined to it, or nil when there are none.
    static func joined(_ arguments: [String], after option: String) -> [String]? {
        var out: [String] = []
        var changed = false
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { out += arguments[index...]; break }
            if argument == option, index + 1 < arguments.endIndex, isNegativeNumber(arguments[index + 1]) {
                out.append("\(option)=\(arguments[index + 1])")
                changed = true
                index += 2
                continue
            }
            out.append(argument)
            index += 1
        }
        return changed ? out : nil
    }

    /// The option of a "Missing value for '--year <YEAR>'" message.
    static func option(inMissingValueMessage message: String) -> String? {
        guard message.hasPrefix("Missing value for '--") else { return nil }
        let rest = message.dropFirst("Missing value for '".count)
        return rest.prefix { $0 != " " && $0 != "'" }.description
    }

    /// `-1`, `-9223372036854775808`, `-2.5`, `-inf`, `-nan`: a value, not an option.
    static func isNegativeNumber(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count > 1 else { return false }
        let body = text.dropFirst()
        return Double(body) != nil && !body.hasPrefix("-")
    }
}
