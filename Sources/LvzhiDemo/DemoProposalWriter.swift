/// Writes the demo's proposals and replies from ``DemoProposalTexts``: picks titles without
/// repeating one, and composes bodies (案由、理由、建议) and reply letters, all from the
/// builder's seeded generator.
struct DemoProposalWriter {
    typealias Theme = DemoProposalTexts.Theme

    /// A title and the theme it belongs to.
    struct Subject {
        let title: String
        let theme: Theme
    }

    /// Titles not yet used, per theme key (written ones first, then those made for a place).
    private var unused: [String: [String]] = [:]

    init(random: inout DemoRandom) {
        for theme in DemoProposalTexts.themes {
            let placed = theme.placeTitles.flatMap { template in
                DemoProposalTexts.places.map { template.replacingOccurrences(of: "{旗区}", with: $0) }
            }
            unused[theme.key] = theme.titles.shuffled(using: &random) + placed.shuffled(using: &random)
        }
    }

    /// The theme with key `key`.
    static func theme(_ key: String) -> Theme {
        DemoProposalTexts.themes.first { $0.key == key }!
    }

    /// A fresh title: of one of `keys` when given, else of a theme drawn by weight; when the
    /// wanted themes have no title left, of any theme that has.
    mutating func subject(of keys: [String]? = nil, random: inout DemoRandom) -> Subject {
        let themes = DemoProposalTexts.themes
        let wanted = keys.map { keys in themes.filter { keys.contains($0.key) } } ?? themes
        var candidates = wanted.filter { !(unused[$0.key]?.isEmpty ?? true) }
        if candidates.isEmpty { candidates = themes.filter { !(unused[$0.key]?.isEmpty ?? true) } }
        let theme = random.weighted(candidates.map { ($0, $0.weight) })
        return Subject(title: unused[theme.key]!.removeFirst(), theme: theme)
    }

    /// 关于加快零碳产业园建设的建议 → 加快零碳产业园建设.
    static func matter(_ title: String) -> String {
        var core = title
        if core.hasPrefix("关于") { core = String(core.dropFirst(2)) }
        for suffix in ["的几点建议", "的建议", "的提案"] where core.hasSuffix(suffix) {
            core = String(core.dropLast(suffix.count))
            break
        }
        return core
    }

    /// A proposal's body: 案由, 理由 (the situation and one or two problems) and three suggestions.
    static func body(title: String, theme: Theme, collectiveBody: String?, random: inout DemoRandom) -> String {
        let problems = theme.problems.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))
            .map { $0.hasPrefix("但") ? String($0.dropFirst()) : $0 }
        let suggestions = Array(theme.suggestions.shuffled(using: &random).prefix(3))
        let origin = collectiveBody.map { "本提案由\($0)组织委员深入调研、集体讨论形成。" } ?? ""
        return """
        【案由】\(matter(title))
        【理由】\(origin)\(theme.situations.randomElement(using: &random)!)。但\(problems.joined(separator: "；"))。
        【建议】一是\(suggestions[0])；二是\(suggestions[1])；三是\(suggestions[2])。
        """
    }

    /// The body of a proposal that is not about a theme (the special cases): a short text in the same shape.
    static func plainBody(title: String) -> String {
        "【案由】\(matter(title))\n【理由】群众对此反映较多。\n【建议】请有关部门研究解决。"
    }

    /// A reply letter from `unit` of class `outcome` (A/B/C), written on `day`.
    static func reply(to title: String, numberLabel: String, salutation: String, collective: Bool, theme: Theme, unit: String,
                      outcome: String, day: String, account: DemoUnitAccounts.Account, random: inout DemoRandom) -> String {
        let you = collective ? "你们" : "您"
        let suggestion = quoted(theme.suggestions.randomElement(using: &random)!)
        let work = theme.work.shuffled(using: &random).prefix(2).joined(separator: "。")
        let plan = theme.plans.randomElement(using: &random)!
        let disposal: String
        switch outcome {
        case "A": disposal = "\(you)提出的“\(suggestion)”的建议与我们的工作思路高度契合，已被采纳并落实到具体工作中。\(plan)。"
        case "B": disposal = "\(you)提出的“\(suggestion)”的建议，我们已列入2026年度工作计划，目前正在推进。\(plan)。"
        default: disposal = "\(you)提出的“\(suggestion)”的建议很有针对性，但\(theme.constraint)，目前尚不具备全面实施的条件。我们将留作参考，在今后工作中积极创造条件逐步推进。"
        }
        return """
        \(salutation)：
        　　\(you)提出的《\(title)》（\(numberLabel)）收悉。我单位高度重视，认真研究办理，现答复如下：
        　　一、基本情况。\(work)。
        　　二、办理意见。\(disposal)
        　　感谢\(you)对\(theme.area)工作的关心和支持，欢迎继续提出宝贵意见。
        　　（联系人：\(account.contact)，联系电话：\(account.phone)）

        \(unit)
        \(DemoDays.chinese(day))
        """
    }

    /// A co-handler's opinion to the lead unit (the history shows it after the unit's name).
    static func opinion(theme: Theme, random: inout DemoRandom) -> String {
        "同意主办单位的办理思路。本单位将结合职责，在“\(quoted(theme.suggestions.randomElement(using: &random)!))”方面积极配合，并提供相关政策和数据支持。"
    }

    /// `text` ready to go inside “…”: its own double quotes become single ones (“板上发电” → ‘板上发电’).
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "“", with: "‘").replacingOccurrences(of: "”", with: "’")
    }
}
