import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// A volume as listed.
public struct VolumeSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var series: String
    public var number: Int
    /// 《鄂尔多斯文史资料》第12辑.
    public var name: String
    public var title: String
    public var publishedOn: String?
    public var editors: String?
    public var isbn: String?
    public var notes: String?
    public var items: Int
    /// The last page used (0 when empty).
    public var pages: Int
}

/// A line of a volume's contents (目录).
public struct VolumeContentsLine: Codable, Sendable, Hashable {
    public var itemID: Int64
    public var pages: String
    public var pageFrom: Int
    public var pageTo: Int
    public var title: String
    public var author: String?
    /// The unit, when the reader may see it (a published piece's printed title is public; the unit may not be).
    public var unitID: Int64?
    public var referenceCode: String?
}

/// A volume with its contents in page order.
public struct VolumeContents: Codable, Sendable, Hashable {
    public var volume: VolumeSummary
    public var contents: [VolumeContentsLine]
}

/// Reading volumes: everyone who may read the archive sees volumes and their printed contents;
/// the units behind them only as far as ``ArchiveAccess`` lets them.
public enum VolumeQuery {
    /// The office's volumes (of one series), by series and number.
    public static func list(officeCode: String, series: String? = nil, context: AccessContext, db: Database) throws -> [VolumeSummary] {
        let office = try Office.authorized(code: officeCode, context, ArchivePlugin.read, db: db)
        var request = Volume.filter(Column("office_id") == office.id)
        if let series = series.flatMap(VolumeStore.seriesName) { request = request.filter(Column("series") == series) }
        return try request.order(Column("series"), Column("number")).fetchAll(db).map { try summary($0, db: db) }
    }

    /// Volume `id` with its contents.
    public static func contents(_ id: Int64, context: AccessContext, db: Database) throws -> VolumeContents {
        let volume = try Volume.find(id: id, db: db)
        let office = try Office.find(id: volume.officeID!, db: db)
        try AccessGate.authorize(context, ArchivePlugin.read, in: office, db: db)
        let seesAll = try ArchiveAccess.seesAll(context, office: office, db: db)
        let items = try VolumeItem.filter(Column("volume_id") == id).order(Column("page_from")).fetchAll(db)
        let lines = try items.map { item -> VolumeContentsLine in
            let unit = try DescriptionUnit.find(id: item.unitID, db: db)
            let visible = try seesAll || ArchiveAccess.isOpen(unit, db: db)
            return VolumeContentsLine(itemID: item.id!, pages: item.pages, pageFrom: item.pageFrom, pageTo: item.pageTo, title: item.printedTitle,
                                      author: item.printedAuthor, unitID: visible ? unit.id : nil, referenceCode: visible ? unit.referenceCode : nil)
        }
        return VolumeContents(volume: try summary(volume, db: db), contents: lines)
    }

    /// The contents of every volume of the office (of one series), volume by volume: the report 「各辑目录」.
    public static func report(officeCode: String, series: String? = nil, context: AccessContext, db: Database) throws -> [VolumeContents] {
        try list(officeCode: officeCode, series: series, context: context, db: db).map { try contents($0.id, context: context, db: db) }
    }

    static func summary(_ v: Volume, db: Database) throws -> VolumeSummary {
        let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, IFNULL(MAX(page_to), 0) AS last FROM archive_volume_items WHERE volume_id = ?", arguments: [v.id])!
        return VolumeSummary(id: v.id!, series: v.series, number: v.number, name: v.displayName, title: v.title, publishedOn: v.publishedOn,
                             editors: v.editors, isbn: v.isbn, notes: v.notes, items: row["n"], pages: row["last"])
    }
}
