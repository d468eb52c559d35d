import GRDB
import LvzhiCore
import LvzhiStorage

/// A search result: the unit, how well it matched, and a snippet of the original text with the terms marked.
public struct ArchiveSearchHit: Codable, Sendable, Hashable {
    public var id: Int64
    public var referenceCode: String
    public var title: String
    public var level: String
    public var score: Double
    /// The field the snippet comes from (title, summary, subjects, body, transcript).
    public var field: String
    public var snippet: String
}

/// The archive's Chinese full-text search: one document per description unit, over its
/// title, summary, persons/places/subjects, its text and (for oral histories) the transcript.
/// Hidden units are filtered inside the query, before the limit (``ArchiveAccess``); the page
/// and its total come from one evaluation of the query (``FullTextIndex/page(_:filter:limit:offset:style:db:)``).
public enum ArchiveSearch {
    /// The index: titles weigh most, then summaries and index terms, then the texts.
    public static let index = FullTextIndex(name: "archive_search", fields: [
        FullTextField("title", weight: 8), FullTextField("summary", weight: 4), FullTextField("subjects", weight: 4),
        FullTextField("body", weight: 1), FullTextField("transcript", weight: 1),
    ])

    /// The index through which search checks a hit's visibility: the unit's id with the columns
    /// ``ArchiveAccess`` reads (office, openness, secrecy, accession). A search checks every hit,
    /// and looking units up by their key reads their rows, which hold the texts (a common word
    /// at 50,000 units read 100 MB of them); this index holds only what the check needs.
    /// SQLite always prefers the integer primary key for `u.id = ?`, so the search names it
    /// (`INDEXED BY`). A column added to the visibility rule belongs here too (a new migration).
    public static let visibilityIndex = "archive_units_visibility"

    /// The migration that creates ``visibilityIndex``.
    @Sendable public static func createVisibilityIndex(db: Database) throws {
        try db.create(index: visibilityIndex, on: "archive_units", columns: ["id", "office_id", "openness", "secrecy", "accession_id"])
    }

    /// (Re)indexes `unit` with its current transcript, if any.
    public static func index(_ unit: DescriptionUnit, transcript: String? = nil, db: Database) throws {
        let terms = [unit.persons, unit.places, unit.subjects, unit.creator].compactMap { $0 }.joined(separator: "、")
        var fields = ["title": unit.title, "summary": unit.summary ?? "", "subjects": terms, "body": unit.body ?? ""]
        fields["transcript"] = try transcript ?? currentTranscript(unitID: unit.id!, db: db) ?? ""
        try index.index(id: unit.id!, fields: fields, db: db)
    }

    /// Searches the office's units `context` may see.
    public static func search(_ query: String, officeCode: String, limit: Int = 20, offset: Int = 0, context: AccessContext,
                              db: Database) throws -> (hits: [ArchiveSearchHit], total: Int) {
        try NumberRange.check(limit, in: 0...NumberRange.limit.upperBound, field: "条数", hint: "如 --limit 20；0 只数总数")
        try NumberRange.check(offset, in: NumberRange.offset, field: "起始位置", hint: "如 --offset 20 看第二页")
        let office = try Office.find(code: officeCode, db: db)
        // Each hit's own unit, looked up by its id in the narrow visibility index: the cost grows
        // with the hits, not with the archive, and does not read the units' wide rows (see ``visibilityIndex``).
        let filter = SQL(sql: "EXISTS (SELECT 1 FROM archive_units u INDEXED BY \(visibilityIndex) WHERE u.id = doc_id AND ")
            + (try ArchiveAccess.visible(context, office: office, db: db)) + SQL(sql: ")")
        let page = try index.page(query, filter: filter, limit: limit, offset: offset, db: db)
        let hits = page.hits
        let units = try Dictionary(uniqueKeysWithValues: DescriptionUnit.fetchAll(db, keys: hits.map(\.id)).map { ($0.id!, $0) })
        return (hits.compactMap { hit in
            units[hit.id].map { ArchiveSearchHit(id: hit.id, referenceCode: $0.referenceCode, title: $0.title, level: $0.level.title,
                                                 score: hit.score, field: hit.field, snippet: hit.snippet) }
        }, page.total)
    }

    /// The latest transcript of the oral history described by unit `unitID`, if it is one.
    static func currentTranscript(unitID: Int64, db: Database) throws -> String? {
        return try String.fetchOne(db, sql: """
            SELECT t.text FROM archive_transcripts t JOIN archive_interviews i ON i.id = t.interview_id
            WHERE i.unit_id = ? ORDER BY t.version DESC LIMIT 1
            """, arguments: [unitID])
    }
}
