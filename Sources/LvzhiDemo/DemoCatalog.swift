import Foundation

/// Static, realistic content for `lvzhi demo`: the Ordos offices, sectors, activity groups, committees, handling units and name material.
///
/// Everything here is plain data (no randomness); ``DemoRoster`` draws from it with a seeded
/// generator. The lists are invented for demonstration but follow the shape of real Ordos
/// rosters: the city committee (政协鄂尔多斯市委员会) and its nine 旗区 (2 districts, 7 banners).
public enum DemoCatalog {
    // MARK: - Types

    /// A CPPCC office: the city committee or one of its districts/banners.
    public struct OfficeSpec: Sendable, Hashable {
        /// Short ASCII code used on the command line (`ordos`, `dongsheng`).
        public let code: String
        /// Full name (政协鄂尔多斯市东胜区委员会, 政协准格尔旗委员会).
        public let name: String
        /// Short name (东胜区政协, 鄂尔多斯市政协).
        public let shortName: String

        public init(code: String, name: String, shortName: String) {
            self.code = code; self.name = name; self.shortName = shortName
        }

        /// The place name without 政协: 鄂尔多斯市, 东胜区, 准格尔旗. Used for the `{区}` placeholder.
        public var placeName: String {
            shortName.hasSuffix("政协") ? String(shortName.dropLast(2)) : shortName
        }
    }

    /// A special committee (专门委员会).
    public struct CommitteeSpec: Sendable, Hashable {
        public let code: String
        public let name: String
        /// True for the proposals and the culture-history-study committees, which may draw members from other groups.
        public let drawsFromOtherGroups: Bool

        public init(code: String, name: String, drawsFromOtherGroups: Bool) {
            self.code = code; self.name = name; self.drawsFromOtherGroups = drawsFromOtherGroups
        }
    }

    /// A sector activity group (界别活动组): the sectors it gathers and the committee it is linked to (`nil` = the office).
    public struct GroupSpec: Sendable, Hashable {
        /// Short ASCII code (`g1` … `g8`).
        public let code: String
        public let name: String
        public let sectors: [String]
        public let committeeCode: String?

        public init(code: String, name: String, sectors: [String], committeeCode: String?) {
            self.code = code; self.name = name; self.sectors = sectors; self.committeeCode = committeeCode
        }
    }

    /// A handling unit (承办单位); `kind` is one of 政府部门, 党群部门, 人大机关, 法院, 检察院, 企事业单位, 其他.
    public struct HandlingUnitSpec: Sendable, Hashable {
        public let name: String
        public let kind: String

        public init(name: String, kind: String) {
            self.name = name; self.kind = kind
        }
    }

    // MARK: - Offices

    /// The city committee.
    public static let city = OfficeSpec(code: "ordos", name: "政协鄂尔多斯市委员会", shortName: "鄂尔多斯市政协")

    /// The nine 旗区 in the usual official order. Districts (区) are named 政协鄂尔多斯市X区委员会,
    /// banners (旗) 政协X旗委员会.
    public static let districts: [OfficeSpec] = [
        OfficeSpec(code: "dongsheng", name: "政协鄂尔多斯市东胜区委员会", shortName: "东胜区政协"),
        OfficeSpec(code: "kangbashi", name: "政协鄂尔多斯市康巴什区委员会", shortName: "康巴什区政协"),
        OfficeSpec(code: "dalate", name: "政协达拉特旗委员会", shortName: "达拉特旗政协"),
        OfficeSpec(code: "zhungeer", name: "政协准格尔旗委员会", shortName: "准格尔旗政协"),
        OfficeSpec(code: "etuokeqian", name: "政协鄂托克前旗委员会", shortName: "鄂托克前旗政协"),
        OfficeSpec(code: "etuoke", name: "政协鄂托克旗委员会", shortName: "鄂托克旗政协"),
        OfficeSpec(code: "hangjin", name: "政协杭锦旗委员会", shortName: "杭锦旗政协"),
        OfficeSpec(code: "wushen", name: "政协乌审旗委员会", shortName: "乌审旗政协"),
        OfficeSpec(code: "yijinhuoluo", name: "政协伊金霍洛旗委员会", shortName: "伊金霍洛旗政协"),
    ]

    /// The city followed by the nine districts.
    public static let offices: [OfficeSpec] = [city] + districts

    // MARK: - City committees, sectors and groups

