import ArgumentParser
import LvzhiCore

/// An option given with an empty or blank value (`--db ''`, `--birth ''`): refused as a usage
/// error, instead of quietly meaning the default or "not given".
public enum BlankOption {
    /// Refuses `value` of `option` when it is empty or only white space; `otherwise` says what
    /// leaving the option out means (用默认的数据库).
    public static func refuse(_ value: String?, _ option: String, otherwise: String) throws {
        guard let value, value.trimmed.isEmpty else { return }
        throw ValidationError("\(option) 的取值为空（\(value.isEmpty ? "空字符串" : "只有空白")）：请给出取值；\(otherwise)，去掉 \(option) 即可")
    }
}
