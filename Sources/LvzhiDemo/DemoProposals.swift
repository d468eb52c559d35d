import Foundation
import LvzhiCore
import LvzhiStorage
import Proposals

/// What the demo's year of proposals came to, for the summary `lvzhi demo` prints.
public struct DemoProposalSummary: Sendable, Codable {
    /// Proposals by state id (`draft`, `concluded` …), every state listed.
    public var byStatus: [String: Int]
    public var total: Int
    /// 大会提案 and 平时提案 (drafts have neither).
    public var session: Int
    public var everyday: Int
    public var joint: Int
    public var collective: Int
    /// Key proposals, and of them those supervised (督办) and those led by a vice-mayor (领办).
    public var key: Int
    public var supervised: Int
    public var led: Int
    public var excellent: Int
    /// Proposals with a unit past its due date without a reply (as of today).
    public var overdue: Int
    /// Handling units that hold, held or returned a proposal.
    public var unitsInvolved: Int
    /// Accounts made for the proposal year: one per city member who acts (not the printed
    /// `weiyuan`) and one per handling unit (not the printed `fagai`).
    public var memberAccounts: Int
    public var unitAccounts: Int
    /// Members of the reviewer pool (提案审查专家库).
    public var reviewers: Int
    /// The year of the rule report, the bodies that met the rule and those that did not.
    public var ruleYear: Int
    public var rulesMet: Int
    public var rulesUnmet: [String]
}

/// The city's year of proposals for 五届五次会议 (opens 2026-01-08): about 320 proposals,
/// written, reviewed, assigned, handled, replied to, published and rated on plausible days
/// from October 2025 to the end of November 2026, every step through the plugin's API as the
/// user who takes it (members draft, confirm, submit, withdraw and rate their own proposals;
/// `wang.mishu` reviews, assigns, publishes, supervises and enters ratings for members who
/// cannot; each handling unit's own account accepts, returns, contacts, replies and gives its
/// co-handler opinion), so permissions, audit, duty records and events are exercised for real.
///
/// The year is planned first (who writes what, and each proposal's course), then replayed in
/// calendar order by a ``DemoTimeline``.
final class DemoProposalYear {
    typealias Texts = DemoProposalTexts

    /// A proposal of the plan: what it says and who stands behind it; its id and number once written.
    final class Planned {
        let title: String
        let category: String
        let theme: Texts.Theme?
        let kind: ProposalKind
        let first: Int64?
        let cosigners: [Int64]
        let collectiveBody: String?
        let authors: [Int64]
        /// Entered by the office on the member's behalf (代录).
        let byStaff: Bool
        let body: String
        var id: Int64 = 0
        var numberLabel = ""
        /// The units that hold it (the lead unit after any reassignment).
        var lead = ""
        var co: [String] = []
        /// Proposals merged into this one (their proposers rate its reply too).
        var merged: [Planned] = []
        var isKey = false

        init(title: String, category: String, theme: Texts.Theme?, kind: ProposalKind, first: Int64?, cosigners: [Int64] = [],
             collectiveBody: String? = nil, authors: [Int64] = [], byStaff: Bool = false, body: String) {
            self.title = title; self.category = category; self.theme = theme; self.kind = kind; self.first = first
            self.cosigners = cosigners; self.collectiveBody = collectiveBody; self.authors = authors; self.byStaff = byStaff; self.body = body
        }

        /// The members who rate its reply: proposer and co-signers, also of the proposals merged into it.
        var raters: [Int64] {
            guard kind != .collective else { return [] }
            var seen = Set<Int64>()
            return ([first!] + cosigners + merged.flatMap { [$0.first!] + $0.cosigners }).filter { seen.insert($0).inserted }
        }
    }

    /// How a filed proposal is handled.
    struct Course {
        enum Reply {
            /// Replied on a day in the window.
            case between(String, String)
            /// Not replied by today.
            case none
        }
        var reply: Reply = .between("2026-03-10", "2026-05-08")
        /// The unit first assigned returns it within ten days; the office assigns the right one.
        var reassign = false
        /// Co-handlers (会办), and whether the first of them returns its part.
        var coHandlers = 0
        var coReturns = false
        /// The office extends the due date on `extendOn` to `extendUntil`.
        var extendOn: String?
        var extendUntil: String?
        /// The office sends the first reply back before publication; the unit replies again.
        var sendBack = false
        /// A proposer rates 不满意; the office orders it handled again; `replyAgain`: the unit replied again.
        var unsatisfied = false
        var replyAgain = true
    }

    let host: LvzhiHost
    let admin: AccessContext
    let city = DemoCatalog.city.code
    let staff = "wang.mishu"
    var random: DemoRandom
    var writer: DemoProposalWriter
    let timeline = DemoTimeline()
    private var contexts: [String: AccessContext] = [:]
    private var members: [MemberView] = []
    private var memberByID: [Int64: MemberView] = [:]
    /// The username acting for each member.
    private var usernames: [Int64: String] = [:]
    /// Member weights for being a first proposer (some members write many proposals, some none).
    private var activity: [(Int64, Int)] = []
    private var reviewerPool: [Int64] = []
    private var units = Set<String>()
    private var documentCounters: [String: Int] = [:]
    private var memberAccounts = 0
    private var unitAccounts = 0

