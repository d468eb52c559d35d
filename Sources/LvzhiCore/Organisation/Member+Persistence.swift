import Foundation
import GRDB

extension Member: ColumnOrderedRecord {
    /// The columns of `members` after `id`. The row is written column by column: the same
    /// values GRDB's `Codable` path writes (a test keeps the two equal), without its per-row
    /// encoding work, since rosters write thousands of members at once.
    public static let insertColumns = ["office_id", "term_id", "name", "gender", "ethnicity", "birth_date", "sector_id",
                                       "group_id", "drawn_committee_id", "party", "roles", "mobile", "email", "address",
                                       "created_at"]

    /// The values of ``insertColumns``; the roles column holds a JSON array, as GRDB writes any array.
    public var columnValues: [(any DatabaseValueConvertible)?] {
        [officeID, termID, name, gender, ethnicity, birthDate, sectorID, groupID, drawnCommitteeID, party,
         JSONObjectText.array(roles), mobile, email, address, createdAt]
    }

    /// The audit trail's JSON form, field by field: the same text as ``LvzhiRecord/codableJSONText()``
    /// (a test keeps the two equal) at a fraction of its cost, since a roster import audits every member.
    public func jsonText() -> String {
        var json = JSONObjectText()
        json.add("address", address)
        json.add("birth_date", birthDate)
        json.add("created_at", createdAt)
        json.add("drawn_committee_id", drawnCommitteeID)
        json.add("email", email)
        json.add("ethnicity", ethnicity)
        json.add("gender", gender)
        json.add("group_id", groupID)
        json.add("id", id)
        json.add("mobile", mobile)
        json.add("name", name)
        json.add("office_id", officeID)
        json.add("party", party)
        json.add("roles", roles)
        json.add("sector_id", sectorID)
        json.add("term_id", termID)
        return json.json
    }
}
