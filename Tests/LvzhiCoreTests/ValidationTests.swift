import Foundation
import Testing
@testable import LvzhiCore
import GRDB

/// The field rules every roster row and every `member add` goes through.
@Suite("字段校验")
struct ValidationTests {
    @Test("日期：常见写法都规范为 YYYY-MM-DD", arguments: [
        ("1968-03-12", "1968-03-12"), ("1968/3/12", "1968-03-12"), ("1968.3.2", "1968-03-02"),
        ("19680312", "1968-03-12"), ("1968年3月12日", "1968-03-12"), (" 2000-02-29 ", "2000-02-29"),
    ])
    func datesNormalise(input: String, expected: String) throws {
        #expect(try CalendarDate.parse(input) == expected)
    }

    @Test("日期：不存在的日期和无法识别的写法被拒绝", arguments: ["1970-02-30", "1900-02-29", "2023-13-01", "1968-3", "去年", "1800-01-01", "19680230",
                                                             "1968--03-12", "1968-03-12-", "1968日3月12", "+1968-03-12", "1968-03-012x", "196803120"])
    func impossibleDatesRefused(input: String) {
        let error = #expect(throws: LvzhiError.self) { try CalendarDate.parse(input, field: "出生日期", years: CalendarDate.birthYears) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains(input) == true)
        #expect(error?.message.contains("出生日期") == true)
    }

    @Test("日期：一般日期接受 0001 至 9999 年；出生日期限于 1900 至 2100 年并说明范围")
    func yearRanges() throws {
        #expect(try CalendarDate.parse("9999-12-31") == "9999-12-31")
        #expect(try CalendarDate.parse("0001-01-01") == "0001-01-01")
        let zero = #expect(throws: LvzhiError.self) { try CalendarDate.parse("0000-01-01", field: "起始日期") }
        #expect(zero?.message.contains("0001 至 9999") == true, "\(String(describing: zero))")
        let birth = #expect(throws: LvzhiError.self) { try CalendarDate.parse("1800-01-01", field: "出生日期", years: CalendarDate.birthYears) }
        #expect(birth?.message.contains("1900 至 2100") == true, "\(String(describing: birth))")
    }

    @Test("日期：月在前的写法（03/12/2026）是无法识别的格式，并说明应写成的格式，不叫“不存在的日期”")
    func monthFirstIsUnrecognised() {
        let error = #expect(throws: LvzhiError.self) { try CalendarDate.parse("03/12/2026", field: "起始日期") }
        #expect(error?.message.contains("无法识别的日期格式") == true, "\(String(describing: error))")
        #expect(error?.hint?.contains("2026-03-12") == true)
    }

    @Test("日期运算：与逐日推算一致；再大的天数、月数也不溢出、不空转，结果停在 0001-01-01 … 9999-12-31")
    func dateArithmetic() {
        // Day by day from 1999-12-25 for two leap years' worth, against a plain walk through the calendar.
        var (y, m, d) = (1999, 12, 25)
        for offset in 0...800 {
            #expect(CalendarDate.adding(days: offset, to: "1999-12-25") == CalendarDate.format(year: y, month: m, day: d))
            d += 1
            if d > CalendarDate.daysIn(month: m, year: y) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
        }
        #expect(CalendarDate.adding(days: -366, to: "2024-12-31") == "2023-12-31")
        #expect(CalendarDate.adding(months: -3, to: "2026-05-31") == "2026-02-28")
        #expect(CalendarDate.adding(months: 13, to: "2026-01-31") == "2027-02-28")
        for huge in [Int.max, Int(1) << 53, 9_007_199_254_740_992, Int.max - 1] {
            #expect(CalendarDate.adding(days: huge, to: "2026-12-03") == "9999-12-31")
            #expect(CalendarDate.adding(months: huge, to: "2026-12-03") == "9999-12-03")
        }
        for tiny in [Int.min, -(Int(1) << 53), Int.min + 1] {
            #expect(CalendarDate.adding(days: tiny, to: "2026-12-03") == "0001-01-01")
            #expect(CalendarDate.adding(months: tiny, to: "2026-12-03") == "0001-01-03")
        }
    }

    @Test("手机号：空格、横线和 +86 前缀被去掉")
    func mobileNumbers() throws {
        #expect(try MobileNumber.parse("139 0477 0001") == "13904770001")
        #expect(try MobileNumber.parse("+86 139-0477-0001") == "13904770001")
        for bad in ["12345", "1290477000", "23904770001", "1390477000a", "139047700011"] {
            #expect(throws: LvzhiError.self) { try MobileNumber.parse(bad) }
        }
    }

    @Test("性别只接受男、女（及其常见写法）")
    func genders() throws {
        #expect(try Gender.parse("男") == "男")
        #expect(try Gender.parse("女性") == "女")
        #expect(try Gender.parse("f") == "女")
        #expect(throws: LvzhiError.self) { try Gender.parse("未知") }
    }

