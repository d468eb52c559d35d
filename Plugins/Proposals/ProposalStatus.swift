/// Where a proposal stands. Flags (重点, 公开, 大会/平时) are not states.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
    case draft, submitted, returned, withdrawn, filed, rejected, converted, merged

    /// The Chinese label.
    public var title: String {
        switch self {
        case .draft: "暂存"
        case .submitted: "已提交（待审查）"
        case .returned: "退回修改"
        case .withdrawn: "已撤回"
        case .filed: "已立案"
        case .rejected: "不予立案"
        case .converted: "转为意见建议"
        case .merged: "已并案"
        }
    }
}

/// Who proposes: one member, a member with co-signers, or a body.
public enum ProposalKind: String, Codable, Sendable, CaseIterable {
    case individual, joint, collective

    public var title: String {
        switch self {
        case .individual: "个人提案"
        case .joint: "联名提案"
        case .collective: "集体提案"
        }
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

import LvzhiCore
