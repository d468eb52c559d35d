import Foundation
import LvzhiCore
import LvzhiStorage

/// Prints the archive's search as users run it beside the bare FTS5 MATCH (issue 10): medians
/// and 99th percentiles by kind of query, the ratios of the medians, the worst single query;
/// then, unless `measureBefore` is off, the statements from before the plan fix, timed once, and
/// the query plans before and after.
@MainActor func reportUserPath(archive: ArchiveUserPath, bare: Probe, indexOnly: Probe, archivist: Probe, member: Probe,
                               queries: [(kind: String, texts: [String])], measureBefore: Bool) throws {
    func median(_ samples: [Double]) -> Double { percentile(samples, 0.5) }
    func cell(_ probe: Probe, _ texts: [String]) -> String {
        "\(f(median(probe.samples(texts)))) / \(f(percentile(probe.samples(texts), 0.99)))"
    }
    func ratio(_ probe: Probe, _ texts: [String]) -> String { f(median(probe.samples(texts)) / median(bare.samples(texts))) }

    print("用户的路径：文史资料检索 ArchiveSearch.search（一页 20 条及总数、访问条件、原文摘要、条目记录），")
    print("与同一张 FTS5 表上的裸 MATCH（同一检索式、同样的字段权重、同样 LIMIT 20、不读原文）比较；毫秒，中位数 / 第 99 百分位：")
    let all = queries.flatMap(\.texts)
    var rows = queries.map { kind, texts in
        ["\(kind)（\(texts.count) 个）", cell(bare, texts), cell(indexOnly, texts), cell(archivist, texts), cell(member, texts),
         ratio(indexOnly, texts), ratio(archivist, texts), ratio(member, texts)]
    }
    rows.append(["全部", cell(bare, all), cell(indexOnly, all), cell(archivist, all), cell(member, all),
                 ratio(indexOnly, all), ratio(archivist, all), ratio(member, all)])
    print(indent(TextTable(headers: ["类别", "裸 MATCH", "本索引（无过滤）", "文史工作人员", "委员", "本索引 / 裸", "文史工作人员 / 裸", "委员 / 裸"],
                           rows: rows, rightAligned: [1, 2, 3, 4, 5, 6, 7])))
    print("  比值 = 中位数之比（同一次运行、交替测量）。目标：文史工作人员、委员都在裸 MATCH 的 3 倍以内。")
    for probe in [archivist, member] {
        let worst = all.max { median(probe.times[$0] ?? []) / median(bare.times[$0] ?? []) < median(probe.times[$1] ?? []) / median(bare.times[$1] ?? []) }!
        print("  \(probe.title)：单个检索词中位数之比最大为 \(f(median(probe.times[worst] ?? []) / median(bare.times[worst] ?? []))) 倍（「\(worst)」，"
              + "\(f(median(probe.times[worst] ?? []))) 对 \(f(median(bare.times[worst] ?? []))) 毫秒）")
    }
    print("")

    let phrase = "白日依山尽"
    print("执行计划（委员检索「\(phrase)」时实际执行的语句，EXPLAIN QUERY PLAN）：")
    for (_, plan) in try archive.plans(phrase, as: archive.member) {
        print(plan.map { "    " + $0 }.joined(separator: "\n"))
    }
    guard measureBefore else { print(""); return }
    let before = try archive.beforeFix(phrase, as: archive.member)
    print("修复前的语句（匹配结果作为普通子查询，访问条件 doc_id IN (SELECT u.id FROM archive_units u WHERE …)）：")
    print(before.plan.map { "    " + $0 }.joined(separator: "\n"))
    print("  其中 “INDEX 0:=M…” 的 “=” 是交给 FTS5 的 rowid 条件：FTS5 对每个可见条目各执行一次 MATCH。")
    print("")
    print("修复前后（委员；修复前的一页与总数两条语句各执行一次，不生成摘要；修复后为上表的中位数）：")
    var beforeRows: [[String]] = []
    for text in [phrase, "文史资料"] {
        let start = DispatchTime.now().uptimeNanoseconds
        let old = try archive.beforeFix(text, as: archive.member)
        let oldMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let now = try archive.search(text, as: archive.member)
        let newMs = median(member.times[text] ?? [])
        let bareMs = median(bare.times[text] ?? [])
        beforeRows.append([text, String(now.total) + (old.total == now.total && old.hits == now.hits ? "" : "（修复前 \(old.total)）"),
                           f(oldMs, 1), f(newMs), f(bareMs), f(oldMs / bareMs, 0), f(newMs / bareMs), f(oldMs / newMs, 0)])
    }
    print(indent(TextTable(headers: ["检索词", "委员可见条数", "修复前", "修复后", "裸 MATCH", "修复前 / 裸", "修复后 / 裸", "加速"],
                           rows: beforeRows, rightAligned: [1, 2, 3, 4, 5, 6, 7])))
    print("")
}