    @Test("民族：可省略“族”字，未知民族被拒绝")
    func ethnicities() throws {
        #expect(try Ethnicity.parse("蒙古") == "蒙古族")
        #expect(try Ethnicity.parse("汉族") == "汉族")
        #expect(throws: LvzhiError.self) { try Ethnicity.parse("火星族") }
    }

    @Test("职务：多种分隔符，未知职务被拒绝")
    func roles() throws {
        #expect(try MemberRole.parse("常委、召集人") == ["常委", "召集人"])
        #expect(try MemberRole.parse("常务委员,委员") == ["常委"])
        let error = #expect(throws: LvzhiError.self) { try MemberRole.parse("常委、队长") }
        #expect(error?.message.contains("队长") == true)
    }

    @Test("届次与会议的中文名称")
    func labels() {
        #expect(ChineseNumeral.string(4) == "四")
        #expect(ChineseNumeral.string(10) == "十")
        #expect(ChineseNumeral.string(11) == "十一")
        #expect(ChineseNumeral.string(21) == "二十一")
        #expect(Term(officeID: 1, number: 5, startsOn: "2022-01-06", isCurrent: true).label == "第五届")
        #expect(PlenarySession(officeID: 1, termID: 1, number: 2, opensOn: "2023-01-06").label(termNumber: 4) == "四届二次会议")
    }

    @Test("数据库列名与 Swift 属性名的对应")
    func columnKeys() {
        #expect(LvzhiColumnKey.propertyName("term_id") == "termID")
        #expect(LvzhiColumnKey.propertyName("drawn_committee_id") == "drawnCommitteeID")
        #expect(LvzhiColumnKey.propertyName("is_superuser") == "isSuperuser")
        #expect(LvzhiColumnKey.propertyName("id") == "id")
    }
}

/// The column names of records follow Foundation's snake_case rule exactly (the database was made with it).
@Suite("列名：与 Foundation 的 snake_case 规则一致")
struct ColumnNameTests {
    struct Key: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
    struct Names: Encodable {
        let names: [String]
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for name in names { try container.encode(name, forKey: Key(stringValue: name)) }
        }
    }

    @Test("每个属性名的列名与 JSONEncoder.convertToSnakeCase 相同")
    func sameAsFoundation() throws {
        let names = ["id", "termID", "officeID", "isSuperuser", "handlingUnitID", "keySupervisorMemberID", "numberLabel", "sha256",
                     "sha256Hex", "bytesDone", "URLText", "userURL", "a", "aB", "ABc", "x2y", "onTimePercent", "outcomeA", "charFrom",
                     "startSeconds", "proposalUnitID", "isPublic", "mergedIntoID", "ID", "IDs", "pageNo2"]
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try JSONSerialization.jsonObject(with: encoder.encode(Names(names: names))) as! [String: String]
        let foundation = Dictionary(uniqueKeysWithValues: object.map { ($0.value, $0.key) })
        for name in names {
            #expect(LvzhiColumnKey.columnName(name) == foundation[name], "\(name)")
        }
    }
}

/// Members are written column by column (``Member/encode(to:)``) for speed: the columns and
/// values must stay exactly what the record's `Codable` form holds.
@Suite("委员记录：逐列写入与 Codable 形式一致")
struct MemberPersistenceTests {
    @Test("每一列都在，值与 JSON 形式相同")
    func sameAsCodable() throws {
        let member = Member(id: 7, officeID: 1, termID: 2, name: "张伟", gender: "男", ethnicity: "汉族", birthDate: "1970-01-02",
                            sectorID: 3, groupID: 4, drawnCommitteeID: 5, party: "民盟", roles: ["常委", "召集人"],
                            mobile: "13912345678", email: "a@b.cn", address: "康巴什区", createdAt: "2026-12-03T08:00:00.000Z")
        let columns = try member.databaseDictionary
        let json = member.jsonObject()
        #expect(Set(columns.keys) == Set(json.keys))
        for (key, value) in json where key != "roles" {
            #expect(columns[key] == (value as? String)?.databaseValue ?? (value as? Int).map { Int64($0).databaseValue }, "\(key)")
        }
        let roles = try #require(String.fromDatabaseValue(columns["roles"]!))
        #expect(try JSONDecoder().decode([String].self, from: Data(roles.utf8)) == member.roles)
        let sparse = try Member(officeID: 1, termID: 2, name: "乌兰", gender: "女", sectorID: 3, createdAt: "x").databaseDictionary
        #expect(sparse["ethnicity"] == .null && sparse["roles"] == "[]".databaseValue && sparse["id"] == .null)
    }

