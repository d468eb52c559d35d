/// One document found by ``FullTextIndex/search(_:filter:limit:offset:style:db:)``.
public struct FullTextHit: Hashable, Sendable {
    /// The document's id, as given to ``FullTextIndex/index(id:fields:db:)``.
    public let id: Int64
    /// The relevance: the negated bm25 score with the index's field weights, so higher is
    /// better. Comparable only between hits of the same query.
    public let score: Double
    /// The field the snippet is taken from: the one that holds the most terms of the query
    /// (the heavier field on a tie).
    public let field: String
    /// A short passage of the original text around the terms, each occurrence wrapped in
    /// the style's markers: `…在【文史】资料的征集…`.
    public let snippet: String
    /// The fields that contain at least one term, in the index's order.
    public let matchedFields: [String]
}

/// How snippets are cut and marked.
public struct SnippetStyle: Hashable, Sendable {
    /// Put before each occurrence of a term.
    public var open: String
    /// Put after each occurrence of a term.
    public var close: String
    /// Put where the passage is cut from a longer text.
    public var ellipsis: String
    /// The length of the passage, in characters of the original text (markers not counted);
    /// it grows by up to half again to show an occurrence cut at its end whole.
    public var length: Int

    /// A style; the default marks with 【】 and cuts 48 characters.
    public init(open: String = "【", close: String = "】", ellipsis: String = "…", length: Int = 48) {
        self.open = open
        self.close = close
        self.ellipsis = ellipsis
        self.length = max(length, 1)
    }
}