    /// The last day the plan writes on: the demo is the year up to the end of November 2026.
    static let lastDay = "2026-11-30"

    /// The two bulk publications that close the handling rounds, and when ratings come in after each.
    static let rounds: [(publish: String, ratingsFrom: String, ratingsTo: String)] = [
        ("2026-06-30", "2026-07-02", "2026-07-24"), ("2026-09-30", "2026-10-09", "2026-10-30"),
    ]

    init(host: LvzhiHost, admin: AccessContext, seed: UInt64) {
        self.host = host
        self.admin = admin
        var random = DemoRandom(seed: seed &+ 99)
        writer = DemoProposalWriter(random: &random)
        self.random = random
    }

    // MARK: - The year

    /// Enables the module for the city, plans the year, replays it and returns the summary.
    func build() throws -> DemoProposalSummary {
        try ModuleStore(host: host, context: admin).enable(ProposalsPlugin.id, officeCode: city)
        members = try MemberStore(host: host, context: admin).list(officeCode: city)
        memberByID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        activity = members.map { member in
            let leader = member.roles.contains { KeyProposals.chairmansMeeting.contains($0) }
            return (member.id, leader ? 0 : [0, 1, 1, 2, 2, 3, 5].randomElement(using: &random)!)
        }
        if !activity.contains(where: { $0.1 > 0 }) { activity = members.map { ($0.id, 1) } }

        try addMemberAccounts()
        planReviewerPool()
        planSessionProposals()
        planEverydayProposals()
        planUnitAccounts()
        try timeline.run(today: Timestamp.todayInBeijing())
        return try summary()
    }

    // MARK: - Accounts and the reviewer pool

    /// One account per city member (the first member already acts as `weiyuan`), made before the
    /// call for proposals; kept out of the printed user list.
    private func addMemberAccounts() throws {
        let users = UserStore(host: host, context: admin)
        // The member the builder already gave an account (`weiyuan`) acts through it.
        if let known = try? context("weiyuan"), let member = known.user.memberID { usernames[member] = "weiyuan" }
        try Timestamp.pretending("2025-09-28") {
            for member in members where usernames[member.id] == nil {
                let username = String(format: "wy%04d", member.id)
                try users.add(username: username, displayName: "\(member.name)（委员）", officeCode: city, role: .member, memberID: member.id)
                usernames[member.id] = username
                memberAccounts += 1
            }
        }
    }

    /// An account for every unit the plan gives a proposal to, made before the assignment meeting.
    private func planUnitAccounts() {
        let users = UserStore(host: host, context: admin)
        let planned = DemoCatalog.handlingUnits.map(\.name).filter(units.contains)
        timeline.on("2026-02-06", rank: 0) { [self] in
            for unit in planned {
                let account = DemoUnitAccounts.account(unit)
                if (try? host.context(for: account.username)) != nil { continue }  // `fagai`, made by the builder
                try users.add(username: account.username, displayName: unit, officeCode: city, role: .handlingUnit, handlingUnitName: unit)
                unitAccounts += 1
            }
        }
    }

    /// Twelve members recommended by the committees (提案审查专家库), added before the session.
    private func planReviewerPool() {
        let codeOfCommittee = Dictionary(uniqueKeysWithValues: DemoCatalog.committees.map { ($0.name, $0.code) })
        var chosen: [(Int64, String?)] = []
        for committee in DemoCatalog.committees {
            let candidates = members.filter { $0.committee == committee.name && !$0.roles.contains("主席") }
            for member in candidates.shuffled(using: &random).prefix(committee.code == "proposals" ? 5 : 1) {
                chosen.append((member.id, codeOfCommittee[committee.name]))
            }
        }
        reviewerPool = chosen.map(\.0)
        timeline.on("2025-12-18", rank: 0) { [self] in
            try host.write(as: try context(staff)) { tx in
                for (member, committee) in chosen { _ = try ReviewerPool.add(officeCode: city, memberID: member, committeeCode: committee, tx: tx) }
            }
        }
    }

    /// Two or three reviewers from the pool for the review steps of `day` (the same ones all day).
    private func reviewers(on day: String) -> [Int64] {
        guard reviewerPool.count >= 3 else { return reviewerPool }
        let start = abs(CalendarDate.days(from: "2026-01-01", to: day)) % reviewerPool.count
        return (0..<3).map { reviewerPool[(start + $0 * 4) % reviewerPool.count] }
    }

    // MARK: - Who proposes

    private func firstProposer() -> Int64 { random.weighted(activity) }

    private func cosigners(besides first: Int64) -> [Int64] {
        let count = Int.random(in: 1...3, using: &random)
        return Array(members.map(\.id).filter { $0 != first }.shuffled(using: &random).prefix(count))
    }

    /// An individual (or, one time in five, joint) proposal on `subject`, or on a fresh title.
    private func memberProposal(title: String? = nil, theme: Texts.Theme? = nil, category: String? = nil, joint: Bool? = nil) -> Planned {
        let subject = title == nil ? writer.subject(random: &random) : nil
        let first = firstProposer()
        let isJoint = joint ?? random.chance(20)
        let theTitle = title ?? subject!.title
        let theTheme = theme ?? subject?.theme
        let body = theTheme.map { DemoProposalWriter.body(title: theTitle, theme: $0, collectiveBody: nil, random: &random) }
            ?? DemoProposalWriter.plainBody(title: theTitle)
        return Planned(title: theTitle, category: category ?? theTheme!.category, theme: theTheme, kind: isJoint ? .joint : .individual,
                       first: first, cosigners: isJoint ? cosigners(besides: first) : [], byStaff: random.chance(10), body: body)
    }

