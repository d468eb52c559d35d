-- 提案年度统计：类别 × 状态（行为类别，列为状态，含合计行和合计列），以及年度总数、立案率等
-- 用法：lvzhi run scripts/examples/提案统计.lua --office ordos [--out 报表目录] [-- 年度]
-- 年度按提交日期计，默认今年；没有 --out 时只打印。
local year = tonumber(arg[1]) or tonumber(os.date("%Y"))
local stats = lvzhi.proposals.stats{ year = year }
local t = stats.totals

-- 列的顺序和名称（可按本政协的叫法修改；暂存的提案不计入统计）
local states = {
  { "submitted", "待审查" }, { "returned", "退回修改" }, { "withdrawn", "已撤回" },
  { "rejected", "不予立案" }, { "converted", "转意见建议" }, { "merged", "已并案" },
  { "filed", "待交办" }, { "assigned", "已交办" }, { "handling", "办理中" },
  { "replied", "已答复" }, { "concluded", "已办结" },
}

-- 只保留本年度出现过的状态，表不至于太宽
local used = {}
for _, row in ipairs(stats.by_category) do
  for _, s in ipairs(states) do
    if (row.counts[s[1]] or 0) > 0 then used[s[1]] = true end
  end
end
local columns = {}
for _, s in ipairs(states) do
  if used[s[1]] then columns[#columns + 1] = s end
end

local headers = { "类别" }
for _, s in ipairs(columns) do headers[#headers + 1] = s[2] end
headers[#headers + 1] = "合计"

local rows, sums, total = {}, {}, 0
for _, row in ipairs(stats.by_category) do
  local line = { row.category }
  for i, s in ipairs(columns) do
    local n = row.counts[s[1]] or 0
    line[#line + 1] = n
    sums[i] = (sums[i] or 0) + n
  end
  line[#line + 1] = row.total
  total = total + row.total
  rows[#rows + 1] = line
end
local last = { "合计" }
for i = 1, #columns do last[#last + 1] = sums[i] or 0 end
last[#last + 1] = total
rows[#rows + 1] = last

print(string.format("%d 年提案：提交 %d 件，立案 %d 件（立案率 %s），不予立案 %d，转为意见建议 %d，并案 %d；"
  .. "集体提案 %d，重点提案 %d，已办结 %d，超期未答复 %d",
  year, t.submitted, t.filed, t.filing_percent and (t.filing_percent .. "%") or "—", t.rejected, t.converted, t.merged,
  t.collective, t.key, t.concluded, t.overdue))

local options = { title = lvzhi.office.name .. " " .. year .. " 年提案统计（类别 × 状态）", headers = headers }
lvzhi.report.print(rows, options)
if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("提案统计.xlsx", rows, options))
  print("已写入：" .. lvzhi.report.save("提案统计.csv", rows, options))
else
  print("（未指定 --out，只打印不写文件）")
end
