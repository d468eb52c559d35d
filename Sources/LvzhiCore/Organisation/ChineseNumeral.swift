/// Chinese numerals for ordinals in labels: 4 → 四, 12 → 十二, 25 → 二十五.
public enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The Chinese numeral for 0…999; larger numbers fall back to Arabic digits.
    public static func string(_ n: Int) -> String {
        guard n >= 0, n < 1000 else { return String(n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        let rest = n % 100
        let head = digits[n / 100] + "百"
        if rest == 0 { return head }
        if rest < 10 { return head + "零" + digits[rest] }
        if rest < 20 { return head + "一十" + (rest % 10 == 0 ? "" : digits[rest % 10]) }
        return head + string(rest)
    }
}
