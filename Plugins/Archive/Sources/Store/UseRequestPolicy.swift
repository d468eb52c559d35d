import GRDB
import LvzhiCore
import LvzhiStorage

/// What a unit is about to be used for, outside the archive's own work.
public enum UsePurpose: Sendable {
    case publish, exhibitOriginal, exhibitCopy, copy, consult

    public var title: String {
        switch self {
        case .publish: "收入文史资料辑出版"
        case .exhibitOriginal: "展出原件"
        case .exhibitCopy: "展出（包括复制件）"
        case .copy: "复制"
        case .consult: "利用"
        }
    }
}

/// The rules of using a unit: one place decides whether a unit may be published in a volume,
/// exhibited (as the original or a copy), copied or consulted, and explains a refusal.
///
/// | | 出版 | 展出原件 | 展出复制件 | 复制 | 利用 |
/// | --- | --- | --- | --- | --- | --- |
/// | 秘密、机密、绝密 | 否 | 否 | 否 | 否 | 否 |
/// | 不开放 | 否 | 否 | 否 | 否 | 否 |
/// | 接收登记已注销 | 否 | 否 | 否 | 否 | 否 |
/// | 开放限制仍有效 | 否 | 否 | 否 | 否 | 否 |
/// | 控制、内部 | 可 | 否（只展复制件） | 可 | 须写明依据 | 须写明依据 |
/// | 使用限制仍有效 | 否 | 否（只展复制件） | 可 | 否 | 可 |
/// | 口述史未签授权书 | 否 | 否 | 否 | 否 | 可 |
public struct UnitUse {
    public let unit: DescriptionUnit
    public let accession: Accession?
    public let interview: OralHistoryInterview?
    let today: String

    public static func of(_ unit: DescriptionUnit, db: Database) throws -> UnitUse {
        let accession = try unit.accessionID.flatMap { try Accession.fetchOne(db, key: $0) }
        let interview = try OralHistoryInterview.filter(Column("unit_id") == unit.id).fetchOne(db)
        return UnitUse(unit: unit, accession: accession, interview: interview, today: Timestamp.todayInBeijing())
    }

    /// 秘密 and above.
    public var classified: Bool { (DescriptionUnit.secrecyGrades.firstIndex(of: unit.secrecy) ?? 0) >= 2 }
    /// 控制 or 内部: usable, but an approval must say on what basis.
    public var needsBasis: Bool { unit.openness == "控制" || unit.secrecy == "内部" }
    public var accessRestricted: Bool { accession?.accessIsRestricted(on: today) ?? false }
    public var useRestricted: Bool { accession?.useIsRestricted(on: today) ?? false }
    public var deaccessioned: Bool { accession?.deaccessionedOn != nil }
    public var lacksConsent: Bool { interview.map { !$0.consentGiven } ?? false }

    /// 件 WS-001「题名」.
    public var name: String { "\(unit.level.title) \(unit.referenceCode)「\(unit.title)」" }

    /// Why the unit may not be used for `purpose`, or nil when it may.
    public func refusal(_ purpose: UsePurpose) -> LvzhiError? {
        let what = purpose.title
        if classified {
            return LvzhiError(.ruleViolation, "\(name)的密级为「\(unit.secrecy)」：秘密及以上的资料不能\(what)", hint: "涉密资料按保密规定另行办理")
        }
        if unit.openness == "不开放" {
            return LvzhiError(.ruleViolation, "\(name)的开放标识为「不开放」，不能\(what)",
                              hint: "到了开放期，先用 lvzhi archive unit update \(unit.id!) --openness 开放（或 控制）修改")
        }
        if let a = accession, let day = a.deaccessionedOn {
            return LvzhiError(.ruleViolation, "\(name)所属的接收登记 \(a.number) 已于 \(day) 注销（\(a.deaccessionReason ?? "")），不能\(what)")
        }
        if accessRestricted, let a = accession {
            return LvzhiError(.ruleViolation, "\(name)所属的接收登记 \(a.number) 限制开放（\(a.accessNote ?? "")）\(Self.until(a.accessEndsOn))，不能\(what)",
                              hint: "限制到期或用 lvzhi archive accession restrict \(a.id!) --no-access-restricted 取消后再办理")
        }
        if lacksConsent, purpose != .consult {
            return LvzhiError(.ruleViolation, "\(name)是口述史料，口述者还没有签署授权书，不能\(what)",
                              hint: "签署后用 lvzhi archive interview update \(interview!.id!) --consent 登记")
        }
        if useRestricted, let a = accession, [.publish, .exhibitOriginal, .copy].contains(purpose) {
            return LvzhiError(.ruleViolation, "\(name)所属的接收登记 \(a.number) 限制使用（\(a.useNote ?? "")）\(Self.until(a.useEndsOn))，不能\(what)",
                              hint: purpose == .exhibitOriginal ? "受使用限制的资料只能展出复制件（去掉 --original）" : "限制到期或取消后再办理")
        }
        if purpose == .exhibitOriginal, needsBasis {
            return LvzhiError(.ruleViolation, "\(name)为「\(unit.secrecy)」「\(unit.openness)」，不是开放资料，只能展出复制件",
                              hint: "去掉 --original，展出复制件")
        }
        return nil
    }

    static func until(_ end: String?) -> String { end.map { "，至 \($0)" } ?? "，直到取消" }
}
