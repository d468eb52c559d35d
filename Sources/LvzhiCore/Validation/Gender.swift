import Foundation

/// The gender column of a roster: 男 or 女 (also accepts 男性/女性, M/F).
public enum Gender {
    /// Normalises a gender cell to 男 or 女.
    /// - Throws: ``LvzhiError`` naming the value when it is neither.
    public static func parse(_ text: String) throws -> String {
        switch text.trimmed.uppercased() {
        case "男", "男性", "M", "MALE": return "男"
        case "女", "女性", "F", "FEMALE": return "女"
        default:
            throw LvzhiError.invalid("性别", text, "应为「男」或「女」")
        }
    }
}
