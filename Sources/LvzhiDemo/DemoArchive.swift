import Archive
import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// What the demo archive holds, for the summary `lvzhi demo` prints.
public struct DemoArchiveSummary: Sendable, Codable {
    public var accessions: Int
    public var units: Int
    public var files: Int
    public var interviews: Int
    public var volumes: Int
    public var submissions: Int
    public var requests: Int
}

/// The city's literary-historical archive (文史资料): plans and campaigns, submissions,
/// accessions from members and others (with restrictions, one deaccessioned), a description
/// tree whose first series holds the four real source documents of the platform with their
/// full text, invented memoirs and two oral histories with versioned transcripts and
/// segments, editorial review, a volume, an exhibition and use requests. Everything goes
/// through the archive's stores as the archivist `li.wenshi`, on plausible days.
struct DemoArchive {
    let host: LvzhiHost
    let admin: AccessContext
    let city = DemoCatalog.city.code

    /// The real source documents (`Sources/LvzhiDemo/Seeds`): file, title, genre.
    static let seeds: [(file: String, title: String, date: String)] = [
        ("000_90998f8174104536", "政协鄂尔多斯市委员会界别活动组功能型党小组工作规则（试行）", "2022年"),
        ("002_17b00ac26e4194dc", "关于加强和改进专门委员会工作的意见（试行）", "2022年"),
        ("003_fc3f29d13f340bcd", "关于委员之家（委员工作室）建设的实施意见（试行）", "2022年"),
        ("004_adc6a75232cf0d3a", "机关党建工作责任制、党支部工作制度、党小组工作制度", "2022年"),
    ]