    /// A collective proposal in the name of `body`, written by one or two of its members.
    private func collectiveProposal(_ body: String, themes: [String]?) -> Planned {
        let subject = writer.subject(of: themes, random: &random)
        var authors = members.filter { $0.committee == body || $0.group == body || $0.sector == body || $0.party == body }
        if authors.isEmpty { authors = members }
        let chosen = Array(authors.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))).map(\.id)
        return Planned(title: subject.title, category: subject.theme.category, theme: subject.theme, kind: .collective, first: nil,
                       collectiveBody: body, authors: chosen,
                       body: DemoProposalWriter.body(title: subject.title, theme: subject.theme, collectiveBody: body, random: &random))
    }

    /// The bodies that make collective proposals, with the themes they write about. One committee
    /// (民族和宗教委员会) and one group (the seventh) make none, so the rule report shows both.
    private func collectiveBodies() -> [(body: String, themes: [String]?)] {
        var bodies: [(String, [String]?)] = []
        for committee in DemoCatalog.committees where committee.code != "ethnic" {
            let themes = Texts.themesOfCommittee[committee.code]
            bodies += [(committee.name, themes), (committee.name, themes)]
        }
        for (index, group) in DemoCatalog.groups.enumerated() where group.code != "g7" {
            let themes = group.committeeCode.flatMap { Texts.themesOfCommittee[$0] }
            bodies.append((group.name, themes))
            if index % 2 == 1 { bodies.append((group.name, themes)) }
        }
        for party in ["民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社"] { bodies += [(party, nil), (party, nil)] }
        bodies += [("工商联", ["business", "industry"]), ("无党派人士", nil), ("科协", ["industry", "digital"])]
        return bodies
    }

    // MARK: - 大会提案: submitted from 2025-10-10 until the session closes (2026-01-11)

    private func planSessionProposals() {
        // Collective proposals are written in the bodies' names in the days before the session.
        let bodies = collectiveBodies()
        let collective = bodies.dropLast(3).map { collectiveProposal($0.body, themes: $0.themes) }
        everydayCollective = bodies.suffix(3).map { collectiveProposal($0.body, themes: $0.themes) }

        // The special cases of review.
        let rejected = Texts.rejected.prefix(6).map { memberProposal(title: $0.title, category: $0.category, joint: false) }
        let converted = Texts.converted.prefix(7).map { memberProposal(title: $0.title, category: $0.category, joint: false) }
        var mains: [Planned] = []
        var mergedOnes: [Planned] = []
        for group in Texts.mergeGroups {
            let theme = DemoProposalWriter.theme(group.theme)
            let main = memberProposal(title: group.main, theme: theme)
            mains.append(main)
            for title in group.merged {
                let merged = memberProposal(title: title, theme: theme)
                main.merged.append(merged)
                mergedOnes.append(merged)
            }
        }
        let regularCount = 272 - collective.count - rejected.count - converted.count - mains.count - mergedOnes.count
        let regular = (0..<regularCount).map { _ in memberProposal() }

        // Submission days: about a quarter in the autumn, most in the days before and during the session.
        var submissions: [(Planned, String)] = []
        for p in regular + rejected + converted + mains + mergedOnes {
            let day = random.chance(28) ? DemoDays.between("2025-10-10", "2025-12-31", anyDay: true, using: &random)
                                        : DemoDays.between("2026-01-02", "2026-01-11", anyDay: true, using: &random)
            submissions.append((p, day))
        }
        for p in collective { submissions.append((p, DemoDays.between("2026-01-04", "2026-01-10", using: &random))) }
        submissions.sort { $0.1 < $1.1 }
        for (p, day) in submissions { write(p, submitOn: day, draftedFrom: max("2025-10-10", DemoDays.add(-20, to: day))) }

        // Review, in order of submission, about thirty a day from 2026-01-13.
        var plainRegular = regular.shuffled(using: &random)
        let returnedStay = Array(plainRegular.prefix(3)); plainRegular.removeFirst(3)
        let returnedWithdrawn = plainRegular.removeFirst()
        let withdrawnBeforeReview = plainRegular.removeFirst()
        let resubmitted = Array(plainRegular.prefix(4)); plainRegular.removeFirst(4)
        let returned = Set((returnedStay + [returnedWithdrawn] + resubmitted).map(ObjectIdentifier.init))

        var reviewDay = DemoDays.workday("2026-01-13")
        var reviewedToday = 0
        var lastReviewDay = reviewDay
        var filed: [Planned] = []
        for (p, _) in submissions {
            if p === withdrawnBeforeReview {
                schedule("2026-01-12") { [self] in try store(proposer(p)).apply(.withdraw, id: p.id) }
                continue
            }
            if mergedOnes.contains(where: { $0 === p }) { continue }
            if reviewedToday == 30 { reviewDay = DemoDays.workdays(1, after: reviewDay); reviewedToday = 0 }
            reviewedToday += 1
            lastReviewDay = reviewDay
            let day = reviewDay
            if let index = rejected.firstIndex(where: { $0 === p }) {
                review(p, .reject, on: day, note: Texts.rejected[index].note, ground: Texts.rejected[index].ground)
            } else if let index = converted.firstIndex(where: { $0 === p }) {
                review(p, .convert, on: day, note: Texts.converted[index].note)
            } else if returned.contains(ObjectIdentifier(p)) {
                review(p, .returnForRevision, on: day, note: Texts.returnNotes.randomElement(using: &random)!)
                if p === returnedWithdrawn {
                    schedule(DemoDays.add(Int.random(in: 3...8, using: &random), to: day)) { [self] in try store(proposer(p)).apply(.withdraw, id: p.id) }
                } else if resubmitted.contains(where: { $0 === p }) {
                    let again = DemoDays.add(Int.random(in: 2...5, using: &random), to: day)
                    schedule(again) { [self] in try store(submitter(p)).apply(.submit, id: p.id) }
                    review(p, .file, on: DemoDays.workdays(Int.random(in: 1...3, using: &random), after: again))
                    filed.append(p)
                }
            } else {
                review(p, .file, on: day)
                filed.append(p)
            }
        }
        // Similar proposals merged into their main ones at the end of the review.
        for main in mains {
            for merged in main.merged {
                timeline.on(lastReviewDay, rank: 2) { [self] in
                    _ = try store(staff).apply(.merge, id: merged.id, note: "与提案「\(main.title)」内容相近，并案办理", mergeInto: main.id,
                                               reviewers: reviewers(on: lastReviewDay))
                }
            }
        }
        // One proposal is kept out of publication.
        if let secret = filed.first(where: { $0.theme?.key == "industry" }) {
            schedule("2026-01-28") { [self] in
                _ = try store(staff).flag(id: secret.id, isPublic: false, reason: Texts.privateReason)
            }
        }
        handleSessionProposals(filed)
    }

    /// Assignment at the 交办会 (2026-02-10) and every course of handling, then key proposals and the excellent ones.
    private func handleSessionProposals(_ filed: [Planned]) {
        var courses: [Course] = []
        func add(_ n: Int, _ course: Course) { courses += Array(repeating: course, count: n) }
        add(6, Course(reassign: true))
        add(4, Course(reply: .none))
        add(3, Course(reply: .between("2026-07-08", "2026-07-28"), extendOn: "2026-04-28", extendUntil: "2026-07-31"))
        add(1, Course(reply: .none, extendOn: "2026-05-06", extendUntil: "2026-08-10"))
        add(5, Course(reply: .between("2026-04-01", "2026-04-30"), sendBack: true))
        add(22, Course(reply: .between("2026-05-11", "2026-06-24")))
        add(6, Course(reply: .between("2026-07-06", "2026-09-18")))
        add(4, Course(reply: .between("2026-10-12", "2026-11-25")))
        add(4, Course(unsatisfied: true))
        add(1, Course(unsatisfied: true, replyAgain: false))
        // The special courses go to members' proposals: collective ones are rated by the office for
        // the body, and the main proposals of a merger are handled plainly so that all their proposers rate.
        func plainOnly(_ p: Planned) -> Int { p.kind == .collective || !p.merged.isEmpty ? 1 : 0 }
        var order = filed.shuffled(using: &random)
        order.sort { plainOnly($0) < plainOnly($1) }
        let special = courses.count
        var assigned: [(Planned, Course)] = []
        for (index, p) in order.enumerated() {
            var course = index < special ? courses[index] : Course()
            if !course.reassign, random.chance(30) { course.coHandlers = random.chance(75) ? 1 : 2 }
            assigned.append((p, course))
        }
        if let index = assigned.firstIndex(where: { $0.1.coHandlers > 0 && !$0.1.reassign && $0.1.unsatisfied == false }) {
            assigned[index].1.coReturns = true
        }
        for (p, course) in assigned { handle(p, assignedOn: "2026-02-10", course) }

        // Key proposals of 2026, chosen by the chairman's meeting on 2026-03-03: six supervised (督办) by
        // members of the chairman's meeting, four led (领办) by vice-mayors; one of them is overdue.
        let leaders = members.filter { $0.roles.contains { KeyProposals.chairmansMeeting.contains($0) } }
        let keyThemes = ["yellowriver", "energy", "desert", "business", "elderly", "education", "mongolian", "rural", "tourism"]
        var keys: [Planned] = []
        for theme in keyThemes {
            if let pair = assigned.first(where: { pair in pair.0.theme?.key == theme && isPlain(pair.1) && !keys.contains { $0 === pair.0 } }) {
                keys.append(pair.0)
            }
        }
        if let pair = assigned.first(where: { pair in
            if case .none = pair.1.reply { return pair.1.extendUntil != nil }
            return false
        }) { keys.append(pair.0) }
        let chairmen = ["主席", "副主席", "副主席", "副主席", "副主席", "秘书长"]
        var taken = Set<Int64>()
        for (index, p) in keys.enumerated() {
            p.isKey = true
            var supervisorMember: Int64?
            var supervisorName: String?
            var who: String
            if index < chairmen.count, let leader = leaders.first(where: { $0.roles.contains(chairmen[index]) && !taken.contains($0.id) }) {
                taken.insert(leader.id)
                supervisorMember = leader.id
                who = "市政协\(chairmen[index])\(leader.name)"
            } else {
                let name = Texts.viceMayors[index % Texts.viceMayors.count]
                supervisorName = name
                who = name.replacingOccurrences(of: " ", with: "")
            }
            schedule("2026-03-03") { [self] in
                _ = try store(staff).markKey(id: p.id, year: 2026, supervisorMemberID: supervisorMember, supervisor: supervisorName)
            }
            for window in [("2026-04-13", "2026-04-28"), ("2026-06-02", "2026-06-19"), ("2026-09-07", "2026-09-18")] {
                let day = DemoDays.between(window.0, window.1, using: &random)
                let note = Texts.supervisionNotes.randomElement(using: &random)!
                    .replacingOccurrences(of: "{领导}", with: who).replacingOccurrences(of: "{单位}", with: p.lead)
                schedule(day) { [self] in _ = try store(staff).supervise(id: p.id, note: note) }
            }
        }

        // Excellent proposals, chosen in November among the concluded ones.
        let excellent = Array(keys.prefix(2)) + assigned.filter { isPlain($0.1) && !$0.0.isKey && $0.0.kind != .collective }.prefix(3).map(\.0)
        for p in excellent {
            schedule("2026-11-18") { [self] in _ = try store(staff).flag(id: p.id, isExcellent: true) }
        }
    }

    private func isPlain(_ course: Course) -> Bool {
        guard case .between(let from, _) = course.reply else { return false }
        return from == "2026-03-10" && !course.reassign && !course.sendBack && !course.unsatisfied
    }

    // MARK: - 平时提案: through 2026, fewer

    private var everydayCollective: [Planned] = []

    private func planEverydayProposals() {
        let collective = everydayCollective
        // Concluded: submitted in spring, replied before the second round.
        for index in 0..<14 {
            let p = index < 2 ? collective[index] : memberProposal()
            let submit = DemoDays.between("2026-02-24", "2026-05-29", anyDay: true, using: &random)
            let fileDay = DemoDays.workdays(Int.random(in: 5...12, using: &random), after: submit)
            let assign = DemoDays.workdays(Int.random(in: 5...10, using: &random), after: fileDay)
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-10, to: submit))
            review(p, .file, on: fileDay)
            let latest = min(DemoDays.add(85, to: assign), "2026-09-24")
            var course = Course(reply: .between(DemoDays.add(25, to: assign), latest))
            if random.chance(25) { course.coHandlers = 1 }
            handle(p, assignedOn: assign, course)
        }
        // Replied in October and November: the replies are not yet published.
        for _ in 0..<7 {
            let p = memberProposal()
            let submit = DemoDays.between("2026-06-01", "2026-07-31", anyDay: true, using: &random)
            let fileDay = DemoDays.workdays(Int.random(in: 5...10, using: &random), after: submit)
            let assign = DemoDays.workdays(Int.random(in: 5...10, using: &random), after: fileDay)
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-10, to: submit))
            review(p, .file, on: fileDay)
            handle(p, assignedOn: assign, Course(reply: .between("2026-10-12", "2026-11-25")))
        }
        // Handling: accepted, no reply yet; two past their due date, the others due in the coming weeks.
        for (index, assign) in ["2026-08-14", "2026-08-25", "2026-09-03", "2026-09-15", "2026-10-09", "2026-10-20"].enumerated() {
            let p = index == 3 ? collective[2] : memberProposal()
            let fileDay = DemoDays.between(DemoDays.add(-14, to: assign), DemoDays.add(-2, to: assign), using: &random)
            let submit = DemoDays.add(-Int.random(in: 5...10, using: &random), to: fileDay)
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-10, to: submit))
            review(p, .file, on: fileDay)
            handle(p, assignedOn: assign, Course(reply: .none))
        }
        // Assigned in the last days of November, not yet accepted.
        for assign in ["2026-11-23", "2026-11-25", "2026-11-27"] {
            let p = memberProposal()
            let submit = DemoDays.between("2026-11-02", "2026-11-06", anyDay: true, using: &random)
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-7, to: submit))
            review(p, .file, on: DemoDays.between("2026-11-10", "2026-11-16", using: &random))
            let theme = p.theme!
            let lead = Texts.lead(for: p.title) ?? theme.leads.randomElement(using: &random)!
            units.insert(lead)
            p.lead = lead
            schedule(assign) { [self] in _ = try store(staff).assign(id: p.id, lead: lead) }
        }
        // Filed late in the year, waiting for assignment.
        for _ in 0..<4 {
            let p = memberProposal()
            let submit = DemoDays.between("2026-11-04", "2026-11-16", anyDay: true, using: &random)
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-5, to: submit))
            review(p, .file, on: DemoDays.between(DemoDays.add(3, to: submit), "2026-11-27", using: &random))
        }
        // Submitted in the last two weeks, waiting for review.
        for _ in 0..<5 {
            let p = memberProposal()
            let submit = DemoDays.between("2026-11-18", "2026-11-29", anyDay: true, using: &random)
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-6, to: submit))
        }
        // Drafts (暂存); one joint draft still waits for a co-signer.
        for index in 0..<4 {
            let p = memberProposal(joint: index == 0)
            let day = DemoDays.between("2026-11-05", "2026-11-30", anyDay: true, using: &random)
            draft(p, on: day, confirmOn: index == 0 ? nil : day)
        }
        // Not filed: one rejected, two turned into opinion letters.
        let rejected = Texts.rejected[6]
        let r = memberProposal(title: rejected.title, category: rejected.category, joint: false)
        write(r, submitOn: "2026-03-10", draftedFrom: "2026-03-06")
        review(r, .reject, on: "2026-03-20", note: rejected.note, ground: rejected.ground)
        for (index, item) in Texts.converted.suffix(2).enumerated() {
            let p = memberProposal(title: item.title, category: item.category, joint: false)
            let submit = ["2026-04-08", "2026-06-15"][index]
            write(p, submitOn: submit, draftedFrom: DemoDays.add(-3, to: submit))
            review(p, .convert, on: DemoDays.workdays(5, after: submit), note: item.note)
        }
        // Withdrawn: a draft given up, and a proposal withdrawn two days after submission.
        let given = memberProposal(joint: false)
        draft(given, on: "2026-05-10", confirmOn: nil)
        schedule("2026-05-20") { [self] in try store(proposer(given)).apply(.withdraw, id: given.id) }
        let withdrawn = memberProposal(joint: false)
        write(withdrawn, submitOn: "2026-07-01", draftedFrom: "2026-06-28")
        schedule("2026-07-03") { [self] in try store(proposer(withdrawn)).apply(.withdraw, id: withdrawn.id) }
    }

    // MARK: - Writing and review

    /// The member who acts for `p` as first proposer.
    private func proposer(_ p: Planned) -> String { usernames[p.first!]! }

    /// Who drafts and submits `p`: the office for collective proposals and those it enters for a member, else the member.
    private func submitter(_ p: Planned) -> String { p.kind == .collective || p.byStaff ? staff : proposer(p) }

    /// Drafts `p` on `day`; co-signers confirm on `confirmOn` (nil: they have not yet).
    private func draft(_ p: Planned, on day: String, confirmOn: String?) {
        let actor = submitter(p)
        schedule(day) { [self] in
            p.id = try store(actor).draft(officeCode: city, ProposalDraft(
                title: p.title, body: p.body, category: p.category, kind: p.kind,
                firstProposerID: actor == staff ? p.first : nil, cosignerIDs: p.cosigners,
                collectiveBody: p.collectiveBody, authorIDs: p.authors)).id!
        }
        if let confirmOn {
            for cosigner in p.cosigners { schedule(confirmOn) { [self] in try store(usernames[cosigner]!).confirm(id: p.id) } }
        }
    }

    /// Drafts `p` some days before `submitOn` (not before `draftedFrom`), has the co-signers confirm, and submits it.
    private func write(_ p: Planned, submitOn day: String, draftedFrom earliest: String) {
        let drafted = max(earliest, DemoDays.add(-Int.random(in: 0...12, using: &random), to: day))
        let confirmed = DemoDays.between(drafted, day, anyDay: true, using: &random)
        draft(p, on: drafted, confirmOn: confirmed)
        schedule(day) { [self] in _ = try store(submitter(p)).apply(.submit, id: p.id) }
    }

    /// A review step by the office, with the day's reviewers from the pool.
    private func review(_ p: Planned, _ action: ProposalAction, on day: String, note: String? = nil, ground: String? = nil) {
        let panel = reviewers(on: day)
        schedule(day) { [self] in
            let result = try store(staff).apply(action, id: p.id, note: note, ground: ground, reviewers: panel)
            if action == .file { p.numberLabel = result.numberLabel ?? "" }
        }
    }

    // MARK: - Handling

    /// Assigns `p` on `day` and follows `course` to its end: acceptance (or return and reassignment),
    /// contacts, co-handlers' opinions, the reply (sent back, extended, late, or none), the bulk
    /// publication of its round, the proposers' ratings, and a new round after 不满意.
    private func handle(_ p: Planned, assignedOn day: String, _ course: Course) {
        let theme = p.theme!
        let lead = Texts.lead(for: p.title) ?? theme.leads.randomElement(using: &random)!
        let co = Array((theme.leads + theme.cos).filter { $0 != lead }.shuffled(using: &random).prefix(course.coHandlers))
        p.lead = lead
        p.co = co
        units.formUnion([lead] + co)
        var start = day
        if course.reassign {
            let wrong = (theme.cos + DemoProposalTexts.themes.flatMap(\.leads)).filter { $0 != lead && !co.contains($0) }.randomElement(using: &random)!
            units.insert(wrong)
            schedule(day) { [self] in _ = try store(staff).assign(id: p.id, lead: wrong, coHandlers: co) }
            let back = DemoDays.workdays(Int.random(in: 1...3, using: &random), after: day)
            let reason = Texts.unitReturnReasons.randomElement(using: &random)!.replacingOccurrences(of: "{单位}", with: lead)
            schedule(back) { [self] in _ = try store(unitUser(wrong)).giveBack(id: p.id, reason: reason) }
            start = DemoDays.workdays(Int.random(in: 2...4, using: &random), after: back)
            schedule(start) { [self] in _ = try store(staff).assign(id: p.id, lead: lead) }
        } else {
            schedule(day) { [self] in _ = try store(staff).assign(id: p.id, lead: lead, coHandlers: co) }
        }
        let accepted = DemoDays.workdays(Int.random(in: 1...4, using: &random), after: start)
        schedule(accepted) { [self] in _ = try store(unitUser(lead)).accept(id: p.id) }
        for (index, unit) in co.enumerated() {
            if index == 0 && course.coReturns {
                let back = DemoDays.workdays(Int.random(in: 1...3, using: &random), after: day)
                schedule(back) { [self] in
                    _ = try store(unitUser(unit)).giveBack(id: p.id, reason: "该提案所提事项不涉及本单位职责，无协办内容")
                }
                continue
            }
            let coAccepted = DemoDays.workdays(Int.random(in: 1...4, using: &random), after: day)
            schedule(coAccepted) { [self] in _ = try store(unitUser(unit)).accept(id: p.id) }
            let text = DemoProposalWriter.opinion(theme: theme, random: &random)
            let earliest = max(DemoDays.add(5, to: coAccepted), DemoDays.add(12, to: day))
            schedule(DemoDays.between(earliest, max(earliest, DemoDays.add(28, to: day)), using: &random)) { [self] in
                _ = try store(unitUser(unit)).apply(.opinion, id: p.id, UnitStepInput(note: text))
            }
        }
        // 办前 contact for most; 办中 for some.
        if random.chance(75) { contact(p, unit: lead, on: DemoDays.workdays(Int.random(in: 2...12, using: &random), after: accepted), stage: "办前") }
        if let extendOn = course.extendOn, let until = course.extendUntil {
            let reason = Texts.extendReasons.randomElement(using: &random)!
            schedule(extendOn) { [self] in _ = try store(staff).apply(.extend, id: p.id, UnitStepInput(note: reason, until: until)) }
        }
        guard case .between(let from, let to) = course.reply else {
            let from = DemoDays.add(30, to: accepted), to = min(DemoDays.add(70, to: accepted), Self.lastDay)
            if random.chance(60), from <= to { contact(p, unit: lead, on: DemoDays.between(from, to, using: &random), stage: "办中") }
            return
        }
        var replied = DemoDays.between(max(from, DemoDays.add(14, to: accepted)), max(to, DemoDays.add(20, to: accepted)), using: &random)
        if random.chance(30) { contact(p, unit: lead, on: DemoDays.add(-Int.random(in: 3...10, using: &random), to: replied), stage: "办中") }
        if random.chance(15) { contact(p, unit: lead, on: DemoDays.add(-2, to: replied), stage: "办后") }
        reply(p, unit: lead, on: replied)
        if course.sendBack {
            let sent = DemoDays.workdays(Int.random(in: 3...6, using: &random), after: replied)
            let reason = Texts.sendBackReasons.randomElement(using: &random)!
            schedule(sent) { [self] in _ = try store(staff).apply(.sendBack, id: p.id, UnitStepInput(note: reason)) }
            replied = DemoDays.workdays(Int.random(in: 8...15, using: &random), after: sent)
            reply(p, unit: lead, on: replied)
        }
        guard let round = Self.rounds.firstIndex(where: { $0.publish > replied }) else { return }  // replied after the last round: not yet published
        publish(round)
        let lastRating = rate(p, round: round, unsatisfied: course.unsatisfied)
        guard course.unsatisfied else { return }
        // 不满意: handled again, replied again, published in the next round and rated again.
        let again = DemoDays.workdays(Int.random(in: 2...4, using: &random), after: lastRating)
        let note = Texts.rehandleNotes.randomElement(using: &random)!
        schedule(again) { [self] in _ = try store(staff).apply(.rehandle, id: p.id, UnitStepInput(note: note)) }
        guard course.replyAgain else { return }
        let second = DemoDays.workdays(Int.random(in: 8...16, using: &random), after: again)
        contact(p, unit: lead, on: DemoDays.workdays(2, after: again), stage: "办中")
        reply(p, unit: lead, on: second, outcome: random.chance(50) ? "A" : "B")
        guard let next = Self.rounds.firstIndex(where: { $0.publish > second }) else { return }
        publish(next)
        _ = rate(p, round: next, unsatisfied: false)
    }

    private func contact(_ p: Planned, unit: String, on day: String, stage: String) {
        let options = Texts.contacts.filter { $0.stage == stage }
        let chosen = options.randomElement(using: &random)!
        let person = p.collectiveBody ?? memberByID[p.first!]?.name ?? ""
        schedule(day) { [self] in
            _ = try store(unitUser(unit)).contact(id: p.id, ContactInput(method: chosen.method, stage: chosen.stage, participants: person, summary: chosen.summary))
        }
    }

    /// The lead unit replies on `day` (class A 55 %, B 35 %, C 10 % unless given).
    private func reply(_ p: Planned, unit: String, on day: String, outcome: String? = nil) {
        let outcome = outcome ?? random.weighted([("A", 55), ("B", 35), ("C", 10)])
        var local = DemoRandom(seed: random.next())
        schedule(day) { [self] in
            let account = DemoUnitAccounts.account(unit)
            documentCounters[unit, default: 0] += 1
            let salutation: String
            switch p.kind {
            case .collective: salutation = p.collectiveBody!
            case .joint: salutation = "\(memberByID[p.first!]!.name)等委员"
            case .individual: salutation = "\(memberByID[p.first!]!.name)委员"
            }
            let body = DemoProposalWriter.reply(to: p.title, numberLabel: p.numberLabel, salutation: salutation, collective: p.kind == .collective,
                                                theme: p.theme!, unit: unit, outcome: outcome, day: Timestamp.todayInBeijing(),
                                                account: account, random: &local)
            _ = try store(unitUser(unit)).reply(id: p.id, ReplyInput(
                outcome: outcome, body: body, documentNumber: "\(account.documentPrefix)〔2026〕\(documentCounters[unit]!)号",
                contactPerson: account.contact, contactPhone: account.phone))
        }
        outcomes[ObjectIdentifier(p)] = outcome
    }

    private var outcomes: [ObjectIdentifier: String] = [:]
    private var publishedRounds = Set<Int>()

    /// The bulk publication that closes handling round `round` (once).
    private func publish(_ round: Int) {
        guard publishedRounds.insert(round).inserted else { return }
        timeline.on(Self.rounds[round].publish, rank: 0) { [self] in _ = try store(staff).publishAll(officeCode: city) }
    }

    /// Every rater rates `p`'s reply after the publication of `round`: most themselves, some through
    /// the office; for a collective proposal the office rates in the body's name. Returns the last day.
    private func rate(_ p: Planned, round: Int, unsatisfied: Bool) -> String {
        let window = Self.rounds[round]
        let outcome = outcomes[ObjectIdentifier(p)] ?? "A"
        var last = window.ratingsFrom
        func mark() -> Rating {
            switch outcome {
            case "A": return random.weighted([(.satisfied, 88), (.basic, 12)])
            case "B": return random.weighted([(.satisfied, 62), (.basic, 38)])
            default: return random.weighted([(.satisfied, 30), (.basic, 70)])
            }
        }
        if p.kind == .collective {
            let day = DemoDays.between(window.ratingsFrom, window.ratingsTo, using: &random)
            let rating = mark()
            schedule(day) { [self] in _ = try store(staff).rate(id: p.id, rating: rating.title) }
            return day
        }
        for (index, member) in p.raters.enumerated() {
            let day = DemoDays.between(window.ratingsFrom, window.ratingsTo, anyDay: true, using: &random)
            last = max(last, day)
            let rating: Rating = unsatisfied && index == 0 ? .unsatisfied : mark()
            let comment = rating == .unsatisfied ? Texts.unsatisfiedComments.randomElement(using: &random)
                : (random.chance(20) ? Texts.satisfiedComments.randomElement(using: &random) : nil)
            let throughOffice = random.chance(18)
            schedule(day) { [self] in
                if throughOffice {
                    _ = try store(staff).rate(id: p.id, rating: rating.title, memberID: member, comment: comment)
                } else {
                    _ = try store(usernames[member]!).rate(id: p.id, rating: rating.title, comment: comment)
                }
            }
        }
        return DemoDays.workday(last)
    }

    // MARK: - Acting

    private func schedule(_ day: String, _ run: @escaping () throws -> Void) { timeline.on(day, run) }

    private func context(_ username: String) throws -> AccessContext {
        if let known = contexts[username] { return known }
        let loaded = try host.context(for: username)
        contexts[username] = loaded
        return loaded
    }

    private func store(_ username: String) throws -> ProposalStore { ProposalStore(host: host, context: try context(username)) }

    private func unitUser(_ unit: String) -> String { DemoUnitAccounts.account(unit).username }

    // MARK: - Summary

    private func summary() throws -> DemoProposalSummary {
        let ruleYear = 2026
        let staffStore = try store(staff)
        let all = try staffStore.list(officeCode: city)
        var byStatus = Dictionary(uniqueKeysWithValues: ProposalStatus.allCases.map { ($0.rawValue, 0) })
        for p in all { byStatus[p.status.rawValue, default: 0] += 1 }
        let (totals, unitRows, rules) = try staffStore.report(officeCode: city) { scope, db in
            (try ProposalStatistics.totals(scope: scope, year: nil, db: db),
             try ProposalStatistics.units(scope: scope, year: nil, db: db),
             try ProposalRules.collectiveCoverage(scope: scope, year: ruleYear, db: db))
        }
        return DemoProposalSummary(
            byStatus: byStatus, total: all.count,
            session: all.filter { $0.occasion == "大会" }.count, everyday: all.filter { $0.occasion == "平时" }.count,
            joint: all.filter { $0.kind == .joint }.count, collective: all.filter { $0.kind == .collective }.count,
            key: totals.key, supervised: all.filter { $0.isKey && $0.keyMode == "督办" }.count, led: all.filter { $0.isKey && $0.keyMode == "领办" }.count,
            excellent: all.filter(\.isExcellent).count, overdue: totals.overdue,
            unitsInvolved: unitRows.filter { $0.lead + $0.co + $0.returned > 0 }.count,
            memberAccounts: memberAccounts, unitAccounts: unitAccounts, reviewers: reviewerPool.count,
            ruleYear: ruleYear, rulesMet: rules.filter(\.met).count, rulesUnmet: rules.filter { !$0.met }.map(\.body))
    }
}
