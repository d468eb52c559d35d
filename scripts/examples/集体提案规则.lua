-- 集体提案规则：每个专委会每年至少以本委名义提出一件集体提案，每个界别活动组每年至少提出一件（高质量的）集体提案。
-- 这是一份可以修改的规则脚本：改下面的 rules（最低件数、是否只算立案的）即可按本政协的办法检查。
-- 保存为规则后可随时运行：lvzhi script add 集体提案规则 scripts/examples/集体提案规则.lua --office ordos
--                         lvzhi script run 集体提案规则 --office ordos
-- 用法：lvzhi run scripts/examples/集体提案规则.lua --office ordos [--out 报表目录] [-- 年度]
-- 年度按提交日期计，默认今年。
local year = tonumber(arg[1]) or tonumber(os.date("%Y"))

local rules = {
  { kind = "专委会", minimum = 1, filedOnly = false },
  { kind = "界别活动组", minimum = 1, filedOnly = false },
}

local filedStates = { filed = true, assigned = true, handling = true, replied = true, concluded = true }
local submitted, filed = {}, {}
for p in lvzhi.proposals.each{ kind = "collective", year = year } do
  if p.status ~= "draft" and p.status ~= "withdrawn" then
    submitted[p.collective_body] = (submitted[p.collective_body] or 0) + 1
    if filedStates[p.status] then filed[p.collective_body] = (filed[p.collective_body] or 0) + 1 end
  end
end

local bodies = {}
for _, c in ipairs(lvzhi.committees.list()) do bodies[#bodies + 1] = { "专委会", c.name } end
for _, g in ipairs(lvzhi.groups.list()) do bodies[#bodies + 1] = { "界别活动组", g.name } end

local rows, missing = {}, {}
for _, b in ipairs(bodies) do
  for _, rule in ipairs(rules) do
    if rule.kind == b[1] then
      local n = rule.filedOnly and (filed[b[2]] or 0) or (submitted[b[2]] or 0)
      local met = n >= rule.minimum
      rows[#rows + 1] = { b[1], b[2], submitted[b[2]] or 0, filed[b[2]] or 0, rule.minimum, met and "达到" or "未达到" }
      if not met then missing[#missing + 1] = b[2] end
    end
  end
end

local options = { title = lvzhi.office.name .. " " .. year .. " 年集体提案规则检查",
                  headers = { "类别", "名称", "集体提案", "其中立案", "最低件数", "是否达到" } }
lvzhi.report.print(rows, options)
if #missing == 0 then
  print(year .. " 年各专委会、各界别活动组都已达到。")
else
  print(year .. " 年尚未达到的（" .. #missing .. " 个）：" .. table.concat(missing, "、"))
end
if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("集体提案规则.xlsx", rows, options))
  print("已写入：" .. lvzhi.report.save("集体提案规则.csv", rows, options))
else
  print("（未指定 --out，只打印不写文件）")
end
