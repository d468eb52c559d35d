import Foundation

/// Party affiliation (党派) in the short form rosters use: 中共党员, 民革 … 九三学社, 无党派人士, 群众.
public enum PartyAffiliation {
    /// The canonical short forms.
    public static let all = ["中共党员", "中共预备党员", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派人士", "群众"]

    private static let aliases: [String: String] = [
        "中共": "中共党员", "中国共产党": "中共党员", "共产党员": "中共党员", "党员": "中共党员", "中共党员": "中共党员",
        "预备党员": "中共预备党员",
        "中国国民党革命委员会": "民革", "民革党员": "民革",
        "中国民主同盟": "民盟", "民盟盟员": "民盟",
        "中国民主建国会": "民建", "民建会员": "民建",
        "中国民主促进会": "民进", "民进会员": "民进",
        "中国农工民主党": "农工党", "农工民主党": "农工党",
        "中国致公党": "致公党",
        "九三": "九三学社", "九三学社社员": "九三学社",
        "台湾民主自治同盟": "台盟",
        "无党派": "无党派人士", "无": "无党派人士",
    ]

    /// Normalises a party cell to its short form.
    /// - Throws: ``LvzhiError`` naming the value when it is unknown.
    public static func parse(_ text: String) throws -> String {
        let t = text.trimmed
        if all.contains(t) { return t }
        if let canonical = aliases[t] { return canonical }
        throw LvzhiError.invalid("党派", text, "不是可识别的党派",
                                 hint: "可用：\(all.joined(separator: "、"))")
    }
}
