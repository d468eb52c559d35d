-- 专委会构成：按“全员入委”，每个专委会的委员人数、其中跨组选调的人数、常委人数
-- 用法：lvzhi run scripts/examples/专委会构成.lua --office ordos
local rows = {}
local byCommittee = {}
for member in lvzhi.members.each{} do
  local name = member.committee or "（办公室联系）"
  local entry = byCommittee[name]
  if not entry then
    entry = { name, 0, 0, 0 }
    byCommittee[name] = entry
    rows[#rows + 1] = entry
  end
  entry[2] = entry[2] + 1
  if member.drawn then entry[3] = entry[3] + 1 end
  for _, role in ipairs(member.roles) do
    if role == "常委" then entry[4] = entry[4] + 1 end
  end
end
table.sort(rows, function(a, b) return a[2] > b[2] end)
lvzhi.report.print(rows, { title = lvzhi.office.name .. " 专委会构成", headers = { "专委会", "委员", "其中选调", "常委" } })
