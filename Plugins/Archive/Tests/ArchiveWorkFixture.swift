import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Helpers for oral histories, editorial work, volumes, exhibitions and requests, on top of
/// ``ArchiveFixture``: agents, an interview with a transcript, a reviewed unit.
extension ArchiveFixture {
    /// Adds a person agent as the archivist (linked to `member` when given).
    func person(_ name: String, member: Int64? = nil) throws -> ArchiveAgent {
        try write { tx in try AgentStore.add(officeCode: "ordos", kind: "person", name: name, memberID: member, tx: tx) }
    }

    /// Registers an interview whose narrator is member `narratorMember` (or agent `narrator`), with a new unit `code`.
    func interview(_ code: String, title: String, narrator: Int64? = nil, narratorMember: Int64? = nil, interviewer: Int64,
                   duration: String? = "01:00:00", consent: Bool = true, parent: Int64? = nil, secrecy: String? = nil,
                   openness: String? = nil, accession: Int64? = nil, date: String = "2026-01-15") throws -> OralHistoryInterview {
        try write { tx in
            try OralHistoryStore.add(officeCode: "ordos", InterviewInput(
                unit: UnitInput(parentID: parent, referenceCode: code, title: title, secrecy: secrecy, openness: openness, accessionID: accession),
                narratorID: narrator, narratorMemberID: narratorMember, interviewerID: interviewer, interviewedOn: date, place: "东胜区",
                duration: duration, dialect: "鄂尔多斯方言", consentGiven: consent), tx: tx)
        }
    }

    /// Adds the next transcript version of `interview`.
    @discardableResult
    func transcribe(_ interview: Int64, _ text: String, note: String? = nil) throws -> OralHistoryTranscript {
        try write { tx in try OralHistoryTranscriptStore.add(interviewID: interview, text: text, note: note, tx: tx) }
    }

    /// Records a round of review of `unit`.
    @discardableResult
    func review(_ unit: Int64, _ decision: String, note: String? = nil, reviewers: [String] = ["张编审", "李编审"]) throws -> EditorialReview {
        try write { tx in try EditorialReviewStore.add(unitID: unit, decision: decision, reviewers: reviewers, note: note, tx: tx) }
    }

    /// Adds a volume of 鄂尔多斯文史资料.
    func volume(_ number: Int, _ title: String = "改革开放亲历记") throws -> Volume {
        try write { tx in try VolumeStore.add(officeCode: "ordos", VolumeInput(series: "鄂尔多斯文史资料", number: number, title: title,
                                                                              publishedOn: "2026-06", editors: ["张编审"]), tx: tx) }
    }

    /// Puts `unit` on pages `from`–`to` of `volume`.
    @discardableResult
    func include(_ unit: Int64, in volume: Int64, _ from: Int, _ to: Int) throws -> VolumeItem {
        try write { tx in try VolumeStore.addItem(volumeID: volume, VolumeItemInput(unitID: unit, pageFrom: from, pageTo: to), tx: tx) }
    }

    /// An accession with the given restrictions.
    func accession(_ title: String, _ restriction: RestrictionInput? = nil) throws -> Accession {
        try write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: title, acquisition: "捐赠", restriction: restriction), tx: tx) }
    }

    /// The ids of units found by `query` for `user`.
    func found(_ query: String, as user: String = "dangan") throws -> [Int64] {
        try read(user) { c, db in try ArchiveSearch.search(query, officeCode: "ordos", limit: 50, context: c, db: db).hits.map(\.id) }
    }
}

/// The refusal `body` throws, for checking its code and message.
func refusal(_ body: () throws -> Void) -> LvzhiError? {
    do { try body() } catch let error as LvzhiError { return error } catch { return LvzhiError(.storage, "\(error)") }
    return nil
}
