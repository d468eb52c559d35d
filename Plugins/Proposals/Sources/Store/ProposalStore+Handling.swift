import GRDB
import LvzhiCore
import LvzhiStorage

/// The handling steps and reports, each in its own transaction, for the CLI (scripts call the
/// in-transaction functions of ``ProposalHandling``, ``ProposalReplies`` … directly).
extension ProposalStore {
    /// Assigns filed proposal `id` to `lead` and `coHandlers` (交办).
    @discardableResult
    public func assign(id: Int64, lead: String, coHandlers: [String] = []) throws -> [ProposalUnit] {
        try host.write(as: context) { tx in try ProposalHandling.assign(id: id, lead: lead, coHandlers: coHandlers, tx: tx) }
    }

    /// Applies unit step `action` to proposal `id` (see ``UnitWorkflow``).
    @discardableResult
    public func apply(_ action: UnitAction, id: Int64, _ input: UnitStepInput = UnitStepInput()) throws -> ProposalUnit {
        try host.write(as: context) { tx in try ProposalHandling.apply(action, id: id, input, tx: tx) }
    }

    /// The acting unit accepts proposal `id`.
    @discardableResult
    public func accept(id: Int64) throws -> ProposalUnit { try apply(.accept, id: id) }

    /// The acting unit returns proposal `id` (within the allowed days).
    @discardableResult
    public func giveBack(id: Int64, reason: String) throws -> ProposalUnit { try apply(.giveBack, id: id, UnitStepInput(note: reason)) }

    /// The acting lead unit replies to proposal `id`.
    @discardableResult
    public func reply(id: Int64, _ reply: ReplyInput) throws -> ProposalUnit { try apply(.reply, id: id, UnitStepInput(reply: reply)) }

    /// Publishes the pending replies of proposal `id`.
    @discardableResult
    public func publish(id: Int64) throws -> Int {
        try host.write(as: context) { tx in try ProposalReplies.publish(id: id, tx: tx) }
    }

    /// Publishes every pending reply of the office (of proposals submitted in `year`).
    public func publishAll(officeCode: String, year: Int? = nil) throws -> [Int64] {
        try host.write(as: context) { tx in try ProposalReplies.publishAll(officeCode: officeCode, year: year, tx: tx) }
    }

    /// Rates the published reply of proposal `id`.
    @discardableResult
    public func rate(id: Int64, rating: String, memberID: Int64? = nil, comment: String? = nil) throws -> ProposalRating {
        try host.write(as: context) { tx in try ProposalRatings.rate(id: id, rating: rating, memberID: memberID, comment: comment, tx: tx) }
    }

    /// Marks proposal `id` as a key proposal.
    @discardableResult
    public func markKey(id: Int64, year: Int, supervisorMemberID: Int64? = nil, supervisor: String? = nil, mode: String? = nil) throws -> Proposal {
        try host.write(as: context) { tx in
            try KeyProposals.mark(id: id, year: year, supervisorMemberID: supervisorMemberID, supervisor: supervisor, mode: mode, tx: tx)
        }
    }

    /// Takes proposal `id` off the key proposals.
    @discardableResult
    public func unmarkKey(id: Int64, reason: String) throws -> Proposal {
        try host.write(as: context) { tx in try KeyProposals.unmark(id: id, reason: reason, tx: tx) }
    }

    /// Records a supervision note on proposal `id`.
    @discardableResult
    public func supervise(id: Int64, note: String, on date: String? = nil) throws -> ProposalSupervision {
        try host.write(as: context) { tx in try KeyProposals.supervise(id: id, note: note, on: date, tx: tx) }
    }

    /// Sets the public and excellent flags of proposal `id`.
    @discardableResult
    public func flag(id: Int64, isPublic: Bool? = nil, reason: String? = nil, isExcellent: Bool? = nil) throws -> Proposal {
        try host.write(as: context) { tx in try ProposalFlags.set(id: id, isPublic: isPublic, reason: reason, isExcellent: isExcellent, tx: tx) }
    }

    /// Records a contact with the proposer on proposal `id`.
    @discardableResult
    public func contact(id: Int64, _ input: ContactInput) throws -> ProposalContact {
        try host.write(as: context) { tx in try ProposalContacts.add(id: id, input, tx: tx) }
    }

    /// Everything about proposal `id`.
    public func detail(id: Int64) throws -> ProposalDetail {
        try host.read { db in try ProposalDetail.load(id, context: context, db: db) }
    }

    /// The units of proposal `id`.
    public func units(of id: Int64) throws -> [(unit: String, part: ProposalUnit)] {
        try host.read { db in
            _ = try Self.load(id, context: context, permission: ProposalsPlugin.read, db: db)
            return try ProposalHandling.units(of: id, db: db)
        }
    }

    /// Proposals like proposal `id` (the duplicate warning).
    public func similar(id: Int64) throws -> [SimilarProposal] {
        try host.read { db in try SimilarProposals.find(id: id, context: context, db: db) }
    }

    /// Reads something of office `officeCode` once the acting user may read its proposals, within
    /// what he may see of them (``ProposalAccess``).
    public func report<T>(officeCode: String, _ body: (ProposalAccess.Scope, Database) throws -> T) throws -> T {
        try host.read { db in try body(try ProposalAccess.scope(context, office: try Office.find(code: officeCode, db: db), db: db), db) }
    }
}
