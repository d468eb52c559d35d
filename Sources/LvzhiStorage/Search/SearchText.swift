import Foundation

/// The character rules of Chinese full-text search: how text is normalised before it is
/// compared, and which characters make up words, Han runs and separators.
///
/// Normalisation is NFKC followed by lower case, so full-width forms (`２０２１`, `ＡＢＣ`),
/// the ideographic space and circled or compatibility characters compare like their plain
/// forms. It is applied one character (a base scalar with its combining marks) at a time,
/// so every normalised character still knows where it came from in the original text.
/// Common characters (ASCII, full-width ASCII, CJK ideographs, CJK punctuation) take a fast
/// path; everything else goes through Foundation's NFKC.
public enum SearchText {
    /// What a normalised character is to the tokenizer.
    enum Class: Equatable {
        /// A character indexed as overlapping bigrams: Han (with 〇 and 々), kana, Hangul syllables.
        case han
        /// A letter or digit of any other script: part of a word (Latin, digits, Mongolian, …).
        case word
        /// A combining mark: extends the word before it, dropped elsewhere.
        case mark
        /// An invisible format character (zero-width space, soft hyphen): ignored altogether.
        case ignorable
        /// Whitespace: ends a word; between two Han characters it is ignored (line breaks in
        /// extracted text, `专门委员会 工作`).
        case space
        /// Punctuation and symbols: end a word or a Han run.
        case separator
    }

    /// `text` normalised as the index compares it: NFKC, lower case, full-width forms as
    /// half-width. Whitespace and punctuation are kept (the tokenizer decides about them).
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var units = Units(text)
        while let unit = units.next() { scalars.append(unit.scalar) }
        return String(scalars)
    }

    /// The normalised scalars of a text, each with the UTF-16 range, in the original text,
    /// of the character it comes from. An iterator rather than a callback, so that the
    /// tokenizer's loop keeps its state in local variables.
    struct Units: IteratorProtocol {
        private var scalars: String.UnicodeScalarView.Iterator
        private var lookahead: Unicode.Scalar?
        private var offset = 0
        private var marks: [Unicode.Scalar] = []
        /// Scalars of a unit that normalised to several (`㈠` → `(一)`), still to be returned.
        private var pending: [Unicode.Scalar] = []
        private var pendingIndex = 0
        private var pendingStart = 0

        init(_ text: String) {
            scalars = text.unicodeScalars.makeIterator()
            lookahead = scalars.next()
        }

        mutating func next() -> (start: Int, end: Int, scalar: Unicode.Scalar)? {
            if pendingIndex < pending.count {
                pendingIndex += 1
                return (pendingStart, offset, pending[pendingIndex - 1])
            }
            while let base = lookahead {
                let start = offset
                offset += utf16Length(base)
                lookahead = scalars.next()
                if let scalar = lookahead, isCombining(scalar) {
                    marks.removeAll(keepingCapacity: true)
                    while let scalar = lookahead, isCombining(scalar) {
                        marks.append(scalar)
                        offset += utf16Length(scalar)
                        lookahead = scalars.next()
                    }
                } else if let fast = fastNormalized(base) {
                    return (start, offset, fast)
                } else {
                    marks.removeAll(keepingCapacity: true)
                }
                var unit = String.UnicodeScalarView()
                unit.append(base)
                unit.append(contentsOf: marks)
                pending = Array(String(unit).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
                pendingStart = start
                guard !pending.isEmpty else { continue }
                pendingIndex = 1
                return (start, offset, pending[0])
            }
            return nil
        }
    }

    /// The class of a normalised scalar.
    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar) -> Class {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x09...0x0D, 0x20: return .space
            default: return .separator
            }
        }
        if isBigramScript(value) { return .han }
        switch value {
        case 0x302A...0x302F: return .mark
        case 0x3000...0x303F, 0x2010...0x2027, 0x2030...0x205E: return .separator
        case 0x2028, 0x2029: return .space
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .format:
            return .ignorable
        default:
            return .separator
        }
    }

    /// Han ideographs (unified, extensions, compatibility), 々, 〇, Hangzhou numerals, kana
    /// and Hangul syllables: the scripts written without spaces between words.
    @inline(__always)
    static func isBigramScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x323AF, 0xF900...0xFAFF, 0x2F800...0x2FA1F,
             0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,
             0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF,
             0xAC00...0xD7A3:
            return true
        default:
            return false
        }
    }

    /// The NFKC-lowercase form of a lone scalar when it is cheap to know, else `nil`.
    @inline(__always)
    private static func fastNormalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A:
            return Unicode.Scalar(value + 0x20)
        case 0x00..<0x80, 0x4E00...0x9FFF, 0x3400...0x4DBF:
            return scalar
        case 0xFF01...0xFF5E:   // full-width ASCII → ASCII
            let ascii = value - 0xFEE0
            return Unicode.Scalar((0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii)
        case 0x3000:            // ideographic space
            return " "
        case 0x3001...0x3004, 0x3008...0x3011, 0x3014...0x301F, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D:
            return scalar       // CJK punctuation and quotes NFKC leaves alone
        default:
            return nil
        }
    }

    /// Whether `scalar` belongs to the character before it (a combining mark).
    @inline(__always)
    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0..<0x300, 0x2000...0x206F, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF01...0xFF5E: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    static func utf16Length(_ scalar: Unicode.Scalar) -> Int { scalar.value > 0xFFFF ? 2 : 1 }
}
