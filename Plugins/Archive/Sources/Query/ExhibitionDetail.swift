import GRDB
import LvzhiCore
import LvzhiStorage

/// An exhibition as listed.
public struct ExhibitionSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var venue: String
    public var opensOn: String
    public var closesOn: String?
    public var period: String
    public var notes: String?
    public var sections: Int
    public var items: Int
}

/// An exhibit as shown.
public struct ExhibitView: Codable, Sendable, Hashable {
    public var id: Int64
    public var position: Int
    public var label: String
    /// original or copy.
    public var form: String
    public var formTitle: String
    /// The unit, when the reader may see it (the label is public; the unit may not be).
    public var unitID: Int64?
    public var referenceCode: String?
}

/// A section with its exhibits.
public struct ExhibitionSectionView: Codable, Sendable, Hashable {
    public var id: Int64
    public var position: Int
    public var title: String
    public var introduction: String?
    public var items: [ExhibitView]
}

/// An exhibition with its sections and exhibits, in order.
public struct ExhibitionDetail: Codable, Sendable, Hashable {
    public var exhibition: ExhibitionSummary
    public var sections: [ExhibitionSectionView]
}

/// Reading exhibitions: everyone who may read the archive sees exhibitions and their labels;
/// the units behind the exhibits only as far as ``ArchiveAccess`` lets them.
public enum ExhibitionQuery {
    /// The office's exhibitions, latest opening first.
    public static func list(officeCode: String, context: AccessContext, db: Database) throws -> [ExhibitionSummary] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.read, db: db)
        return try Exhibition.filter(Column("office_id") == office.id).order(Column("opens_on").desc, Column("id").desc).fetchAll(db).map { try summary($0, db: db) }
    }

    /// Exhibition `id` with its sections and exhibits.
    public static func detail(_ id: Int64, context: AccessContext, db: Database) throws -> ExhibitionDetail {
        let exhibition = try Exhibition.find(id: id, db: db)
        let office = try Office.find(id: exhibition.officeID!, db: db)
        try AccessGate.authorize(context, ArchivePlugin.read, in: office, db: db)
        let seesAll = try ArchiveAccess.seesAll(context, office: office, db: db)
        let sections = try ExhibitionSection.filter(Column("exhibition_id") == id).order(Column("position")).fetchAll(db).map { section in
            let items = try ExhibitionItem.filter(Column("section_id") == section.id).order(Column("position")).fetchAll(db).map { item in
                let unit = try DescriptionUnit.find(id: item.unitID, db: db)
                let visible = try seesAll || ArchiveAccess.isOpen(unit, db: db)
                return ExhibitView(id: item.id!, position: item.position, label: item.label, form: item.form.rawValue, formTitle: item.form.title,
                                   unitID: visible ? unit.id : nil, referenceCode: visible ? unit.referenceCode : nil)
            }
            return ExhibitionSectionView(id: section.id!, position: section.position, title: section.title, introduction: section.introduction, items: items)
        }
        return ExhibitionDetail(exhibition: try summary(exhibition, db: db), sections: sections)
    }

    static func summary(_ e: Exhibition, db: Database) throws -> ExhibitionSummary {
        let sections = try ExhibitionSection.filter(Column("exhibition_id") == e.id).fetchCount(db)
        let items = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM archive_exhibition_items i JOIN archive_exhibition_sections s ON s.id = i.section_id WHERE s.exhibition_id = ?
            """, arguments: [e.id]) ?? 0
        return ExhibitionSummary(id: e.id!, title: e.title, venue: e.venue, opensOn: e.opensOn, closesOn: e.closesOn, period: e.period,
                                 notes: e.notes, sections: sections, items: items)
    }
}
