-- 文史资料馆藏：各存放位置的馆藏分布，以及接收登记簿（文史工作人员）
-- 用法：lvzhi run scripts/examples/文史资料馆藏.lua --office ordos --as li.wenshi [--out 报表目录] [-- 年度]
local year = tonumber(arg[1])

local places = {}
for _, row in ipairs(lvzhi.archive.locations()) do
  places[#places + 1] = { row.location, row.fonds, row.series, row.files, row.items, row.total }
end
local placeOptions = { title = lvzhi.office.name .. " 文史资料馆藏分布", headers = { "存放位置", "全宗", "系列", "案卷", "件", "合计" } }
lvzhi.report.print(places, placeOptions)

local register = {}
for _, a in ipairs(lvzhi.archive.register{ year = year }) do
  register[#register + 1] = { a.number, a.received_on, a.title, a.acquisition, a.sources, a.sanqin or "", a.processing,
                              a.restrictions, a.units, a.deaccessioned and ("已注销 " .. a.deaccessioned) or "" }
end
local registerOptions = {
  title = (year and (year .. " 年") or "") .. "接收登记簿",
  headers = { "编号", "接收日期", "题名", "方式", "提供者", "三亲", "整理", "限制", "著录条数", "注销" },
}
print()
lvzhi.report.print(register, registerOptions)

local backlog = #lvzhi.archive.backlog()
print(string.format("共 %d 件接收登记，其中 %d 件尚未整理完。", #register, backlog))

if lvzhi.report.can_save() then
  print("已写入：" .. lvzhi.report.save("文史资料馆藏.xlsx", places, placeOptions))
  print("已写入：" .. lvzhi.report.save("接收登记簿.xlsx", register, registerOptions))
else
  print("（未指定 --out，只打印不写文件）")
end
