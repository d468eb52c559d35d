import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiDemo
import LvzhiStorage
import Notices
@testable import Archive
@testable import Proposals

/// Every record read from the database is decoded by ``LvzhiRowDecoder``; it must give what
/// GRDB's own `Decodable` decoding gives, for every kind of record and every row of the demo.
@Suite("记录解码：与 GRDB 的解码相同")
struct RowDecoderTests {
    /// The row of every record of the demo (all ten offices, a year of proposals, the archive).
    static let demo: (folder: URL, host: LvzhiHost) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-decoder-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("demo.sqlite").path
        let plugins = [NoticesPlugin.manifest, ProposalsPlugin.manifest, ArchivePlugin.manifest]
        var builder = DemoBuilder(path: path, plugins: plugins)
        builder.cityMembers = 120
        _ = try! builder.build(replace: false)
        return (folder, try! LvzhiHost(path: path, plugins: plugins))
    }()

    /// Decodes every row of `R`'s table both ways and compares the records as JSON; returns how many.
    @discardableResult
    func same<R: LvzhiRecord>(_ type: R.Type, sql: String? = nil, db: Database) throws -> Int {
        let rows = try Row.fetchAll(db, sql: sql ?? "SELECT * FROM \(R.databaseTableName)")
        for row in rows {
            let ours = try R(row: row)
            let grdb = try FetchableRecordDecoder().decode(R.self, from: row)
            #expect(ours.jsonText() == grdb.jsonText(), "\(R.self)：\(row)")
        }
        return rows.count
    }

    @Test("每种记录的每一行")
    func everyRecord() throws {
        try Self.demo.host.read { db in
            #expect(try same(Member.self, db: db) > 1000)
            #expect(try same(Proposal.self, db: db) > 200)
            #expect(try same(DescriptionUnit.self, db: db) > 10)
            // The other kinds of record (some may have no rows in the demo; each row there is compared).
            let others: [any LvzhiRecord.Type] = [
                Term.self, Sector.self, Committee.self, ActivityGroup.self, HandlingUnit.self, DutyRecord.self,
                PlenarySession.self, User.self, RoleGrant.self, Notice.self, OfficeScript.self, ProposalProposer.self,
                ProposalStep.self, ProposalUnit.self, ProposalReply.self, ProposalRating.self, ProposalContact.self, ProposalSupervision.self,
                ProposalReviewer.self, Accession.self, ArchiveAgent.self, AgentLink.self, ArchiveSubmission.self, CollectionPlan.self,
                SolicitationCampaign.self, DigitalFile.self, FixityEvent.self, EditorialReview.self, EditedVersion.self, OralHistoryInterview.self,
                OralHistorySegment.self, OralHistoryTranscript.self, Volume.self, VolumeItem.self, Exhibition.self, ExhibitionSection.self,
                ExhibitionItem.self, UseRequest.self,
            ]
            for type in others { _ = try same(type, db: db) }
        }
    }

    @Test("其他形状的行：多出的列（联表）、列顺序不同、同一语句的许多行、缺列与类型不符时的错误")
    func otherRows() throws {
        try Self.demo.host.read { db in
            // Extra columns of a join, as the roster view reads members.
            #expect(try same(Member.self, sql: "SELECT m.*, o.code AS office_code, s.name AS sector_name FROM members m JOIN offices o ON o.id = m.office_id JOIN sectors s ON s.id = m.sector_id", db: db) > 1000)
            // The same columns in another order, then the usual order again (the layout cache must follow).
            let columns = try db.columns(in: "proposals").map(\.name)
            #expect(try same(Proposal.self, sql: "SELECT \(columns.reversed().joined(separator: ", ")) FROM proposals", db: db) > 200)
            #expect(try same(Proposal.self, db: db) > 200)
            // Through a cursor: one statement's rows.
            let cursor = try Proposal.fetchCursor(db)
            var count = 0
            while let proposal = try cursor.next() { count += 1; #expect(proposal.id != nil) }
            #expect(count > 200)
            // A missing column and a NULL in a required one are errors, as with GRDB.
            let missing = try #require(try Row.fetchOne(db, sql: "SELECT id, name FROM members LIMIT 1"))
            #expect(throws: (any Error).self) { try Member(row: missing) }
            let memberColumns = try db.columns(in: "members").map { $0.name == "name" ? "NULL AS name" : $0.name }
            let null = try #require(try Row.fetchOne(db, sql: "SELECT \(memberColumns.joined(separator: ", ")) FROM members LIMIT 1"))
            #expect(throws: (any Error).self) { try Member(row: null) }
            // Two columns of the same name: the first one counts, as with GRDB.
            let twice = try #require(try Row.fetchOne(db, sql: "SELECT m.*, NULL AS name FROM members m LIMIT 1"))
            #expect(try Member(row: twice).jsonText() == (try FetchableRecordDecoder().decode(Member.self, from: twice)).jsonText())
        }
    }
}
