/// The 全员入委 rule: which special committee a member belongs to.
///
/// Every member belongs to the committee linked to his activity group. A committee that
/// may draw from other groups (提案委员会, 文化文史和学习委员会) can take a member from any
/// group; that member then belongs to the drawing committee alone. A member therefore
/// belongs to at most one committee, and the rule is enforced by storing only the draw
/// (`Member.drawnCommitteeID`) and deriving the rest.
public enum CommitteeAssignment {
    /// The committee a member belongs to: the drawing committee if drawn, else his group's.
    /// `nil` when his group is linked to the office itself, or he has no group.
    public static func committeeID(drawnCommitteeID: Int64?, groupCommitteeID: Int64?) -> Int64? {
        drawnCommitteeID ?? groupCommitteeID
    }

    /// Checks that `committee` may draw `member`, whose group is linked to `groupCommitteeID`.
    /// - Throws: ``LvzhiError`` with code `ruleViolation`, naming the member and committee.
    public static func validateDraw(member: Member, committee: Committee, groupCommitteeID: Int64?) throws {
        guard committee.officeID == member.officeID else {
            throw LvzhiError(.ruleViolation, "委员「\(member.name)」（ID \(member.id ?? 0)）与专委会「\(committee.name)」不属于同一政协")
        }
        guard committee.drawsFromOtherGroups else {
            throw LvzhiError(.ruleViolation,
                             "专委会「\(committee.name)」不能从其他界别活动组选调委员：按“全员入委”规定，只有提案委员会、文化文史和学习委员会可以跨组选调",
                             hint: "委员随其界别活动组进入对应专委会；跨组选调只能进入提案委员会或文化文史和学习委员会")
        }
        if let drawn = member.drawnCommitteeID, drawn != committee.id {
            throw LvzhiError(.ruleViolation,
                             "委员「\(member.name)」（ID \(member.id ?? 0)）已被另一专委会选调，入委委员不再编入其他专委会",
                             hint: "先执行 lvzhi committee release \(member.id ?? 0) 解除原选调")
        }
        if member.drawnCommitteeID == committee.id {
            throw LvzhiError(.conflict, "委员「\(member.name)」（ID \(member.id ?? 0)）已是「\(committee.name)」的入委委员")
        }
        if groupCommitteeID == committee.id {
            throw LvzhiError(.conflict,
                             "委员「\(member.name)」（ID \(member.id ?? 0)）所在界别活动组本就对应「\(committee.name)」，无需选调")
        }
    }
}
