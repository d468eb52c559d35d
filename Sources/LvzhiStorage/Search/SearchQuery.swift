import LvzhiCore

/// A search request parsed into the phrases the index looks up.
///
/// The rules (docs/search.md, 「检索规则」):
/// - The query is normalised like the documents (``SearchText``): `２０２１年` is `2021年`,
///   `ＡＢＣ` is `abc`.
/// - Whitespace separates terms; a document must contain every term (AND).
/// - Within a term, a Han run of n ≥ 2 characters is the phrase of its n − 1 bigrams
///   (`文史资料` → `"文史 史资 资料"`); a term of one Han character is a prefix query that
///   finds every occurrence of that character (`"史"*`, see ``BigramTokenizer``).
/// - Words of letters and digits match whole words (`2021` does not find `12021`), and a
///   change between Han and a word is a boundary, so `2021年政协` is the phrase
///   `"2021 年政 政协"`, found in `2021年政协` and in `2021 年政协`.
/// - Punctuation inside a term keeps the parts in order and adjacent, with punctuation or
///   whitespace between them in the document: `文史、资料` finds `文史、资料`, `文史，资料`
///   and `文史 资料`, but not `文史资料` (search for that without the 、), nor 文史 and 资料
///   far apart (search `文史 资料` with a space for that).
public struct SearchQuery: Hashable, Sendable {
    /// One term: tokens that must appear consecutively in one field of a document.
    public struct Term: Hashable, Sendable {
        /// The normalised text of the term as typed (`2021年政协`).
        public let text: String
        /// The tokens, in order.
        public let tokens: [String]
        /// Whether the last token is a prefix: the term ends in a lone Han character, which
        /// may be the first character of a bigram in the document.
        public let lastIsPrefix: Bool
    }

    /// The longest query accepted, in characters.
    public static let maximumLength = 200
    /// The most terms a query may have.
    public static let maximumTerms = 16

    /// The query as given.
    public let text: String
    /// The terms, each found in the document (AND), duplicates removed.
    public let terms: [Term]

    /// Parses `text`.
    /// - Throws: ``LvzhiError`` (`invalid_input`) when the query is too long or holds no
    ///   character to search for (only punctuation or spaces).
    public init(_ text: String) throws {
        self.text = text
        guard text.count <= Self.maximumLength else {
            throw LvzhiError.invalid("检索词", String(text.prefix(20)) + "…", "过长（最多 \(Self.maximumLength) 个字）",
                                     hint: "请只输入要找的关键词")
        }
        var terms: [Term] = []
        let pieces = SearchText.normalize(text).split(whereSeparator: { $0.isWhitespace })
        for piece in pieces {
            guard let term = Self.term(String(piece)), !terms.contains(term) else { continue }
            terms.append(term)
        }
        guard !terms.isEmpty else {
            throw LvzhiError.invalid("检索词", text, "没有可检索的文字", hint: "请输入汉字、字母或数字（只有标点和空格的检索词无从检索）")
        }
        guard terms.count <= Self.maximumTerms else {
            throw LvzhiError.invalid("检索词", text, "关键词过多（最多 \(Self.maximumTerms) 个）")
        }
        self.terms = terms
    }

    /// The term of one whitespace-free piece of the query, or `nil` when it holds only punctuation.
    private static func term(_ piece: String) -> Term? {
        struct Segments: BigramTokenizer.SegmentSink {
            var list: [(han: [Unicode.Scalar]?, word: String)] = []
            var isDone: Bool { false }
            mutating func han(_ characters: [Unicode.Scalar], starts: [Int], ends: [Int]) { list.append((characters, "")) }
            mutating func word(_ scalars: [Unicode.Scalar], start: Int, end: Int) {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars)
                list.append((nil, String(text)))
            }
        }
        var sink = Segments()
        BigramTokenizer.scan(piece, into: &sink)
        let segments = sink.list
        guard !segments.isEmpty else { return nil }
        var tokens: [String] = []
        var prefix = false
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            guard let chars = segment.han else {
                tokens.append(segment.word)
                continue
            }
            for i in 0..<(chars.count - 1) {
                var pair = String.UnicodeScalarView()
                pair.append(chars[i])
                pair.append(chars[i + 1])
                tokens.append(String(pair))
            }
            if !isLast {
                // The run ends inside the query, so in the document it ends too: its unigram follows.
                tokens.append(String(chars[chars.count - 1]))
            } else if chars.count == 1 {
                // A lone Han character at the end may be followed by more Han in the document.
                tokens.append(String(chars[0]))
                prefix = true
            }
        }
        return Term(text: piece, tokens: tokens, lastIsPrefix: prefix)
    }

    /// The FTS5 MATCH expression: each term a quoted phrase, the terms joined by AND.
    /// Tokens hold only letters, digits and Han, never quotes or FTS5 operators.
    public var matchExpression: String {
        terms.map { term in
            "\"" + term.tokens.joined(separator: " ") + "\"" + (term.lastIsPrefix ? "*" : "")
        }.joined(separator: " AND ")
    }

    /// Where the terms occur in `text` (one field): each occurrence's term and UTF-16 range in
    /// the original text, in the order they end. With `enough`, the scan stops once every term
    /// has been seen and `enough` more UTF-16 units have passed (a snippet needs no more).
    func occurrences(in text: String, enough: Int? = nil) -> [(term: Int, range: Range<Int>)] {
        var finder = OccurrenceFinder(self, enough: enough)
        BigramTokenizer.scan(text, into: &finder)
        return finder.found
    }
}

