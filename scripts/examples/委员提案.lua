-- 委员提案：每位委员立案（含并案）的提案，分第一提案人、联名附议、执笔集体提案，
-- 取自履职档案（lvzhi.duty），即每位委员年度履职报告中的提案一项。
-- 用法：lvzhi run scripts/examples/委员提案.lua --office ordos [--out 报表目录] [-- 年度]
-- 年度按立案日期计，默认今年。
local year = tonumber(arg[1]) or tonumber(os.date("%Y"))

local sectorOf, total = {}, 0
for m in lvzhi.members.each{} do
  sectorOf[m.id] = m.sector
  total = total + 1
end

local rows = {}
for _, s in ipairs(lvzhi.duty.summary{ year = year }) do
  local first = s.counts["proposals.first"] or 0
  local cosigner = s.counts["proposals.cosigner"] or 0
  local collective = s.counts["proposals.collective"] or 0
  if first + cosigner + collective > 0 then
    rows[#rows + 1] = { s.member_id, s.member, sectorOf[s.member_id] or "", first, cosigner, collective, first + cosigner + collective }
  end
end
table.sort(rows, function(a, b)
  if a[7] ~= b[7] then return a[7] > b[7] end
  if a[4] ~= b[4] then return a[4] > b[4] end
  return a[1] < b[1]
end)

local options = { title = lvzhi.office.name .. " " .. year .. " 年委员提案（履职档案）",
                  headers = { "ID", "委员", "界别", "第一提案人", "联名附议", "执笔集体提案", "合计" } }
lvzhi.report.print(rows, options)
print(string.format("有提案的委员 %d 人，尚无提案的委员 %d 人（共 %d 人）。", #rows, total - #rows, total))
if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("委员提案.xlsx", rows, options))
  print("已写入：" .. lvzhi.report.save("委员提案.csv", rows, options))
else
  print("（未指定 --out，只打印不写文件）")
end
