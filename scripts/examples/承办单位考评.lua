-- 承办单位考评（民主评议）：主办、协办、退回、答复、按时、逾期、超期未答、答复类别 A/B/C、满意率，
-- 按综合得分从高到低排列。得分的算法在下面，可按本政协的考评办法修改。
-- 用法：lvzhi run scripts/examples/承办单位考评.lua --office ordos [--out 报表目录] [-- 年度]
-- 年度按提案提交日期计；不给年度时统计全部提案。
local year = tonumber(arg[1])

-- 综合得分 = 按时率 × 0.4 + 满意率 × 0.4 + A 类答复占比 × 0.2；每件超期未答扣 5 分
local function score(u)
  local answered = u.outcome_a + u.outcome_b + u.outcome_c
  local a = answered > 0 and u.outcome_a * 100 / answered or 0
  return (u.on_time_percent or 0) * 0.4 + (u.satisfaction_percent or 0) * 0.4 + a * 0.2 - u.overdue * 5
end

local function pct(v) return v and string.format("%.1f%%", v) or "—" end

local units = {}
for _, u in ipairs(lvzhi.proposals.unit_stats{ year = year }) do
  if u.lead + u.co + u.returned > 0 then
    u.score = score(u)
    units[#units + 1] = u
  end
end
-- 主办过提案的单位按得分排在前面，只协办的排在后面
table.sort(units, function(a, b)
  if (a.lead > 0) ~= (b.lead > 0) then return a.lead > 0 end
  if a.score ~= b.score then return a.score > b.score end
  if a.lead ~= b.lead then return a.lead > b.lead end
  return a.unit < b.unit
end)

local rows = {}
for rank, u in ipairs(units) do
  rows[#rows + 1] = {
    rank, u.unit, u.lead, u.co, u.returned, u.replied, u.on_time, u.late, u.overdue,
    u.outcome_a, u.outcome_b, u.outcome_c, pct(u.on_time_percent), pct(u.satisfaction_percent),
    u.lead > 0 and string.format("%.1f", u.score) or "—",
  }
end

local title = lvzhi.office.name .. " 承办单位办理情况考评" .. (year and ("（" .. year .. " 年）") or "")
local options = { title = title, headers = { "名次", "承办单位", "主办", "协办", "退回", "已答复", "按时", "逾期答复", "超期未答",
  "A", "B", "C", "按时率", "满意率", "综合得分" } }
lvzhi.report.print(rows, options)
print(string.format("共 %d 个承办单位。", #rows))
if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("承办单位考评.xlsx", rows, options))
  print("已写入：" .. lvzhi.report.save("承办单位考评.csv", rows, options))
else
  print("（未指定 --out，只打印不写文件）")
end
