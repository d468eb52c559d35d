import Foundation
import GRDB

extension Member {
    /// The row of `members`, column by column: the same values GRDB's `Codable` path writes
    /// (a test keeps the two equal), without its per-row encoding work, since rosters write
    /// thousands of members at once. The roles column holds a JSON array, as GRDB writes any array.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["office_id"] = officeID
        container["term_id"] = termID
        container["name"] = name
        container["gender"] = gender
        container["ethnicity"] = ethnicity
        container["birth_date"] = birthDate
        container["sector_id"] = sectorID
        container["group_id"] = groupID
        container["drawn_committee_id"] = drawnCommitteeID
        container["party"] = party
        container["roles"] = JSONObjectText.array(roles)
        container["mobile"] = mobile
        container["email"] = email
        container["address"] = address
        container["created_at"] = createdAt
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
