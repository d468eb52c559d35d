import Foundation

/// A small, fast, seeded random number generator (SplitMix64), so that the same seed always
/// yields the same demo: tests and screenshots stay stable.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One element of `items`, chosen with probability proportional to its weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var pick = Int.random(in: 0..<total, using: &self)
        for (item, weight) in items {
            if pick < weight { return item }
            pick -= weight
        }
        return items[items.count - 1].0
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// One invented member, as a roster row would describe him.
public struct DemoMemberSpec: Sendable, Hashable {
    public var name: String
    public var gender: String
    public var ethnicity: String
    public var birthDate: String
    public var sector: String
    public var party: String
    public var roles: [String]
    public var mobile: String
}

/// Invents a plausible roster: Han and Mongolian names (about a fifth Mongolian), a few
/// same-name members (about 6 %, as in real rosters), every sector represented, about one
/// member in six a standing-committee member (常委), unique valid mobile numbers.
public enum DemoRoster {
    /// `count` members spread over `sectors`, reproducible from `seed`.
    public static func generate(count: Int, sectors: [String], seed: UInt64) -> [DemoMemberSpec] {
        var random = DemoRandom(seed: seed)
        var usedMobiles = Set<String>()
        var members: [DemoMemberSpec] = []
        members.reserveCapacity(count)
        // Names invented so far; a duplicate copies one of these (never another copy, so no name piles up).
        var originalNames: [String] = []
        for index in 0..<count {
            // The first pass gives every sector a member; then sectors are drawn at random.
            let sector = index < sectors.count ? sectors[index] : sectors[Int.random(in: 0..<sectors.count, using: &random)]
            let female = random.chance(32)
            let mongolian = sector == "少数民族界" ? random.chance(70) : random.chance(19)
            let name: String
            if originalNames.count > 10, random.chance(5) {
                name = originalNames.remove(at: Int.random(in: 0..<originalNames.count, using: &random))
            } else {
                name = mongolian ? mongolianName(female: female, random: &random) : hanName(female: female, random: &random)
                originalNames.append(name)
            }
            let ethnicity = mongolian ? "蒙古族" : random.weighted(DemoCatalog.ethnicities.filter { $0.name != "蒙古族" })
            let party = DemoCatalog.partyForSector(sector) ?? random.weighted(DemoCatalog.parties.map { ($0.name, $0.weight) })
            var roles: [String] = []
            if random.chance(17) { roles.append("常委") }
            members.append(DemoMemberSpec(
                name: name, gender: female ? "女" : "男", ethnicity: ethnicity,
                birthDate: birthDate(random: &random), sector: sector, party: party, roles: roles,
                mobile: mobile(random: &random, used: &usedMobiles)))
        }
        return members
    }

    /// The roster as the CSV an office would keep (UTF-8, the import's own headers).
    public static func csv(_ members: [DemoMemberSpec], groupOfSector: [String: String] = [:]) -> String {
        var lines = ["姓名,性别,民族,出生日期,界别,党派,界别活动组,职务,手机"]
        for m in members {
            let fields = [m.name, m.gender, m.ethnicity, m.birthDate, m.sector, m.party,
                          groupOfSector[m.sector] ?? "", m.roles.joined(separator: "、"), m.mobile]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func hanName(female: Bool, random: inout DemoRandom) -> String {
        let surname = random.weighted(DemoCatalog.hanSurnames.map { ($0.surname, $0.weight) })
        let endings = female ? DemoCatalog.hanGivenFemale : DemoCatalog.hanGivenMale
        let last = endings.randomElement(using: &random)!
        if random.chance(25) { return surname + last }
        let first = random.chance(60) ? DemoCatalog.hanGivenNeutral.randomElement(using: &random)! : endings.randomElement(using: &random)!
        return surname + first + last
    }

    static func mongolianName(female: Bool, random: inout DemoRandom) -> String {
        let given = (female ? DemoCatalog.mongolianFemale : DemoCatalog.mongolianMale).randomElement(using: &random)!
        if random.chance(25) { return DemoCatalog.mongolianSurnamePrefixes.randomElement(using: &random)! + given }
        return given
    }

    static func birthDate(random: inout DemoRandom) -> String {
        let year = Int.random(in: 1958...1992, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func mobile(random: inout DemoRandom, used: inout Set<String>) -> String {
        let prefixes = ["139", "138", "135", "136", "150", "151", "152", "158", "130", "131", "155", "156", "133", "153", "180", "189", "177", "199"]
        while true {
            let number = prefixes.randomElement(using: &random)! + String(format: "%08d", Int.random(in: 0..<100_000_000, using: &random))
            if used.insert(number).inserted { return number }
        }
    }
}
