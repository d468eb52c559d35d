extension String {
    /// The longest value a message repeats, in characters; longer values are cut with `…（共 N 字）`.
    public static let messageValueLimit = 60

    /// The value as a message may show it: control characters (a NUL, a tab, a line break) written
    /// as `\u{0}`, `\t`, `\n`, and anything longer than ``messageValueLimit`` characters cut short
    /// with its length, so a 1 MB value gives a one-line error and a NUL cannot cut the message.
    public var quotedForMessage: String {
        var out = ""
        var count = 0
        for character in self {
            if count == String.messageValueLimit {
                return out + "…（共 \(self.count) 字）"
            }
            count += 1
            switch character {
            case "\n": out += "\\n"
            case "\r\n": out += "\\r\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                   scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }
}
