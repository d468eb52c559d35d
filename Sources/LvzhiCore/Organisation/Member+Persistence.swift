import Foundation
import GRDB

extension Member {
    /// The roles column holds a JSON array, written as GRDB writes any array it is given.
    private static let rolesEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// The row of `members`, column by column: the same values GRDB's `Codable` path writes
    /// (a test keeps the two equal), without its per-row encoding work, since rosters write
    /// thousands of members at once.
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
        container["roles"] = String(decoding: try Self.rolesEncoder.encode(roles), as: UTF8.self)
        container["mobile"] = mobile
        container["email"] = email
        container["address"] = address
        container["created_at"] = createdAt
    }
}
