-- 超期提案：已过答复期限仍未答复的承办，以及 N 天内到期的（预警），含重点提案的督办领导
-- 用法：lvzhi run scripts/examples/超期提案.lua --office ordos [--out 报表目录] [-- 天数]
-- 天数默认 30。
local days = tonumber(arg[1]) or 30
local overdue, soon = {}, {}
for _, w in ipairs(lvzhi.proposals.overdue{ within = days }) do
  local row = { w.number_label or "—", w.title, w.unit, w.role, w.status, w.due_on,
                w.days_overdue > 0 and w.days_overdue or ("还剩 " .. -w.days_overdue .. " 天"),
                w.is_key and (w.key_supervisor or "重点") or "" }
  if w.days_overdue > 0 then overdue[#overdue + 1] = row else soon[#soon + 1] = row end
end

local headers = { "编号", "案由", "承办单位", "承办", "状态", "答复期限", "超期天数", "重点提案督办" }
lvzhi.report.print(overdue, { title = "已超期未答复（" .. #overdue .. " 件次）", headers = headers })
lvzhi.report.print(soon, { title = days .. " 天内到期（" .. #soon .. " 件次）", headers = headers })

-- 写文件时两部分合为一张表，最后一列标明类别
local all = {}
for _, r in ipairs(overdue) do all[#all + 1] = { r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], "已超期" } end
for _, r in ipairs(soon) do all[#all + 1] = { r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], "即将到期" } end
local options = { title = lvzhi.office.name .. " 超期提案与到期预警", headers = { "编号", "案由", "承办单位", "承办", "状态",
  "答复期限", "超期天数", "重点提案督办", "类别" } }
if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("超期提案.xlsx", all, options))
  print("已写入：" .. lvzhi.report.save("超期提案.csv", all, options))
else
  print("（未指定 --out，只打印不写文件）")
end
