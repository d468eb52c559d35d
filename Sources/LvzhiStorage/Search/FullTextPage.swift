/// One page of a search and the number of all hits it is a page of, from one evaluation of
/// the query (``FullTextIndex/page(_:filter:limit:offset:style:db:)``).
public struct FullTextPage: Hashable, Sendable {
    /// The hits of the page, best first.
    public let hits: [FullTextHit]
    /// How many documents match the query and the filter in all.
    public let total: Int

    /// A page of `hits` out of `total`.
    public init(hits: [FullTextHit], total: Int) {
        self.hits = hits
        self.total = total
    }
}
