import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Archive

/// The archive's search as users run it (`lvzhi archive search`, `lvzhi.archive.search`): how
/// SQLite executes it, read from `EXPLAIN QUERY PLAN` of the statements it really runs, and
/// which hits a member's pages hold. Nothing here measures time.
@Suite("文史资料：检索的执行计划与分页")
final class ArchiveSearchPlanTests {
    let f: ArchiveFixture
    /// Every paragraph of the seed documents is a unit; a third are classified, some closed,
    /// some under an access restriction that still holds.
    var hidden: Set<Int64> = []

    init() throws {
        f = try ArchiveFixture(label: "archive-search-plan")
        let fonds = try f.unit("全宗", "WS", "政协制度文件汇集")
        let restriction = try f.write { tx in
            try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "限制开放的文件", acquisition: "捐赠",
                restriction: RestrictionInput(access: true, accessNote: "十年后开放"))
            , tx: tx)
        }
        var paragraphs: [String] = []
        for (_, text) in try ArchiveFixture.seeds() {
            paragraphs += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 8 }
        }
        hidden = try f.write { tx in
            var hidden: Set<Int64> = []
            for (index, paragraph) in paragraphs.enumerated() {
                let secret = index % 3 == 0, closed = index % 11 == 0, restricted = index % 7 == 0
                let unit = try DescriptionStore.add(officeCode: "ordos", UnitInput(
                    level: "件", parentID: fonds.id, referenceCode: "WS-\(index + 1)", title: String(paragraph.prefix(20)),
                    secrecy: secret ? "秘密" : nil, openness: closed ? "不开放" : nil,
                    accessionID: restricted ? restriction.id : nil, body: paragraph), tx: tx)
                if secret || closed || restricted { hidden.insert(unit.id!) }
            }
            return hidden
        }
    }

    func search(_ query: String, as user: String, limit: Int, offset: Int = 0) throws -> (hits: [ArchiveSearchHit], total: Int) {
        try f.read(user) { c, db in try ArchiveSearch.search(query, officeCode: "ordos", limit: limit, offset: offset, context: c, db: db) }
    }

    @Test("访问条件按每条命中在可见性索引中查找，不交给 FTS5、不扫描全部条目；一页及总数只执行一次 MATCH")
    func oneMatchPerSearch() throws {
        let fts = ArchiveSearch.index.ftsTable
        for user in ["weiyuan", "dangan"] {
            for query in ["委员", "文史资料", "政协 工作", "会"] {
                let traced = try f.read(user) { c, db in
                    try statements(on: db, containing: "MATCH") {
                        _ = try ArchiveSearch.search(query, officeCode: "ordos", limit: 20, context: c, db: db)
                    }
                }
                #expect(traced.count == 1, "\(user)「\(query)」：检索与总数只用一条语句")
                for statement in traced {
                    let plan = statement.plan.joined(separator: "\n")
                    let scans = statement.ftsConstraints(fts)
                    #expect(scans.count == 1, "\(user)「\(query)」：FTS5 表只扫描一次\n\(plan)")
                    #expect(scans.allSatisfy { $0.contains("M") && !$0.contains(where: { "=<>".contains($0) }) },
                            "\(user)「\(query)」：FTS5 只得到 MATCH，不得到 rowid 条件\n\(plan)")
                    // Units are read only by the id of a hit, in the narrow visibility index: never
                    // listed (by office, or all of them), and their wide rows are not read.
                    let unitAccess = statement.plan.filter { $0 == "SCAN u" || $0.hasPrefix("SCAN u ") || $0.hasPrefix("SEARCH u ") }
                    #expect(!unitAccess.isEmpty && unitAccess.allSatisfy { $0.hasPrefix("SEARCH u USING COVERING INDEX \(ArchiveSearch.visibilityIndex) (id=?") },
                            "\(user)「\(query)」：访问条件应按命中的 ID 在可见性索引中查找条目，而不是列出全部可见条目或读取整行\n\(plan)")
                }
            }
        }
    }

    @Test("委员的每一页正是可见条目按相关度排序后的那一段；总数不含看不到的条目")
    func membersPagesAreTheVisibleHitsInOrder() throws {
        for query in ["委员", "文史", "政协 工作", "会"] {
            let all = try search(query, as: "dangan", limit: 1000)
            #expect(all.total == all.hits.count)
            let visible = all.hits.filter { !hidden.contains($0.id) }
            #expect(!visible.isEmpty && visible.count < all.hits.count, "「\(query)」：应有一部分命中对委员隐藏")
            for (limit, offset) in [(1, 0), (5, 0), (5, 5), (7, 3), (20, 0), (5, max(0, visible.count - 2)), (5, visible.count), (0, 0)] {
                let page = try search(query, as: "weiyuan", limit: limit, offset: offset)
                #expect(page.hits == Array(visible.dropFirst(offset).prefix(limit)), "「\(query)」 limit \(limit) offset \(offset)")
                #expect(page.total == visible.count, "「\(query)」 limit \(limit) offset \(offset)")
            }
        }
    }
}