    /// The city's special committees. 提案委员会 and 文化文史和学习委员会 may draw members from other groups.
    public static let committees: [CommitteeSpec] = [
        CommitteeSpec(code: "proposals", name: "提案委员会", drawsFromOtherGroups: true),
        CommitteeSpec(code: "economy", name: "经济委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "agriculture", name: "农业和农村委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "environment", name: "人口资源环境委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "education", name: "教科卫体委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "social", name: "社会和法制委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "ethnic", name: "民族和宗教委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "culture", name: "文化文史和学习委员会", drawsFromOtherGroups: true),
    ]

    /// The 30 sectors (界别) of the city committee, in the order rosters list them (parties first).
    public static let sectors: [String] = [
        "中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士",
        "共青团", "工会", "妇联", "青联", "工商联", "科协", "侨联",
        "文化艺术界", "科学技术界", "社会科学界", "经济界", "农业界", "教育界", "体育界",
        "新闻出版界", "医药卫生界", "环境资源界", "社会福利和社会保障界", "少数民族界", "宗教界", "特邀人士",
    ]

    /// The eight city activity groups; together they cover every sector in ``sectors`` exactly once,
    /// and each is linked to its own committee.
    public static let groups: [GroupSpec] = [
        GroupSpec(code: "g1", name: "第一界别活动组（中共、无党派人士、特邀人士）",
                  sectors: ["中共", "无党派人士", "特邀人士"], committeeCode: "proposals"),
        GroupSpec(code: "g2", name: "第二界别活动组（民建、工商联、经济界）",
                  sectors: ["民建", "工商联", "经济界"], committeeCode: "economy"),
        GroupSpec(code: "g3", name: "第三界别活动组（农工党、九三学社、科协、科学技术界、农业界）",
                  sectors: ["农工党", "九三学社", "科协", "科学技术界", "农业界"], committeeCode: "agriculture"),
        GroupSpec(code: "g4", name: "第四界别活动组（民革、致公党、侨联、环境资源界）",
                  sectors: ["民革", "致公党", "侨联", "环境资源界"], committeeCode: "environment"),
        GroupSpec(code: "g5", name: "第五界别活动组（民进、教育界、体育界、医药卫生界）",
                  sectors: ["民进", "教育界", "体育界", "医药卫生界"], committeeCode: "education"),
        GroupSpec(code: "g6", name: "第六界别活动组（民盟、共青团、工会、妇联、青联、社会福利和社会保障界）",
                  sectors: ["民盟", "共青团", "工会", "妇联", "青联", "社会福利和社会保障界"], committeeCode: "social"),
        GroupSpec(code: "g7", name: "第七界别活动组（少数民族界、宗教界）",
                  sectors: ["少数民族界", "宗教界"], committeeCode: "ethnic"),
        GroupSpec(code: "g8", name: "第八界别活动组（文化艺术界、社会科学界、新闻出版界）",
                  sectors: ["文化艺术界", "社会科学界", "新闻出版界"], committeeCode: "culture"),
    ]

    // MARK: - District committees, sectors and groups

