/// Texts of the demo archive: invented memoirs and oral histories in the style of the
/// region's 文史资料 (the people are invented), beside the four real source documents.
enum DemoArchiveTexts {
    /// A memoir or oral history: title, author or narrator, date, period, genre, summary, places, subjects, text.
    struct Piece {
        var code: String
        var title: String
        var creator: String
        var date: String
        var periodFrom: String
        var periodTo: String
        var genre: String
        var summary: String
        var places: String
        var subjects: String
        var text: String
    }

    static let memoirs: [Piece] = [
        Piece(code: "WS-02-0001", title: "我所经历的伊克昭盟和平解放", creator: "郝永年", date: "约1985年", periodFrom: "1949年9月", periodTo: "1950年",
              genre: "回忆录", summary: "记述1949年秋伊克昭盟和平解放前后东胜城的情形与作者的亲身经历。", places: "东胜、伊金霍洛", subjects: "和平解放、解放初期",
              text: """
              一九四九年秋天，我在东胜城里的一家商号当学徒。九月下旬，城里传开了绥远起义的消息，街上的人都说伊克昭盟也要和平解放了。\
              那几天商号的掌柜天天关着门听收音机，我们几个学徒跑到城门口去看热闹。解放军进城那天，没有放一枪，老百姓端着热水站在路边。\
              后来我参加了识字班，又被选送到盟里的干部训练班学习，从此走上了革命道路。回想起来，那是我一生中最难忘的日子。
              """),
        Piece(code: "WS-02-0002", title: "东胜第一所中学是怎样办起来的", creator: "白玉兰", date: "1991年", periodFrom: "1952年", periodTo: "1958年",
              genre: "回忆录", summary: "回忆二十世纪五十年代东胜创办中学的经过，师资、校舍与第一届学生。", places: "东胜", subjects: "教育、学校创办",
              text: """
              一九五二年，盟里决定在东胜办一所中学。那时候全城找不出一间像样的教室，我们借用了旧庙的两间配殿，学生自己搬土坯垒课桌。\
              第一批教师只有七个人，有从包头请来的，也有刚从师范毕业的蒙古族青年。开学那天来了八十多个学生，最远的从杭锦旗骑马走了三天。\
              冬天教室里生一个牛粪炉子，墨水冻住了就放在怀里捂着。现在想起来，那些学生后来大都成了各条战线的骨干。
              """),
        Piece(code: "WS-02-0003", title: "羊绒衫厂起步的那几年", creator: "刘振华", date: "2008年", periodFrom: "1979年", periodTo: "1988年",
              genre: "回忆录", summary: "作者亲历的改革开放初期羊绒加工企业创办、引进设备和打开市场的过程。", places: "东胜", subjects: "改革开放、羊绒工业、乡镇企业",
              text: """
              改革开放以后，盟里提出要把本地的羊绒变成自己的产品。一九八〇年前后，我们从外地引进了第一批针织设备，派工人去学技术。\
              刚开始织出来的衫子颜色不匀，样式也土，拿到展销会上没人问。大家晚上开会找原因，一点一点改。到了八十年代中期，产品开始出口，\
              厂子也从几十个人发展到上千人。那几年最大的体会是：观念一变，路就宽了。
              """),
        Piece(code: "WS-02-0004", title: "库布其沙漠边上的三十年", creator: "乌云格日勒", date: "2019年", periodFrom: "1988年", periodTo: "2018年",
              genre: "回忆录", summary: "一位基层干部记述在库布其沙漠边缘组织群众植树治沙的经历。", places: "杭锦旗、库布其沙漠", subjects: "治沙、生态建设",
              text: """
              我一九八八年到杭锦旗的一个苏木工作，那时候一刮风沙子就埋到窗台。牧民们说，再不治，这地方就住不成人了。\
              我们先在房前屋后栽沙柳、种柠条，一年栽下去活不了一半，第二年接着补。后来有了企业参与，修了穿沙公路，打了机井，沙地里种上了甘草。\
              三十年过去，当年的流动沙丘大多固定下来了。现在年轻人回来搞旅游，说起库布其，已经不只是沙子了。
              """),
        Piece(code: "WS-02-0005", title: "八十年代初的政协工作片断", creator: "张守义", date: "约1995年", periodFrom: "1980年", periodTo: "1985年",
              genre: "回忆录", summary: "回忆盟政协恢复活动后开展文史资料征集和委员视察的情况。", places: "东胜", subjects: "政协工作、文史资料、委员视察",
              text: """
              一九八〇年前后，盟政协的工作逐步恢复。我们成立了文史资料研究委员会，挨家挨户去拜访老人，请他们把亲历、亲见、亲闻的事情讲出来、写下来。\
              有的老人不识字，我们就带着录音机去，一边听一边记。那几年陆续编印了好几辑文史资料，很多珍贵的史料就是那时候抢救下来的。\
              委员们还分组下去视察，写成提案，交给有关部门办理。
              """),
    ]

