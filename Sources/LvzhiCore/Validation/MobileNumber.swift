/// A mainland Chinese mobile number: 11 digits starting with 13–19.
public enum MobileNumber {
    /// Normalises a mobile number: removes spaces and dashes and a leading +86.
    /// - Throws: ``LvzhiError`` naming the value when it is not a valid mobile number.
    public static func parse(_ text: String) throws -> String {
        var digits = text.filter { !" -　".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        let ascii = Array(digits.utf8)
        let ok = ascii.count == 11 && ascii.allSatisfy { $0 >= 48 && $0 <= 57 }
            && ascii[0] == UInt8(ascii: "1") && ascii[1] >= UInt8(ascii: "3")
        guard ok else {
            throw LvzhiError.invalid("手机", text, "应为 11 位手机号码（以 13–19 开头）")
        }
        return digits
    }
}