    /// The special committees of a district or banner committee.
    public static let districtCommittees: [CommitteeSpec] = [
        CommitteeSpec(code: "proposals", name: "提案委员会", drawsFromOtherGroups: true),
        CommitteeSpec(code: "economy", name: "经济委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "social", name: "社会和法制委员会", drawsFromOtherGroups: false),
        CommitteeSpec(code: "culture", name: "文化文史和学习委员会", drawsFromOtherGroups: true),
    ]

    /// The 19 sectors of a district or banner committee (only the three parties with local branches).
    public static let districtSectors: [String] = [
        "中共", "民盟", "民建", "民进", "无党派人士",
        "共青团", "工会", "妇联", "工商联", "科协",
        "经济界", "农业界", "教育界", "医药卫生界", "文化艺术界",
        "社会福利和社会保障界", "少数民族界", "宗教界", "特邀人士",
    ]

    /// How many activity groups a district has.
    public static let districtGroupCount: Int = 5

    /// The district activity groups: a partition of ``districtSectors`` into ``districtGroupCount`` groups,
    /// four linked to the committees of ``districtCommittees`` and the fifth to the office itself.
    public static let districtGroupSpecs: [GroupSpec] = [
        GroupSpec(code: "g1", name: "第一界别活动组（中共、共青团、工会、妇联）",
                  sectors: ["中共", "共青团", "工会", "妇联"], committeeCode: "social"),
        GroupSpec(code: "g2", name: "第二界别活动组（民盟、民建、民进、无党派人士）",
                  sectors: ["民盟", "民建", "民进", "无党派人士"], committeeCode: "proposals"),
        GroupSpec(code: "g3", name: "第三界别活动组（工商联、科协、经济界、农业界）",
                  sectors: ["工商联", "科协", "经济界", "农业界"], committeeCode: "economy"),
        GroupSpec(code: "g4", name: "第四界别活动组（教育界、医药卫生界、文化艺术界）",
                  sectors: ["教育界", "医药卫生界", "文化艺术界"], committeeCode: "culture"),
        GroupSpec(code: "g5", name: "第五界别活动组（社会福利和社会保障界、少数民族界、宗教界、特邀人士）",
                  sectors: ["社会福利和社会保障界", "少数民族界", "宗教界", "特邀人士"], committeeCode: nil),
    ]

    /// The district activity groups (same as ``districtGroupSpecs``).
    public static func districtGroups() -> [GroupSpec] { districtGroupSpecs }

    // MARK: - Handling units

    /// Municipal bodies that handle proposals (承办单位).
    public static let handlingUnits: [HandlingUnitSpec] = [
        // 政府部门
        HandlingUnitSpec(name: "市人民政府办公室", kind: "政府部门"),
        HandlingUnitSpec(name: "市发展和改革委员会", kind: "政府部门"),
        HandlingUnitSpec(name: "市教育体育局", kind: "政府部门"),
        HandlingUnitSpec(name: "市科学技术局", kind: "政府部门"),
        HandlingUnitSpec(name: "市工业和信息化局", kind: "政府部门"),
        HandlingUnitSpec(name: "市民族事务委员会", kind: "政府部门"),
        HandlingUnitSpec(name: "市公安局", kind: "政府部门"),
        HandlingUnitSpec(name: "市民政局", kind: "政府部门"),
        HandlingUnitSpec(name: "市司法局", kind: "政府部门"),
        HandlingUnitSpec(name: "市财政局", kind: "政府部门"),
        HandlingUnitSpec(name: "市人力资源和社会保障局", kind: "政府部门"),
        HandlingUnitSpec(name: "市自然资源局", kind: "政府部门"),
        HandlingUnitSpec(name: "市生态环境局", kind: "政府部门"),
        HandlingUnitSpec(name: "市住房和城乡建设局", kind: "政府部门"),
        HandlingUnitSpec(name: "市交通运输局", kind: "政府部门"),
        HandlingUnitSpec(name: "市水利局", kind: "政府部门"),
        HandlingUnitSpec(name: "市农牧局", kind: "政府部门"),
        HandlingUnitSpec(name: "市商务局", kind: "政府部门"),
        HandlingUnitSpec(name: "市文化和旅游局", kind: "政府部门"),
        HandlingUnitSpec(name: "市卫生健康委员会", kind: "政府部门"),
        HandlingUnitSpec(name: "市退役军人事务局", kind: "政府部门"),
        HandlingUnitSpec(name: "市应急管理局", kind: "政府部门"),
        HandlingUnitSpec(name: "市审计局", kind: "政府部门"),
        HandlingUnitSpec(name: "市人民政府国有资产监督管理委员会", kind: "政府部门"),
        HandlingUnitSpec(name: "市市场监督管理局", kind: "政府部门"),
        HandlingUnitSpec(name: "市统计局", kind: "政府部门"),
        HandlingUnitSpec(name: "市林业和草原局", kind: "政府部门"),
        HandlingUnitSpec(name: "市医疗保障局", kind: "政府部门"),
        HandlingUnitSpec(name: "市能源局", kind: "政府部门"),
        HandlingUnitSpec(name: "市城市管理综合执法局", kind: "政府部门"),
        HandlingUnitSpec(name: "市行政审批政务服务与数据管理局", kind: "政府部门"),
        HandlingUnitSpec(name: "市信访局", kind: "政府部门"),
        HandlingUnitSpec(name: "市人民防空办公室", kind: "政府部门"),
        HandlingUnitSpec(name: "市投资促进中心", kind: "政府部门"),
        // 党群部门
        HandlingUnitSpec(name: "市委组织部", kind: "党群部门"),
        HandlingUnitSpec(name: "市委宣传部", kind: "党群部门"),
        HandlingUnitSpec(name: "市委统战部", kind: "党群部门"),
        HandlingUnitSpec(name: "市委政法委员会", kind: "党群部门"),
        HandlingUnitSpec(name: "市委社会工作部", kind: "党群部门"),
        HandlingUnitSpec(name: "市委网络安全和信息化委员会办公室", kind: "党群部门"),
        HandlingUnitSpec(name: "市委机构编制委员会办公室", kind: "党群部门"),
        HandlingUnitSpec(name: "市总工会", kind: "党群部门"),
        HandlingUnitSpec(name: "共青团鄂尔多斯市委员会", kind: "党群部门"),
        HandlingUnitSpec(name: "市妇女联合会", kind: "党群部门"),
        HandlingUnitSpec(name: "市科学技术协会", kind: "党群部门"),
        HandlingUnitSpec(name: "市工商业联合会", kind: "党群部门"),
        HandlingUnitSpec(name: "市残疾人联合会", kind: "党群部门"),
        HandlingUnitSpec(name: "市文学艺术界联合会", kind: "党群部门"),
        // 人大机关、法院、检察院
        HandlingUnitSpec(name: "市人大常委会办公室", kind: "人大机关"),
        HandlingUnitSpec(name: "市中级人民法院", kind: "法院"),
        HandlingUnitSpec(name: "市人民检察院", kind: "检察院"),
        // 企事业单位
        HandlingUnitSpec(name: "鄂尔多斯供电公司", kind: "企事业单位"),
        HandlingUnitSpec(name: "鄂尔多斯市国有资产投资控股集团有限公司", kind: "企事业单位"),
        HandlingUnitSpec(name: "鄂尔多斯市中心医院", kind: "企事业单位"),
        HandlingUnitSpec(name: "鄂尔多斯应用技术学院", kind: "企事业单位"),
        HandlingUnitSpec(name: "市住房公积金管理中心", kind: "企事业单位"),
        HandlingUnitSpec(name: "市融媒体中心", kind: "企事业单位"),
        HandlingUnitSpec(name: "鄂尔多斯机场管理集团有限责任公司", kind: "企事业单位"),
        HandlingUnitSpec(name: "中国移动鄂尔多斯分公司", kind: "企事业单位"),
        HandlingUnitSpec(name: "中国电信鄂尔多斯分公司", kind: "企事业单位"),
        // 其他（垂直管理单位等）
        HandlingUnitSpec(name: "国家税务总局鄂尔多斯市税务局", kind: "其他"),
        HandlingUnitSpec(name: "鄂尔多斯市气象局", kind: "其他"),
        HandlingUnitSpec(name: "中国人民银行鄂尔多斯市分行", kind: "其他"),
        HandlingUnitSpec(name: "国家金融监督管理总局鄂尔多斯监管分局", kind: "其他"),
        HandlingUnitSpec(name: "市红十字会", kind: "其他"),
    ]

    /// Handling units of a district or banner; replace `{区}` with ``OfficeSpec/placeName`` (东胜区, 准格尔旗),
    /// or call ``districtHandlingUnits(for:)``.
    public static let districtHandlingUnitTemplates: [HandlingUnitSpec] = [
        HandlingUnitSpec(name: "{区}人民政府办公室", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}发展和改革委员会", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}教育体育局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}工业和信息化局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}民政局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}财政局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}人力资源和社会保障局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}自然资源局", kind: "政府部门"),
        HandlingUnitSpec(name: "鄂尔多斯市生态环境局{区}分局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}住房和城乡建设局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}交通运输局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}水利局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}农牧局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}文化和旅游局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}卫生健康委员会", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}应急管理局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}市场监督管理局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}城市管理综合执法局", kind: "政府部门"),
        HandlingUnitSpec(name: "{区}委统战部", kind: "党群部门"),
        HandlingUnitSpec(name: "{区}总工会", kind: "党群部门"),
        HandlingUnitSpec(name: "共青团{区}委员会", kind: "党群部门"),
        HandlingUnitSpec(name: "{区}人大常委会办公室", kind: "人大机关"),
        HandlingUnitSpec(name: "{区}人民法院", kind: "法院"),
        HandlingUnitSpec(name: "{区}人民检察院", kind: "检察院"),
        HandlingUnitSpec(name: "{区}供电分公司", kind: "企事业单位"),
    ]

    /// ``districtHandlingUnitTemplates`` with `{区}` replaced by the district's place name.
    public static func districtHandlingUnits(for district: OfficeSpec) -> [HandlingUnitSpec] {
        districtHandlingUnitTemplates.map {
            HandlingUnitSpec(name: $0.name.replacingOccurrences(of: "{区}", with: district.placeName), kind: $0.kind)
        }
    }

    // MARK: - Name material

    /// Common surnames with rough frequency weights (北方 and Ordos-local surnames such as 郝, 贺, 乔, 折, 邬 included),
    /// plus a few double surnames.
    public static let hanSurnames: [(surname: String, weight: Int)] = [
        ("王", 70), ("李", 68), ("张", 62), ("刘", 55), ("杨", 30), ("陈", 28), ("高", 28), ("赵", 25),
        ("孙", 16), ("郭", 16), ("周", 13), ("马", 14), ("吴", 11), ("徐", 11), ("胡", 11), ("黄", 10),
        ("朱", 9), ("白", 12), ("韩", 11), ("郝", 10), ("贺", 9), ("于", 9), ("苏", 8), ("乔", 8),
        ("武", 8), ("梁", 8), ("宋", 8), ("董", 8), ("郑", 7), ("冯", 7), ("贾", 7), ("杜", 7),
        ("田", 7), ("任", 7), ("闫", 6), ("薛", 6), ("魏", 6), ("曹", 6), ("许", 6), ("何", 5),
        ("罗", 5), ("谢", 5), ("唐", 5), ("程", 5), ("袁", 5), ("吕", 5), ("卢", 5), ("丁", 5),
        ("姜", 5), ("范", 5), ("石", 5), ("崔", 5), ("康", 5), ("史", 5), ("侯", 5), ("孟", 5),
        ("常", 5), ("邓", 4), ("潘", 4), ("姚", 4), ("金", 4), ("秦", 4), ("段", 4), ("温", 4),
        ("霍", 4), ("牛", 4), ("樊", 4), ("沈", 3), ("曾", 3), ("彭", 3), ("蒋", 3), ("蔡", 3),
        ("叶", 3), ("夏", 3), ("汪", 3), ("方", 3), ("孔", 3), ("毛", 3), ("邵", 3), ("雷", 3),
        ("尹", 3), ("折", 3), ("邬", 3), ("云", 3), ("傅", 3), ("钟", 2), ("邹", 2), ("江", 2),
        ("陆", 2), ("龚", 2), ("訾", 2), ("杭", 2), ("欧阳", 1), ("司马", 1), ("上官", 1), ("呼延", 1),
    ]

    /// Characters that end (or, with ``hanGivenNeutral``, start) a man's given name.
    public static let hanGivenMale: [String] = [
        "伟", "强", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
        "斌", "宇", "浩", "凯", "健", "俊", "帅", "旭", "龙", "林", "峰", "磊", "东", "亮", "兵", "国",
        "忠", "福", "荣", "生", "德", "庆", "虎", "彪", "成", "江", "山", "胜", "利", "武", "锋", "奎",
    ]

    /// Characters that end (or, with ``hanGivenNeutral``, start) a woman's given name.
    public static let hanGivenFemale: [String] = [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "萍", "红", "梅", "琳", "雪",
        "琴", "慧", "莉", "颖", "倩", "丹", "洁", "兰", "英", "凤", "秀", "月", "蓉", "媛", "瑶", "璐",
        "蕾", "茹", "荣", "华", "君", "娇", "婧", "妍",
    ]

    /// Characters used by both sexes, mostly as the first of two given-name characters.
    public static let hanGivenNeutral: [String] = [
        "晓", "建", "海", "文", "春", "新", "志", "玉", "宏", "永", "立", "佳", "子", "晨", "思", "雨",
        "天", "嘉", "金", "利", "瑞", "润", "学", "爱", "云", "秋", "小", "亚",
    ]

    /// Mongolian men's names as written in Chinese in Ordos.
    public static let mongolianMale: [String] = [
        "巴特尔", "额尔敦", "朝鲁", "那顺", "宝音", "阿拉坦仓", "苏和", "孟和", "巴图", "巴图孟和",
        "阿古拉", "额尔登图", "吉日木图", "吉日嘎拉图", "斯琴毕力格", "毕力格", "布和", "布仁", "额尔德尼", "达来",
        "德力格尔", "敖日格勒", "乌力吉", "乌力吉巴雅尔", "巴雅尔", "巴音", "巴音孟和", "宝力道", "宝力格", "特木尔",
        "特古斯", "图门", "哈斯", "哈斯巴根", "巴根", "孟克", "孟克巴雅尔", "额尔德木图", "满都拉", "满都呼",
        "阿拉腾", "阿拉坦巴根", "朝克图", "那木吉拉", "那日苏", "纳钦", "赛音", "扎那", "照日格图", "陶迪",
        "马嘎尔迪", "斯庆", "苏雅拉图", "乌日图", "乌恩", "伊德尔", "呼和", "胡日查", "格日勒图", "呼斯楞",
        "旭日", "斯钦巴图", "敖登", "阿木古郎", "吉格米德", "图布信",
    ]

    /// Mongolian women's names as written in Chinese in Ordos.
    public static let mongolianFemale: [String] = [
        "其木格", "乌兰", "萨仁", "其其格", "斯琴", "娜仁", "托娅", "高娃", "苏日娜", "乌日娜",
        "乌云", "乌云其木格", "斯琴高娃", "萨仁高娃", "娜仁高娃", "其其格玛", "吉雅", "莫日根吉雅", "布仁其木格", "图雅",
        "格日勒", "阿茹娜", "达古拉", "塔娜", "萨如拉", "敖登格日勒", "孟根其其格", "哈斯高娃", "乌兰图雅", "娜仁图雅",
        "斯琴图雅", "萨日娜", "萨仁图雅", "诺敏", "阿拉坦其其格", "巴达玛", "德力格尔玛", "娜仁花", "乌仁图雅", "陶格斯",
        "苏布达", "萨日朗", "格根塔娜", "其力格尔", "海英", "额尔敦其其格", "乌兰其其格", "阿荣", "乌日罕", "敖特根",
        "琪琪格", "宝力尔", "金花", "哈斯其其格", "吉日嘎拉", "明月", "斯日古楞", "呼和其木格", "乌力吉玛", "其日麦拉图",
    ]

    /// Han-style surnames some Ordos Mongolians put before their name (奇巴特尔, 包乌兰).
    public static let mongolianSurnamePrefixes: [String] = ["奇", "包", "鲍", "白", "韩", "杭", "苏", "王", "吴", "陈", "那", "额"]

    /// Ethnicities with weights: 汉族 dominant, 蒙古族 about a fifth, a few others.
    public static let ethnicities: [(name: String, weight: Int)] = [
        ("汉族", 750), ("蒙古族", 200), ("回族", 20), ("满族", 20), ("达斡尔族", 5), ("鄂温克族", 5),
    ]

    /// Party affiliations with weights, for members of non-party sectors.
    public static let parties: [(name: String, weight: Int)] = [
        ("中共党员", 560), ("无党派人士", 250), ("民盟", 35), ("民建", 35), ("民进", 35),
        ("九三学社", 30), ("农工党", 25), ("民革", 20), ("致公党", 10),
    ]

    /// The party affiliation implied by a party sector (中共 → 中共党员, 民盟 → 民盟, 无党派人士 → 无党派人士); `nil` for other sectors.
    public static func partyForSector(_ sector: String) -> String? {
        switch sector {
        case "中共", "中国共产党": return "中共党员"
        case "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派人士": return sector
        default: return nil
        }
    }

    /// Titles of notices the office sends its members.
    public static let noticeTitles: [String] = [
        "关于召开政协鄂尔多斯市第五届委员会第六次会议的通知",
        "关于召开市政协五届十六次常委会议的通知",
        "关于征集市政协五届六次会议提案的通知",
        "关于报送2025年度委员履职情况的通知",
        "关于做好2026年度常务委员履职述职工作的通知",
        "关于开展2026年度社情民意信息征集工作的通知",
        "关于召开界别活动组召集人工作会议的通知",
        "关于组织委员参加“同心书屋”读书分享活动的通知",
        "关于开展委员履职服务为民活动的通知",
        "关于组织委员视察黄河国家文化公园（鄂尔多斯段）建设情况的通知",
        "关于开展2026年度提案办理情况民主评议工作的通知",
        "关于征集《鄂尔多斯文史资料》稿件的通知",
        "关于参加市政协党组理论学习中心组（扩大）学习会的通知",
        "关于开展重点提案督办调研的通知",
        "关于核对更新委员基本信息的通知",
        "关于组织开展2026年度界别协商活动的通知",
        "关于报送委员联系界别群众情况的通知",
    ]
}
