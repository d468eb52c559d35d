import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// A proposal that looks like another, with how alike their titles are (0–1).
public struct SimilarProposal: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var status: String
    public var numberLabel: String?
    public var similarity: Double
}

/// The duplicate warning before submission: existing proposals of the same term whose titles
/// share most of their character pairs (Dice coefficient over bigrams, after the 关于…的建议
/// frame is stripped), so that 关于加强草原生态保护的建议 finds 关于草原生态保护的建议.
public enum SimilarProposals {
    /// How alike two titles must be to be shown.
    public static let threshold = 0.5

    /// Proposals in `scope` like `title` of term `termID` (not drafts or withdrawn ones), most alike first.
    public static func find(title: String, scope: ProposalAccess.Scope, termID: Int64, excluding: Int64?, limit: Int = 5, db: Database) throws -> [SimilarProposal] {
        let wanted = bigrams(title)
        guard !wanted.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, title, status, number_label FROM proposals p
            WHERE p.term_id = \(termID) AND p.status NOT IN ('draft', 'withdrawn') AND p.id != \(excluding ?? 0) AND \(scope.condition())
            """))
        return rows.compactMap { row -> SimilarProposal? in
            let other = bigrams(row["title"])
            let score = dice(wanted, other)
            guard score >= threshold else { return nil }
            let raw: String = row["status"]
            let status = ProposalStatus(rawValue: raw)?.title ?? raw
            return SimilarProposal(id: row["id"], title: row["title"], status: status, numberLabel: row["number_label"],
                                   similarity: (score * 100).rounded() / 100)
        }
        .sorted { ($0.similarity, -$0.id) > ($1.similarity, -$1.id) }
        .prefix(limit).map { $0 }
    }

    /// Proposals like proposal `id`.
    public static func find(id: Int64, context: AccessContext, db: Database) throws -> [SimilarProposal] {
        let (proposal, office, _) = try ProposalAccess.load(id, context: context, db: db)
        return try find(title: proposal.title, scope: try ProposalAccess.scope(context, office: office, db: db), termID: proposal.termID, excluding: id, db: db)
    }

    /// The character pairs (and Latin words) of a title without its 关于…的建议 frame, from the
    /// platform's search tokenizer; a lone character counts as itself.
    static func bigrams(_ title: String) -> Set<String> {
        var core = title
        // A comma, not a space: the tokenizer joins Han characters across white space.
        for frame in ["关于", "的建议", "的提案", "的几点建议", "建议", "提案"] { core = core.replacingOccurrences(of: frame, with: "，") }
        let tokens = BigramTokenizer.tokens(in: core)
        let pairEnds = Set(tokens.filter { $0.kind == .bigram }.map(\.range.upperBound))
        return Set(tokens.filter { $0.kind != .unigram || !pairEnds.contains($0.range.upperBound) }.map(\.text))
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
