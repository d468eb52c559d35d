-- 委员提供的文史资料：每位委员提供资料、讲述口述史料、提交来稿的件数（计入履职档案），以及全文检索示例
-- 用法：lvzhi run scripts/examples/委员文史资料.lua --office ordos [--out 报表目录] [-- 检索词]
local query = arg[1] or "口述"

local rows = {}
for _, c in ipairs(lvzhi.archive.contributions{}) do
  rows[#rows + 1] = { c.member_id, c.member, c.accessions, c.narrated, c.submissions, c.accepted }
end
table.sort(rows, function(a, b) return (a[3] + a[4]) > (b[3] + b[4]) or ((a[3] + a[4]) == (b[3] + b[4]) and a[1] < b[1]) end)
local options = { title = lvzhi.office.name .. " 委员提供的文史资料", headers = { "委员ID", "委员", "提供资料", "讲述口述", "来稿", "来稿被接收" } }
lvzhi.report.print(rows, options)

-- 全文检索：两个字的词也能查；看不到的条目不会出现在结果中。
local hits = lvzhi.archive.search(query, { limit = 10 })
print()
print(string.format("检索「%s」，前 %d 条：", query, #hits))
for i, hit in ipairs(hits) do
  print(string.format("%d. %s　%s", i, hit.reference_code, hit.title))
  print("   " .. hit.snippet)
end

if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("委员文史资料.xlsx", rows, options))
else
  print("（未指定 --out，只打印不写文件）")
end
