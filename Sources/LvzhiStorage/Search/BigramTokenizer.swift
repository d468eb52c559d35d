/// A token of indexed text, with where it stands in the original (not the normalised) text.
public struct SearchToken: Hashable, Sendable {
    /// How the token was made.
    public enum Kind: Hashable, Sendable {
        /// Two consecutive characters of a Han run (`文史`).
        case bigram
        /// The last character of a Han run (and so the whole of a one-character run).
        case unigram
        /// A run of letters and digits of another script, lower case (`2021`, `abc`, `p4`).
        case word
    }

    /// The normalised text of the token, as it is stored in the index.
    public let text: String
    /// How the token was made.
    public let kind: Kind
    /// UTF-16 offsets of the token in the original text (`NSRange`-compatible).
    public let range: Range<Int>
    /// UTF-16 offset, in the original text, where the token's first character ends: a query
    /// of one Han character highlights only that character of a bigram.
    public let firstCharacterEnd: Int
}

/// Splits text into the tokens of the Chinese full-text index, in the manner of Lucene's
/// CJKAnalyzer.
///
/// - A Han run (Han with 〇 and 々, kana, Hangul syllables) becomes its overlapping bigrams
///   followed by a unigram of its last character: `文史资料` → `文史 史资 资料 料`; a
///   one-character run becomes that unigram. The trailing unigram makes every character of
///   the text the first character of some token, so a one-character query is a prefix query
///   (`"料"*`) that finds every occurrence and nothing else, at the cost of one token per run.
/// - A run of other letters and digits becomes one lower-case word (`2021`, `abc`, `p4`);
///   a change between Han and such a run is a boundary even without a space (`2021年`).
/// - Punctuation, symbols and whitespace separate. Whitespace between two Han characters
///   is ignored (`专门委员会 工作` is indexed like `专门委员会工作`), because in Chinese
///   text it is layout, not a word break.
///
/// Text is normalised by ``SearchText`` first; offsets refer to the original text.
public enum BigramTokenizer {
    /// Changes whenever the tokens made from a text change. An index records the version
    /// it was built with and is rebuilt when it differs (see ``FullTextIndex``): its removals
    /// re-tokenise the stored text and must produce the very tokens that were indexed.
    public static let version = 1

    /// The tokens of `text`, in order, with their offsets into `text`.
    public static func tokens(in text: String) -> [SearchToken] {
        var sink = TokenSink()
        scan(text, into: &sink)
        return sink.tokens
    }

    /// The tokens of `text` separated by spaces: what is stored in the FTS5 table, whose
    /// `ascii` tokenizer splits on the spaces and keeps every token as it is.
    public static func indexText(_ text: String) -> String {
        var sink = IndexTextSink()
        sink.bytes.reserveCapacity(text.utf8.count * 5 / 2 + 8)
        scan(text, into: &sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Receives the words and Han runs that ``scan(_:into:)`` finds, in order. The arrays
    /// are the scanner's buffers, valid only during the call.
    protocol SegmentSink {
        /// A Han run: its normalised characters and the UTF-16 start and end of each.
        mutating func han(_ characters: [Unicode.Scalar], starts: [Int], ends: [Int])
        /// A word: its normalised scalars and its UTF-16 range.
        mutating func word(_ scalars: [Unicode.Scalar], start: Int, end: Int)
        /// Whether the sink has seen enough; the scan then stops early.
        var isDone: Bool { get }
    }

    /// Finds the words and Han runs of `text` (see the type's rules) and hands them to `sink`.
    static func scan<Sink: SegmentSink>(_ text: String, into sink: inout Sink) {
        var characters: [Unicode.Scalar] = [], starts: [Int] = [], ends: [Int] = []
        var word: [Unicode.Scalar] = []
        var wordStart = 0, wordEnd = 0
        var spaceAfterHan = false
        var units = SearchText.Units(text)
        while let (start, end, scalar) = units.next() {
            switch SearchText.classify(scalar) {
            case .han:
                if !word.isEmpty {
                    sink.word(word, start: wordStart, end: wordEnd)
                    word.removeAll(keepingCapacity: true)
                    if sink.isDone { return }
                }
                spaceAfterHan = false
                characters.append(scalar)
                starts.append(start)
                ends.append(end)
            case .word:
                if !characters.isEmpty {
                    sink.han(characters, starts: starts, ends: ends)
                    characters.removeAll(keepingCapacity: true)
                    starts.removeAll(keepingCapacity: true)
                    ends.removeAll(keepingCapacity: true)
                    if sink.isDone { return }
                }
                if word.isEmpty { wordStart = start }
                word.append(scalar)
                wordEnd = end
            case .mark:
                if !word.isEmpty {
                    word.append(scalar)
                    wordEnd = end
                } else if !characters.isEmpty && !spaceAfterHan {
                    ends[ends.count - 1] = end   // a mark after a Han character (a variation selector) stays with it
                }
            case .ignorable:
                break
            case .space where !characters.isEmpty:
                spaceAfterHan = true
            case .space, .separator:
                if !characters.isEmpty {
                    sink.han(characters, starts: starts, ends: ends)
                    characters.removeAll(keepingCapacity: true)
                    starts.removeAll(keepingCapacity: true)
                    ends.removeAll(keepingCapacity: true)
                } else if !word.isEmpty {
                    sink.word(word, start: wordStart, end: wordEnd)
                    word.removeAll(keepingCapacity: true)
                }
                if sink.isDone { return }
            }
        }
        if !characters.isEmpty { sink.han(characters, starts: starts, ends: ends) }
        if !word.isEmpty { sink.word(word, start: wordStart, end: wordEnd) }
    }

    /// Collects ``SearchToken``s.
    private struct TokenSink: SegmentSink {
        var isDone: Bool { false }
        var tokens: [SearchToken] = []

        mutating func han(_ characters: [Unicode.Scalar], starts: [Int], ends: [Int]) {
            for i in 0..<(characters.count - 1) {
                var pair = String.UnicodeScalarView()
                pair.append(characters[i])
                pair.append(characters[i + 1])
                tokens.append(SearchToken(text: String(pair), kind: .bigram, range: starts[i]..<ends[i + 1], firstCharacterEnd: ends[i]))
            }
            let last = characters.count - 1
            tokens.append(SearchToken(text: String(characters[last]), kind: .unigram, range: starts[last]..<ends[last],
                                      firstCharacterEnd: ends[last]))
        }

        mutating func word(_ scalars: [Unicode.Scalar], start: Int, end: Int) {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            tokens.append(SearchToken(text: String(text), kind: .word, range: start..<end, firstCharacterEnd: end))
        }
    }

    /// Writes the tokens as UTF-8, separated by spaces.
    private struct IndexTextSink: SegmentSink {
        var bytes: [UInt8] = []
        var isDone: Bool { false }

        @inline(__always)
        mutating func put(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            switch value {
            case 0..<0x80:
                bytes.append(UInt8(value))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (value >> 6)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (value >> 12)))
                bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (value >> 18)))
                bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            }
        }

        @inline(__always)
        mutating func separate() { if !bytes.isEmpty { bytes.append(0x20) } }

        mutating func han(_ characters: [Unicode.Scalar], starts: [Int], ends: [Int]) {
            for i in 0..<(characters.count - 1) {
                separate()
                put(characters[i])
                put(characters[i + 1])
            }
            separate()
            put(characters[characters.count - 1])
        }

        mutating func word(_ scalars: [Unicode.Scalar], start: Int, end: Int) {
            separate()
            for scalar in scalars { put(scalar) }
        }
    }
}
