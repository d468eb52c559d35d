import LvzhiCore

/// Where a proposal stands. Up to 立案 the review steps set it; after that it is derived from
/// the handling units (``ProposalProgress``). Flags (重点, 公开, 优秀, 大会/平时, overdue) are not states.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        title.contains("（") ? [String(title.prefix { $0 != "（" })] : []   // 已立案 for 已立案（待交办）
    }

    case draft, submitted, returned, withdrawn, filed, rejected, converted, merged
    /// Derived: a lead unit has been assigned and has not yet accepted.
    case assigned
    /// Derived: the lead unit is handling it (accepted, or a reply was sent back).
    case handling
    /// Derived: the lead unit has replied; ratings are not all in.
    case replied
    /// Derived: every proposer has rated the lead unit's reply (办结).
    case concluded

    /// The system's Chinese label (offices may show their own, see ``ProposalLabels``).
    public var title: String {
        switch self {
        case .draft: "暂存"
        case .submitted: "已提交（待审查）"
        case .returned: "退回修改"
        case .withdrawn: "已撤回"
        case .filed: "已立案（待交办）"
        case .rejected: "不予立案"
        case .converted: "转为意见建议"
        case .merged: "已并案"
        case .assigned: "已交办"
        case .handling: "办理中"
        case .replied: "已答复"
        case .concluded: "已办结"
        }
    }

    /// Filed or any state after it: the proposal counts as 立案.
    public var isFiled: Bool { [.filed, .assigned, .handling, .replied, .concluded].contains(self) }

    /// Parses an English id (`filed`) or a Chinese label (已立案（待交办）, or 已立案).
    public static func parse(_ text: String) throws -> ProposalStatus {
        if let status = named(text) { return status }
        throw LvzhiError.invalid("状态", text, "不是提案状态", hint: allCases.map { "\($0.rawValue)（\($0.title)）" }.joined(separator: "、"))
    }
}

/// Who proposes: one member, a member with co-signers, or a body.
public enum ProposalKind: String, Codable, Sendable, CaseIterable, ChineseChoice {
    /// Other names people write for it (``ChineseChoice``).
    public var aliases: [String] {
        [shortTitle]
    }

    case individual, joint, collective

    public var title: String {
        switch self {
        case .individual: "个人提案"
        case .joint: "联名提案"
        case .collective: "集体提案"
        }
    }

    /// The short Chinese name (个人, 联名, 集体), as docs and `--help` write it.
    public var shortTitle: String { String(title.dropLast(2)) }

    /// Parses the English id (`joint`), the short name (联名) or the full name (联名提案); `field`
    /// names the option in the error.
    public static func parse(_ text: String, field: String = "类型") throws -> ProposalKind {
        if let kind = named(text) { return kind }
        throw LvzhiError.invalid(field, text, "不是提案类型",
                                 hint: "可用：" + allCases.map { "\($0.rawValue)（\($0.shortTitle) 或 \($0.title)）" }.joined(separator: "、"))
    }
}

/// The ten standard grounds for 不予立案.
public enum RejectionGround {
    public static let all = [
        "涉及党和国家秘密", "明令禁止的内容", "中共党员对党内组织和人事问题提出意见", "民主党派成员就本党派内部事务提出意见",
        "属于诉讼或仲裁中的事项", "属于学术探讨", "涉及提案人及其亲属个人事务", "为特定产品或作品宣传推介",
        "对具体人员的检举控告", "内容空泛、没有具体建议",
    ]

    /// The ground given as its number (1–10) or its text.
    public static func parse(_ text: String) throws -> String {
        if let n = Int(text), (1...all.count).contains(n) { return all[n - 1] }
        if all.contains(text) { return text }
        throw LvzhiError.invalid("不予立案理由", text, "不是标准理由",
                                 hint: "可用 1–10 或原文：" + all.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "；"))
    }
}