/// Matches a query's terms against the tokens of a text as the tokenizer produces them,
/// comparing scalars rather than building a string per token.
private struct OccurrenceFinder: BigramTokenizer.SegmentSink {
    /// A token as compared: two Han characters, one, or a word.
    enum Key: Equatable {
        case pair(Unicode.Scalar, Unicode.Scalar)
        case single(Unicode.Scalar)
        case word([Unicode.Scalar])

        init(_ token: String) {
            let scalars = Array(token.unicodeScalars)
            if SearchText.classify(scalars[0]) == .han {
                self = scalars.count == 2 ? .pair(scalars[0], scalars[1]) : .single(scalars[0])
            } else {
                self = .word(scalars)
            }
        }

        var first: Unicode.Scalar? {
            switch self {
            case .pair(let a, _), .single(let a): return a
            case .word: return nil
            }
        }
    }

    let terms: [(keys: [Key], prefix: Bool)]
    let longest: Int
    let enough: Int?
    /// The last `longest` tokens: key, start, end, end of the first character.
    var recent: [(key: Key, start: Int, end: Int, firstEnd: Int)] = []
    var found: [(term: Int, range: Range<Int>)] = []
    var seen: [Bool]
    var unseen: Int
    var stopAt = Int.max
    var position = 0

    init(_ query: SearchQuery, enough: Int?) {
        terms = query.terms.map { ($0.tokens.map(Key.init), $0.lastIsPrefix) }
        longest = terms.map(\.keys.count).max() ?? 1
        self.enough = enough
        seen = Array(repeating: false, count: terms.count)
        unseen = terms.count
        recent.reserveCapacity(longest + 1)
    }

    var isDone: Bool { position >= stopAt }

    mutating func push(_ key: Key, start: Int, end: Int, firstEnd: Int) {
        if recent.count == longest { recent.removeFirst() }
        recent.append((key, start, end, firstEnd))
        position = end
        for (index, term) in terms.enumerated() where term.keys.count <= recent.count {
            let base = recent.count - term.keys.count
            var matches = true
            for (offset, wanted) in term.keys.enumerated() {
                let token = recent[base + offset].key
                if offset == term.keys.count - 1 && term.prefix {
                    if token.first != wanted.first { matches = false; break }
                } else if token != wanted {
                    matches = false
                    break
                }
            }
            guard matches else { continue }
            let last = recent[recent.count - 1]
            found.append((index, recent[base].start..<(term.prefix ? last.firstEnd : last.end)))
            if !seen[index] {
                seen[index] = true
                unseen -= 1
                if unseen == 0, let enough { stopAt = end + enough }
            }
        }
    }

    mutating func han(_ characters: [Unicode.Scalar], starts: [Int], ends: [Int]) {
        for i in 0..<(characters.count - 1) {
            push(.pair(characters[i], characters[i + 1]), start: starts[i], end: ends[i + 1], firstEnd: ends[i])
        }
        let last = characters.count - 1
        push(.single(characters[last]), start: starts[last], end: ends[last], firstEnd: ends[last])
    }

    mutating func word(_ scalars: [Unicode.Scalar], start: Int, end: Int) {
        push(.word(scalars), start: start, end: end, firstEnd: end)
    }
}
