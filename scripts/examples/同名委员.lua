-- 同名委员：同名是常态，名册靠 ID 区分。列出重名的姓名及各自的 ID、界别、出生日期，便于核对。
-- 用法：lvzhi run scripts/examples/同名委员.lua --office ordos
local byName = {}
for member in lvzhi.members.each{} do
  local list = byName[member.name]
  if not list then list = {}; byName[member.name] = list end
  list[#list + 1] = member
end

local rows = {}
for name, list in pairs(byName) do
  if #list > 1 then
    for _, m in ipairs(list) do
      rows[#rows + 1] = { name, m.id, m.sector, m.birth_date or "", m.gender }
    end
  end
end
table.sort(rows, function(a, b) return a[1] < b[1] or (a[1] == b[1] and a[2] < b[2]) end)
lvzhi.report.print(rows, { title = "同名委员（共 " .. #rows .. " 人）", headers = { "姓名", "ID", "界别", "出生日期", "性别" } })