    @Test("审计用的 JSON 文本逐字段写出，与 Codable 编码逐字节相同（含需转义的字符）")
    func auditTextSameAsCodable() {
        let awkward = "引号\"、反斜杠\\、斜杠/、换行\n回车\r制表\t退格\u{08}换页\u{0C}控制\u{01}\u{1F}删除\u{7F}𠀀"
        let members = [
            Member(id: 7, officeID: 1, termID: 2, name: "张伟", gender: "男", ethnicity: "汉族", birthDate: "1970-01-02",
                   sectorID: 3, groupID: 4, drawnCommitteeID: 5, party: "民盟", roles: ["常委", "召集人"],
                   mobile: "13912345678", email: "a@b.cn", address: awkward, createdAt: "2026-12-03T08:00:00.000Z"),
            Member(officeID: 1, termID: 2, name: awkward, gender: "女", sectorID: 3, roles: [awkward, ""], createdAt: ""),
            Member(id: -1, officeID: 0, termID: Int64.max, name: "", gender: "", sectorID: Int64.min, createdAt: "x"),
        ]
        for member in members {
            #expect(member.jsonText() == member.codableJSONText())
        }
    }
}

/// Arrays of strings (a member's roles) are read without a JSON decoder when they hold no escapes.
@Suite("字符串数组的 JSON 文本")
struct JSONStringArrayTests {
    @Test("写出再读回不变；带转义的交给解码器；不是字符串数组的得到 nil")
    func roundTrip() {
        for values in [[], ["常委"], ["常委", "召集人"], ["", "a,b", "[x]"], ["引号\"", "反斜杠\\", "换行\n"]] {
            #expect(JSONObjectText.strings(in: JSONObjectText.array(values)) == values)
        }
        #expect(JSONObjectText.strings(in: " [ \"常委\" , \"主席\" ] ") == ["常委", "主席"])
        for bad in ["", "[", "]", "[1]", "[\"a\",]", "[\"a\"] x", "{\"a\":1}", "[\"a\"", "null", "[,]"] {
            #expect(JSONObjectText.strings(in: bad) == nil, "\(bad)")
        }
    }
}

/// Fixed choices of the domain are read one way: id, title or alias (``ChineseChoice``).
@Suite("固定取值：英文标识、中文名称或别名")
struct ChineseChoiceTests {
    @Test("角色：administrator、管理员、admin、文史工作者、前后空格、大写的标识都认得；不认识的是 nil")
    func roles() throws {
        #expect(Role.named("administrator") == .administrator && Role.named("管理员") == .administrator && Role.named("admin") == .administrator)
        #expect(Role.named(" 文史工作者 ") == .archivist && Role.named("HANDLING_UNIT") == .handlingUnit && Role.named("承办单位") == .handlingUnit)
        #expect(Role.named("主任") == nil && Role.named("") == nil)
        #expect(Role.listed.hasPrefix("管理员（administrator）、工作人员（staff）"))
        let refused = #expect(throws: LvzhiError.self) { try Role.parse("主任") }
        #expect(refused?.hint?.contains("archivist（文史工作人员）") == true)
    }
}

/// A value repeated in a message is cut short and shows its control characters.
@Suite("错误消息中的取值")
struct MessageValueTests {
    @Test("过长的值截短并注明长度；NUL、换行、制表符写成转义；短值原样")
    func quoted() {
        #expect("经济界".quotedForMessage == "经济界")
        #expect("a\u{0}b\n\t".quotedForMessage == "a\\u{0}b\\n\\t")
        let long = String(repeating: "长", count: 1_000_000)
        let shown = long.quotedForMessage
        #expect(shown.count < 100 && shown.hasSuffix("…（共 1000000 字）"))
        let error = LvzhiError.invalid("姓名", long + "\u{0}", "太长")
        #expect(error.message.count < 120 && error.message.hasSuffix("无效：太长"))
    }
}

/// Trimming is on every cell of every roster: its fast path must trim exactly what `Character.isWhitespace` names.
@Suite("去除首尾空白")
struct TrimmingTests {
    @Test("White_Space 的判断与标准库一致，覆盖全部 Unicode 标量")
    func whiteSpaceMatchesStandardLibrary() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { Issue.record("U+\(String(value, radix: 16))") }
        }
    }

    @Test("两端的空格、全角空格、换行被去掉，中间的保留", arguments: [
        ("张伟", "张伟"), ("  张伟\t", "张伟"), ("\u{3000}张 伟\u{3000}", "张 伟"), ("\r\n", ""), ("", ""), (" a ", "a"),
        ("\u{A0}经济界\n", "经济界"), ("x\u{2003}", "x"),
    ])
    func trims(input: String, expected: String) {
        #expect(input.trimmed == expected)
        #expect(input.trimmed == String(input.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))
    }
}
