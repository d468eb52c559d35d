/// The city's handling units as the proposal year needs them: the username of each unit's
/// account (its display name is the unit's name), the prefix of its reply letters' 文号
/// (鄂发改函 → 鄂发改函〔2026〕23号) and the person who signs for it.
enum DemoUnitAccounts {
    struct Account: Sendable, Hashable {
        let unit: String
        let username: String
        let documentPrefix: String
        /// The contact person of its proposal replies (刘科长) and his office telephone.
        let contact: String
        let phone: String
    }

    /// (unit, username, 文号 prefix, contact surname and title).
    private static let table: [(String, String, String, String)] = [
        ("市人民政府办公室", "szfb", "鄂府办函", "高科长"),
        ("市发展和改革委员会", "fagai", "鄂发改函", "王科长"),
        ("市教育体育局", "jiaoti", "鄂教体函", "李科长"),
        ("市科学技术局", "keji", "鄂科函", "赵科长"),
        ("市工业和信息化局", "gongxin", "鄂工信函", "张科长"),
        ("市民族事务委员会", "minwei", "鄂民委函", "宝音科长"),
        ("市公安局", "gongan", "鄂公函", "刘科长"),
        ("市民政局", "minzheng", "鄂民函", "陈科长"),
        ("市司法局", "sifa", "鄂司函", "杨科长"),
        ("市财政局", "caizheng", "鄂财函", "孙科长"),
        ("市人力资源和社会保障局", "renshe", "鄂人社函", "郭科长"),
        ("市自然资源局", "ziran", "鄂自然资函", "白科长"),
        ("市生态环境局", "shengtai", "鄂环函", "韩科长"),
        ("市住房和城乡建设局", "zhujian", "鄂建函", "郝科长"),
        ("市交通运输局", "jiaotong", "鄂交函", "贺科长"),
        ("市水利局", "shuili", "鄂水函", "乔科长"),
        ("市农牧局", "nongmu", "鄂农牧函", "苏科长"),
        ("市商务局", "shangwu", "鄂商函", "武科长"),
        ("市文化和旅游局", "wenlv", "鄂文旅函", "乌兰科长"),
        ("市卫生健康委员会", "weijian", "鄂卫健函", "梁科长"),
        ("市退役军人事务局", "tuiyi", "鄂退役函", "宋科长"),
        ("市应急管理局", "yingji", "鄂应急函", "董科长"),
        ("市审计局", "shenji", "鄂审函", "郑科长"),
        ("市人民政府国有资产监督管理委员会", "guoziwei", "鄂国资函", "冯科长"),
        ("市市场监督管理局", "shijian", "鄂市监函", "贾科长"),
        ("市统计局", "tongji", "鄂统函", "杜科长"),
        ("市林业和草原局", "lincao", "鄂林草函", "田科长"),
        ("市医疗保障局", "yibao", "鄂医保函", "任科长"),
        ("市能源局", "nengyuan", "鄂能源函", "闫科长"),
        ("市城市管理综合执法局", "chengguan", "鄂城管函", "薛科长"),
        ("市行政审批政务服务与数据管理局", "zhengwu", "鄂政务函", "魏科长"),
        ("市信访局", "xinfang", "鄂信访函", "曹科长"),
        ("市人民防空办公室", "renfang", "鄂人防函", "许科长"),
        ("市投资促进中心", "touzi", "鄂投促函", "何主任"),
        ("市委组织部", "zuzhibu", "鄂组函", "罗科长"),
        ("市委宣传部", "xuanchuan", "鄂宣函", "谢科长"),
        ("市委统战部", "tongzhan", "鄂统战函", "唐科长"),
        ("市委政法委员会", "zhengfawei", "鄂政法函", "程科长"),
        ("市委社会工作部", "shegongbu", "鄂社工函", "袁科长"),
        ("市委网络安全和信息化委员会办公室", "wangxin", "鄂网信函", "吕科长"),
        ("市委机构编制委员会办公室", "bianban", "鄂编办函", "卢科长"),
        ("市总工会", "gonghui", "鄂工发", "丁部长"),
        ("共青团鄂尔多斯市委员会", "tuanshiwei", "鄂团函", "姜部长"),
        ("市妇女联合会", "fulian", "鄂妇函", "范部长"),
        ("市科学技术协会", "kexie", "鄂科协函", "石部长"),
        ("市工商业联合会", "gongshanglian", "鄂工商联函", "崔部长"),
        ("市残疾人联合会", "canlian", "鄂残联函", "康部长"),
        ("市文学艺术界联合会", "wenlian", "鄂文联函", "萨仁部长"),
        ("市人大常委会办公室", "renda", "鄂人大办函", "史主任"),
        ("市中级人民法院", "zhongyuan", "鄂中法函", "侯庭长"),
        ("市人民检察院", "jianchayuan", "鄂检函", "孟主任"),
        ("鄂尔多斯供电公司", "gongdian", "鄂供电函", "常主任"),
        ("鄂尔多斯市国有资产投资控股集团有限公司", "guotou", "鄂国投函", "邓主任"),
        ("鄂尔多斯市中心医院", "zhongxinyiyuan", "鄂中心医院函", "潘主任"),
        ("鄂尔多斯应用技术学院", "yingjiyuan", "鄂应技院函", "姚处长"),
        ("市住房公积金管理中心", "gongjijin", "鄂公积金函", "金主任"),
        ("市融媒体中心", "rongmeiti", "鄂融媒函", "秦主任"),
        ("鄂尔多斯机场管理集团有限责任公司", "jichang", "鄂机场函", "段主任"),
        ("中国移动鄂尔多斯分公司", "yidong", "鄂移动函", "温经理"),
        ("中国电信鄂尔多斯分公司", "dianxin", "鄂电信函", "霍经理"),
        ("国家税务总局鄂尔多斯市税务局", "shuiwu", "鄂税函", "牛科长"),
        ("鄂尔多斯市气象局", "qixiang", "鄂气函", "樊科长"),
        ("中国人民银行鄂尔多斯市分行", "renhang", "鄂银函", "沈科长"),
        ("国家金融监督管理总局鄂尔多斯监管分局", "jinrongjianguan", "鄂金监函", "曾科长"),
        ("市红十字会", "hongshizi", "鄂红函", "彭部长"),
    ]

    /// Every city unit's account, in the catalogue's order.
    static let all: [Account] = table.enumerated().map { index, row in
        Account(unit: row.0, username: row.1, documentPrefix: row.2, contact: row.3,
                phone: "0477-85" + String(format: "%05d", 81_000 + index * 37))
    }

    /// The account of `unit`.
    static func account(_ unit: String) -> Account {
        all.first { $0.unit == unit } ?? Account(unit: unit, username: "unit", documentPrefix: "鄂函", contact: "王科长", phone: "0477-8588000")
    }
}