    static let oralHistories: [Piece] = [
        Piece(code: "WS-03-0001", title: "准格尔煤田开发的口述记忆", creator: "高建国（口述）", date: "2023年", periodFrom: "1978年", periodTo: "2000年",
              genre: "口述史", summary: "老矿工口述准格尔煤田勘探、建矿和早期生产的经历。", places: "准格尔旗、薛家湾", subjects: "煤炭工业、能源开发、口述史",
              text: ""),
        Piece(code: "WS-03-0002", title: "乌审召治沙的故事", creator: "斯琴（口述）", date: "2024年", periodFrom: "1960年", periodTo: "1990年",
              genre: "口述史", summary: "牧区妇女口述组织社员在毛乌素沙地植树种草的经过。", places: "乌审旗、毛乌素沙地", subjects: "治沙、牧区、口述史",
              text: ""),
    ]

    /// Transcripts of the oral histories (speaker labels as the interviewers wrote them).
    static let transcripts: [String: [String]] = [
        "WS-03-0001": [
            """
            采访者：高师傅，您是哪一年到准格尔的？
            高建国：一九七八年，那时候我二十岁，跟着勘探队来的。薛家湾还是一片荒沟，我们住帐篷，喝的水要从几十里外拉。
            采访者：当时勘探的条件怎么样？
            高建国：苦啊。冬天零下二十多度，钻机冻住了就用火烤。可大家心里都有一股劲，知道脚下是大煤田。
            采访者：建矿以后呢？
            高建国：八十年代末露天矿开工，我从钻工转成了开车的，开的是从国外进来的大卡车。头一回坐进驾驶室，手都在抖。
            """,
            """
            采访者：高师傅，您是哪一年到准格尔的？
            高建国：一九七八年，那时候我二十岁，跟着地质勘探队来的。薛家湾还是一片荒沟，我们住帐篷，喝的水要从几十里外拉。
            采访者：当时勘探的条件怎么样？
            高建国：苦啊。冬天零下二十多度，钻机冻住了就用火烤。可大家心里都有一股劲，知道脚下是大煤田。
            采访者：建矿以后呢？
            高建国：八十年代末露天矿开工，我从钻工转成了开车的，开的是从国外进来的大卡车。头一回坐进驾驶室，手都在抖。后来煤炭运出去，铁路也通了，这个地方一下子就活了。
            """,
        ],
        "WS-03-0002": [
            """
            采访者：斯琴奶奶，您还记得当年治沙的情形吗？
            斯琴：记得。六十年代，我们嘎查的草场一年比一年少，沙子往前推。队里组织妇女种沙蒿、栽柳条，我当了小组长。
            采访者：那时候用什么办法？
            斯琴：先用柳条编成网格，把沙子压住，再在格子里种草。一开始男人们不信，说女人家能干成什么。后来草长起来了，他们也来帮忙了。
            """,
        ],
    ]
}
