import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LvzhiCore

/// The text encodings a roster file may come in.
public enum TextEncoding: String, CaseIterable, Sendable {
    /// Detect: a UTF-8 or UTF-16 byte-order mark, else valid UTF-8, else GB18030.
    case auto
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GB18030 (a superset of GBK and GB2312): what Excel writes on Chinese Windows.
    case gb18030

    /// Parses `--encoding`: auto, utf-8/utf8, gb18030/gbk/gb2312 (case-insensitive).
    public static func parse(_ text: String) throws -> TextEncoding {
        switch text.lowercased() {
        case "auto", "自动": return .auto
        case "utf-8", "utf8": return .utf8
        case "gb18030", "gbk", "gb2312", "cp936": return .gb18030
        default: throw LvzhiError.invalid("编码", text, "不支持", hint: "可用：auto（自动识别）、utf-8、gb18030（兼容 GBK）")
        }
    }
}

/// Turns the bytes of a text file into a `String`, in UTF-8 or GB18030 (through the C
/// library's iconv, which every Linux has).
public enum TextDecoding {
    /// Decodes `data`; returns the text (without a byte-order mark) and the encoding used.
    /// - Throws: ``LvzhiError`` naming the byte offset of the first undecodable byte.
    public static func decode(_ data: Data, as encoding: TextEncoding) throws -> (text: String, encoding: String) {
        let bytes = [UInt8](data)
        switch encoding {
        case .utf8:
            return (try utf8(bytes), "UTF-8")
        case .gb18030:
            return (try gb18030(bytes), "GB18030")
        case .auto:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (try utf8(bytes), "UTF-8（带 BOM）") }
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                guard let text = String(data: data, encoding: .utf16) else {
                    throw LvzhiError(.invalidInput, "文件以 UTF-16 字节序标记开头，但内容不是有效的 UTF-16")
                }
                return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, "UTF-16")
            }
            if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
            do {
                return (try gb18030(bytes), "GB18030")
            } catch {
                throw LvzhiError(.invalidInput, "无法识别文件编码：既不是 UTF-8，也不是 GB18030",
                                 hint: "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试，或用 --encoding 指定编码")
            }
        }
    }

    private static func utf8(_ bytes: [UInt8]) throws -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body)
            throw LvzhiError(.invalidInput, "文件不是有效的 UTF-8：第 \(offset) 字节处无法解码",
                             hint: "如果文件来自中文版 Excel 的“CSV（逗号分隔）”，请改用 --encoding gb18030")
        }
        return text
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        while low < high {
            let mid = (low + high) / 2
            // A prefix that ends inside a character is also invalid, so allow up to 3 trailing bytes.
            let valid = (0...3).contains { String(validating: bytes[0..<min(bytes.count, mid + $0)], as: UTF8.self) != nil }
            if valid { low = mid + 1 } else { high = mid }
        }
        return max(low, 1)
    }

    /// Decodes GB18030 bytes.
    public static func gb18030(_ bytes: [UInt8]) throws -> String {
        let output = try convert(bytes, from: "GB18030", to: "UTF-8")
        guard let text = String(validating: output, as: UTF8.self) else {
            throw LvzhiError(.invalidInput, "文件不是有效的 GB18030 文本")
        }
        return text
    }

    /// Encodes text as GB18030 (for files meant for Excel on Chinese Windows, and for tests).
    public static func encodeGB18030(_ text: String) throws -> [UInt8] {
        try convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
    }

    /// Converts bytes between encodings with iconv.
    static func convert(_ input: [UInt8], from source: String, to target: String) throws -> [UInt8] {
        let cd = iconv_open(target, source)
        guard cd != iconv_t(bitPattern: -1) else {
            throw LvzhiError(.storage, "系统不支持 \(source) → \(target) 的编码转换（iconv）")
        }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inputCopy = input
        let total = input.count
        var consumed = 0, produced = 0
        while consumed < total {
            let status = inputCopy.withUnsafeMutableBufferPointer { inBuf -> (Int, Int, Int, Int32) in
                output.withUnsafeMutableBufferPointer { outBuf -> (Int, Int, Int, Int32) in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress! + consumed).assumingMemoryBound(to: CChar.self)
                    var inLeft = total - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count - produced
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, total - consumed - inLeft, outBuf.count - produced - outLeft, r == -1 ? errno : 0)
                }
            }
            consumed += status.1
            produced += status.2
            if status.0 == -1 {
                if status.3 == E2BIG {
                    output += [UInt8](repeating: 0, count: output.count)
                    continue
                }
                throw LvzhiError(.invalidInput, "第 \(consumed + 1) 字节处无法按 \(source) 解码")
            }
        }
        return Array(output[0..<produced])
    }
}