    /// The text of a source document.
    static func seedText(_ file: String) throws -> String {
        guard let url = Bundle.module.url(forResource: file, withExtension: "txt", subdirectory: "Seeds") else {
            throw LvzhiError(.storage, "演示数据缺少原始文件 \(file).txt", hint: "重新构建 lvzhi（Sources/LvzhiDemo/Seeds 是它的资源）")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    func build() throws -> DemoArchiveSummary {
        try ModuleStore(host: host, context: admin).enable(ArchivePlugin.id, officeCode: city)
        let archivist = try host.context(for: "li.wenshi")
        func write<T>(_ day: String, as context: AccessContext? = nil, _ body: (AuditedTransaction) throws -> T) throws -> T {
            try Timestamp.pretending(day) { try host.write(as: context ?? archivist, body) }
        }
        let members = try MemberStore(host: host, context: admin).list(officeCode: city)
        let donor = members[10]
        let narrator = members.first { $0.gender == "女" && $0.ethnicity == "蒙古族" } ?? members[20]
        let requesterUser = "weiyuan"

        // Plans, campaigns, agents.
        let termPlan = try write("2022-03-15") { tx in
            try CollectionStore.addPlan(officeCode: city, kind: "term", period: 5, title: "第五届政协文史资料征集规划",
                                        themes: ["革命和建设时期", "改革开放", "生态建设", "民族团结", "口述史抢救"], target: 200,
                                        notes: "优先抢救年事已高的亲历者口述", tx: tx)
        }
        let annual = try write("2026-02-20") { tx in
            try CollectionStore.addPlan(officeCode: city, kind: "annual", period: 2026, title: "2026年文史资料征集计划",
                                        themes: ["改革开放亲历记", "治沙与生态建设"], target: 30, tx: tx)
        }
        let energy = try write("2025-05-06") { tx in
            try CollectionStore.addCampaign(officeCode: city, planID: termPlan.id, title: "能源工业口述史抢救性征集", theme: "煤炭工业",
                                            startsOn: "2025-05-06", endsOn: "2025-12-31", description: "征集煤炭、电力等能源工业建设亲历者的口述和实物资料。", tx: tx)
        }
        let reform = try write("2026-03-01") { tx in
            try CollectionStore.addCampaign(officeCode: city, planID: annual.id, title: "改革开放亲历记征集", theme: "改革开放",
                                            startsOn: "2026-03-01", endsOn: "2026-10-31", description: "面向委员和社会各界征集改革开放以来的亲历、亲见、亲闻资料。", tx: tx)
        }
        var agents: [String: Int64] = [:]
        try write("2025-04-01") { tx in
            for (name, dates, notes) in [("郝永年", "1931—2012", "原东胜商号学徒，后任盟直机关干部"), ("白玉兰", "1930—2015", "东胜中学首批教师"),
                                         ("刘振华", "1946—", "原羊绒衫厂技术员"), ("张守义", "1928—2009", "原盟政协文史资料研究委员会干部"),
                                         ("高建国", "1958—", "准格尔煤田老矿工"), ("李文史", nil, "市政协文化文史和学习委员会工作人员，口述史采集者")] as [(String, String?, String)] {
                agents[name] = try AgentStore.add(officeCode: city, kind: "person", name: name, dates: dates, notes: notes, tx: tx).id!
            }
            agents["伊克昭盟档案馆"] = try AgentStore.add(officeCode: city, kind: "organisation", name: "伊克昭盟档案馆", notes: "今鄂尔多斯市档案馆", tx: tx).id!
            agents["市政协办公室"] = try AgentStore.add(officeCode: city, kind: "organisation", name: "政协鄂尔多斯市委员会办公室", tx: tx).id!
        }

        // Submissions: a member's accepted, a member's waiting, the public's accepted and declined.
        let kubuqi = try write("2026-04-08", as: try host.context(for: "wang.mishu")) { tx in
            try CollectionStore.submit(officeCode: city, campaignID: reform.id, title: "库布其沙漠边上的三十年", summary: "基层干部组织群众治沙的回忆",
                                       sanqin: "亲历", memberID: donor.id, tx: tx)
        }
        _ = try write("2026-10-20", as: try host.context(for: requesterUser)) { tx in
            try CollectionStore.submit(officeCode: city, campaignID: reform.id, title: "我经历的东胜城区改造", summary: "九十年代旧城改造的亲历回忆",
                                       sanqin: "亲历", tx: tx)
        }
        let publicOne = try write("2026-05-12", as: try host.context(for: "wang.mishu")) { tx in
            try CollectionStore.submit(officeCode: city, campaignID: reform.id, title: "父亲的羊绒厂工作日记", summary: "1980—1986年的工作日记三册",
                                       sanqin: "亲闻", submitter: "刘海燕", contact: "0477-8520000", tx: tx)
        }
        let declined = try write("2026-06-03", as: try host.context(for: "wang.mishu")) { tx in
            try CollectionStore.submit(officeCode: city, campaignID: reform.id, title: "网络转载的旧闻汇编", summary: "摘自网络的文章",
                                       sanqin: nil, submitter: "赵某", contact: "zhao@example.com", tx: tx)
        }

        // Accessions.
        func accession(_ day: String, _ input: AccessionInput) throws -> Accession {
            try write(day) { tx in try AccessionStore.register(officeCode: city, input, tx: tx) }
        }
        let rules = try accession("2025-03-18", AccessionInput(title: "政协工作制度文件汇集", acquisition: "移交", provenance: "市政协办公室按年度移交",
                                                              extent: "文件4份", sourceAgentIDs: [agents["市政协办公室"]!]))
        let hao = try accession("2025-04-02", AccessionInput(title: "郝永年回忆录手稿", acquisition: "捐赠", provenance: "其子女整理遗物后捐赠",
                                                            sanqin: "亲历", extent: "手稿2册", rightsAgreement: "捐赠协议：同意政协整理、出版、展陈",
                                                            sourceAgentIDs: [agents["郝永年"]!]))
        let bai = try accession("2025-04-16", AccessionInput(title: "白玉兰回忆文稿", acquisition: "捐赠", sanqin: "亲历", extent: "誊清稿1份",
                                                            sourceAgentIDs: [agents["白玉兰"]!]))
        let coal = try accession("2025-09-10", AccessionInput(title: "准格尔煤田开发口述录音", acquisition: "复制", provenance: "市政协采集组赴薛家湾采访录制",
                                                             sanqin: "亲历", extent: "录音2小时", campaignID: energy.id, sourceAgentIDs: [agents["高建国"]!]))
        let zhang = try accession("2025-11-05", AccessionInput(title: "张守义政协工作回忆", acquisition: "移交", provenance: "伊克昭盟档案馆移交复印件",
                                                              sanqin: "亲历", sourceAgentIDs: [agents["伊克昭盟档案馆"]!]))
        let cashmere = try accession("2026-03-20", AccessionInput(title: "羊绒衫厂起步亲历记", acquisition: "捐赠", sanqin: "亲历", campaignID: reform.id,
                                                                 sourceAgentIDs: [agents["刘振华"]!],
                                                                 restriction: RestrictionInput(use: true, useNote: "作者要求出版前本人审阅",
                                                                                               useEndsOn: CalendarDate.adding(days: 45, to: Timestamp.todayInBeijing()))))
        // Reviewed in the order the days come, so accession numbers follow the calendar.
        let kubuqiAccepted = try write("2026-04-20") { tx in try CollectionStore.review(id: kubuqi.id!, accept: true, note: "亲历者第一手资料，接收", tx: tx) }
        _ = try write("2026-05-25") { tx in try CollectionStore.review(id: publicOne.id!, accept: true, note: "接收原件，扫描后妥善保管", acquisition: "寄存", tx: tx) }
        _ = try write("2026-06-10") { tx in try CollectionStore.review(id: declined.id!, accept: false, note: "非三亲资料，且为网络转载", tx: tx) }
        let wushen = try accession("2026-07-15", AccessionInput(title: "乌审召治沙口述录音", acquisition: "复制", provenance: "市政协采集组赴乌审旗采访录制",
                                                               sanqin: "亲历", extent: "录音1小时", campaignID: reform.id, sourceMemberIDs: [narrator.id]))
        let photos = try accession("2026-08-03", AccessionInput(title: "二十世纪五十年代东胜老照片", acquisition: "寄存", provenance: "私人收藏者寄存",
                                                               extent: "照片12张", rightsAgreement: "寄存协议：寄存期十年",
                                                               restriction: RestrictionInput(access: true, accessNote: "寄存人要求寄存期内不对外开放", accessEndsOn: "2031-08-02")))
        let duplicate = try accession("2026-09-01", AccessionInput(title: "郝永年回忆录复印件", acquisition: "复制", extent: "复印件1份"))
        _ = try accession("2026-11-10", AccessionInput(title: "市地方志办公室移交的座谈会记录", acquisition: "移交", extent: "文件1盒"))
        try write("2026-09-05") { tx in _ = try AccessionStore.deaccession(id: duplicate.id!, reason: "与 2025-0002 重复接收，复印件退回", tx: tx) }
        for (a, status) in [(rules, ProcessingStatus.processed), (hao, .processed), (bai, .processed), (coal, .processed), (zhang, .processed),
                            (cashmere, .processed), (wushen, .inProgress), (photos, .inProgress)] {
            try write("2026-10-15") { tx in _ = try AccessionStore.setProcessing(id: a.id!, status, tx: tx) }
        }

        // The description tree.
        func unit(_ day: String, _ input: UnitInput) throws -> DescriptionUnit {
            try write(day) { tx in try DescriptionStore.add(officeCode: city, input, tx: tx) }
        }
        let fonds = try unit("2025-03-20", UnitInput(level: "全宗", referenceCode: "WS", title: "政协鄂尔多斯市委员会文史资料", creator: "政协鄂尔多斯市委员会",
                                                    summary: "市政协征集、整理的文史资料和政协工作文件", retention: "永久", originalLocation: "文史馆库房"))
        let rulesSeries = try unit("2025-03-20", UnitInput(level: "系列", parentID: fonds.id, referenceCode: "WS-01", title: "政协工作制度文件",
                                                          originalLocation: "文史馆库房A区"))
        for (index, seed) in Self.seeds.enumerated() {
            _ = try unit("2025-03-25", UnitInput(level: "件", parentID: rulesSeries.id, referenceCode: String(format: "WS-01-%04d", index + 1), title: seed.title,
                                                creator: "政协鄂尔多斯市委员会", createdOn: seed.date, manuscript: "打印稿", genre: "规章制度",
                                                subjects: "政协工作、制度建设", retention: "永久", originalLocation: "文史馆库房A区", copyLocation: "数字化副本",
                                                accessionID: rules.id, body: try Self.seedText(seed.file)))
        }
        let memoirs = try unit("2025-04-05", UnitInput(level: "系列", parentID: fonds.id, referenceCode: "WS-02", title: "回忆录", originalLocation: "文史馆库房B区"))
        let memoirAccessions = [hao, bai, cashmere, try host.read { db in try Accession.find(id: kubuqiAccepted.accessionID!, db: db) }, zhang]
        var memoirUnits: [DescriptionUnit] = []
        for (index, piece) in DemoArchiveTexts.memoirs.enumerated() {
            let creator = index == 3 ? donor.name : piece.creator
            memoirUnits.append(try unit(index == 3 ? "2026-04-25" : "2025-06-10", UnitInput(
                level: "件", parentID: memoirs.id, referenceCode: piece.code, title: piece.title, creator: creator, createdOn: piece.date,
                periodFrom: piece.periodFrom, periodTo: piece.periodTo, manuscript: index == 4 ? "打印稿" : "手稿", genre: piece.genre,
                summary: piece.summary, persons: creator, places: piece.places, subjects: piece.subjects, retention: "永久",
                originalLocation: "文史馆库房B区", copyLocation: "数字化副本", accessionID: memoirAccessions[index].id,
                body: piece.text.replacingOccurrences(of: "乌云格日勒", with: creator))))
        }
        let oral = try unit("2025-09-12", UnitInput(level: "系列", parentID: fonds.id, referenceCode: "WS-03", title: "口述史料", originalLocation: "文史馆音像室"))
        let photoSeries = try unit("2026-08-05", UnitInput(level: "系列", parentID: fonds.id, referenceCode: "WS-04", title: "照片", originalLocation: "文史馆库房C区"))
        let photoFile = try unit("2026-08-05", UnitInput(level: "案卷", parentID: photoSeries.id, referenceCode: "WS-04-01", title: "二十世纪五十年代东胜老照片",
                                                        periodFrom: "约1952年", periodTo: "1959年", genre: "照片", extent: "12张", places: "东胜",
                                                        originalLocation: "文史馆库房C区", accessionID: photos.id))
        for (n, title) in ["东胜老城南门", "东胜中学第一届学生合影"].enumerated() {
            _ = try unit("2026-08-06", UnitInput(level: "件", parentID: photoFile.id, referenceCode: String(format: "WS-04-01-%02d", n + 1), title: title,
                                                createdOn: "约195\(3 + n)年", genre: "照片", extent: "1张", places: "东胜", originalLocation: "文史馆库房C区",
                                                accessionID: photos.id))
        }
        let confidential = try unit("2026-10-20", UnitInput(level: "系列", parentID: fonds.id, referenceCode: "WS-05", title: "内部资料", secrecy: "内部",
                                                       openness: "控制", originalLocation: "文史馆机要柜"))
        _ = try unit("2026-10-20", UnitInput(level: "件", parentID: confidential.id, referenceCode: "WS-05-0001", title: "文史资料工作座谈会记录（涉密部分）",
                                            createdOn: "2026-10-18", genre: "会议记录", secrecy: "秘密", retention: "定期30年", openness: "不开放",
                                            originalLocation: "文史馆机要柜", body: "会议记录：涉及未公开的人物评价，按规定不予开放。"))

        // Digital files: the source documents as masters, the memoirs' transcriptions as access copies.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lvzhi-demo-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (index, seed) in Self.seeds.enumerated() {
            guard let url = Bundle.module.url(forResource: seed.file, withExtension: "txt", subdirectory: "Seeds") else { continue }
            let unitID = try host.read { db in try DescriptionUnit.filter(sql: "reference_code = ?", arguments: [String(format: "WS-01-%04d", index + 1)]).fetchOne(db)!.id! }
            _ = try Timestamp.pretending("2025-03-26") {
                try DigitalFileStore.ingest(host: host, context: archivist, unitID: unitID, source: url, use: .master, mimeType: "text/plain",
                                            originalName: "\(seed.title).txt")
            }
        }
        for unit in memoirUnits {
            let file = scratch.appendingPathComponent("\(unit.referenceCode).txt")
            try Data((unit.body ?? unit.title).utf8).write(to: file)
            _ = try Timestamp.pretending("2025-06-12") {
                try DigitalFileStore.ingest(host: host, context: archivist, unitID: unit.id!, source: file, use: .access, mimeType: "text/plain",
                                            originalName: "\(unit.title)（录入稿）.txt")
            }
        }

        // Oral histories with versioned transcripts and segments.
        var interviews = 0
        for (index, piece) in DemoArchiveTexts.oralHistories.enumerated() {
            let isMember = index == 1
            let speaker = isMember ? narrator.name : "高建国"
            let day = index == 0 ? "2025-09-10" : "2026-07-15"
            let interview = try write(day) { tx in
                try OralHistoryStore.add(officeCode: city, InterviewInput(
                    unit: UnitInput(parentID: oral.id, referenceCode: piece.code, title: piece.title, creator: isMember ? "\(narrator.name)（口述）" : piece.creator,
                                    createdOn: day, periodFrom: piece.periodFrom, periodTo: piece.periodTo, summary: piece.summary,
                                    persons: speaker, places: piece.places, subjects: piece.subjects, retention: "永久", originalLocation: "文史馆音像室",
                                    accessionID: (isMember ? wushen : coal).id),
                    narratorID: isMember ? nil : agents["高建国"], narratorMemberID: isMember ? narrator.id : nil, interviewerID: agents["李文史"],
                    interviewedOn: day, place: index == 0 ? "准格尔旗薛家湾镇" : "乌审旗乌审召镇", duration: index == 0 ? "01:52:00" : "00:58:30",
                    dialect: index == 0 ? "鄂尔多斯方言（晋语）" : "蒙古语鄂尔多斯土语、汉语", consentGiven: true, narratorReviewed: index == 0), tx: tx)
            }
            for (version, text) in (DemoArchiveTexts.transcripts[piece.code] ?? []).enumerated() {
                let named = text.replacingOccurrences(of: "斯琴", with: speaker)
                let transcript = try write(CalendarDate.adding(days: 20 + 30 * version, to: day)) { tx in
                    try OralHistoryTranscriptStore.add(interviewID: interview.id!, text: named, note: version == 0 ? "初稿" : "口述者审阅后修改", tx: tx)
                }
                if version == (DemoArchiveTexts.transcripts[piece.code]!.count - 1) {
                    var start = 0
                    for (n, line) in named.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        let length = line.unicodeScalars.count
                        if line.hasPrefix(speaker), n < 6 {
                            try write(CalendarDate.adding(days: 25 + 30 * version, to: day)) { tx in
                                _ = try OralHistorySegmentStore.add(interviewID: interview.id!, SegmentInput(
                                    start: String(format: "00:%02d:00", 3 + n * 9), title: String(line.dropFirst(speaker.count + 1).prefix(12)),
                                    keywords: piece.subjects, from: start, to: start + length, version: transcript.version), tx: tx)
                            }
                        }
                        start += length + 1
                    }
                }
            }
            interviews += 1
        }

        // Editorial review, a volume, an exhibition.
        for (index, unit) in memoirUnits.enumerated() {
            let decision = ["采用", "修改后采用", "采用", "存稿备用", "采用"][index]
            try write("2026-04-28") { tx in
                _ = try EditorialReviewStore.add(unitID: unit.id!, decision: decision, reviewers: ["张编审", "王编审"],
                                                 note: decision == "采用" ? nil : (decision == "存稿备用" ? "待补充照片资料后再议" : "核实人名、地名和时间"), tx: tx)
                if decision == "修改后采用" {
                    _ = try EditorialReviewStore.addVersion(unitID: unit.id!, text: (unit.body ?? "") + "\n（编者按：文中时间经核对档案资料订正。）",
                                                            note: "按编审意见修改", round: 1, tx: tx)
                }
            }
        }
        let volume = try write("2026-06-18") { tx in
            try VolumeStore.add(officeCode: city, VolumeInput(series: "鄂尔多斯文史资料", number: 12, title: "亲历与见证", publishedOn: "2026-06",
                                                              editors: ["张编审", "王编审"], notes: "内部发行"), tx: tx)
        }
        var page = 1
        for unit in [memoirUnits[0], memoirUnits[1], memoirUnits[4]] {
            try write("2026-06-18") { tx in
                _ = try VolumeStore.addItem(volumeID: volume.id!, VolumeItemInput(unitID: unit.id!, pageFrom: page, pageTo: page + 11,
                                                                                 printedAuthor: unit.creator), tx: tx)
            }
            page += 12
        }
        let exhibition = try write("2026-05-01") { tx in
            try ExhibitionStore.add(officeCode: city, ExhibitionInput(title: "鄂尔多斯政协文史馆基本陈列", opensOn: "2026-05-01", notes: "常设展览"), tx: tx)
        }
        let liberation = try write("2026-05-01") { tx in try ExhibitionStore.addSection(exhibitionID: exhibition.id!, title: "和平解放与新中国建设", tx: tx) }
        let opening = try write("2026-05-01") { tx in try ExhibitionStore.addSection(exhibitionID: exhibition.id!, title: "改革开放与生态建设", tx: tx) }
        try write("2026-05-01") { tx in
            _ = try ExhibitionStore.addItem(sectionID: liberation.id!, unitID: memoirUnits[0].id!, label: "郝永年《我所经历的伊克昭盟和平解放》手稿", form: .original, tx: tx)
            _ = try ExhibitionStore.addItem(sectionID: liberation.id!, unitID: memoirUnits[1].id!, label: "白玉兰回忆东胜中学创办（誊清稿）", form: .original, tx: tx)
            _ = try ExhibitionStore.addItem(sectionID: opening.id!, unitID: memoirUnits[2].id!, label: "羊绒衫厂起步亲历记（复制件）", form: .copy, tx: tx)
        }

        // Use requests: a member's copy request approved, another waiting.
        let member = try host.context(for: requesterUser)
        let copy = try write("2026-07-02", as: member) { tx in
            try UseRequestStore.request(unitID: memoirUnits[1].id!, kind: "复制", purpose: "撰写东胜教育史文章参考", tx: tx)
        }
        try write("2026-07-05") { tx in _ = try UseRequestStore.approve(id: copy.id!, note: "同意复制一份，注明出处", tx: tx) }
        _ = try write("2026-11-25", as: member) { tx in
            try UseRequestStore.request(unitID: memoirUnits[4].id!, kind: "利用", purpose: "委员履职培训讲稿参考", tx: tx)
        }

        return try host.read { db in
            DemoArchiveSummary(
                accessions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM archive_accessions") ?? 0,
                units: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM archive_units") ?? 0,
                files: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM archive_files") ?? 0,
                interviews: interviews,
                volumes: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM archive_volumes") ?? 0,
                submissions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM archive_submissions") ?? 0,
                requests: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM archive_use_requests") ?? 0)
        }
    }
}
