-- 各界别委员人数（按人数从多到少）
-- 用法：lvzhi run scripts/examples/界别人数.lua --office ordos [--out 报表目录]
local counts = {}
for member in lvzhi.members.each{} do
  counts[member.sector] = (counts[member.sector] or 0) + 1
end

local rows, total = {}, 0
for sector, n in pairs(counts) do
  rows[#rows + 1] = { sector, n }
  total = total + n
end
table.sort(rows, function(a, b) return a[2] > b[2] or (a[2] == b[2] and a[1] < b[1]) end)
rows[#rows + 1] = { "合计", total }

local options = { title = lvzhi.office.name .. " 各界别委员人数", headers = { "界别", "人数" } }
lvzhi.report.print(rows, options)
if arg[1] ~= "--no-files" then
  if lvzhi.report.can_save() then
    print("已写入：" .. lvzhi.report.save("界别人数.xlsx", rows, options))
    print("已写入：" .. lvzhi.report.save("界别人数.csv", rows, options))
  else
    print("（未指定 --out，只打印不写文件）")
  end
end
