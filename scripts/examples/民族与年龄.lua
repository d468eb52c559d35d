-- 民族构成与年龄段（按出生年份，截至今年）
-- 用法：lvzhi run scripts/examples/民族与年龄.lua --office ordos
local thisYear = tonumber(os.date("%Y"))
local ethnic, ages, total = {}, {}, 0
local bands = { "40岁以下", "40–49岁", "50–59岁", "60岁及以上", "未填出生日期" }
for member in lvzhi.members.each{} do
  total = total + 1
  local e = member.ethnicity or "未填"
  ethnic[e] = (ethnic[e] or 0) + 1
  local band = bands[5]
  if member.birth_date then
    local age = thisYear - tonumber(member.birth_date:sub(1, 4))
    band = age < 40 and bands[1] or age < 50 and bands[2] or age < 60 and bands[3] or bands[4]
  end
  ages[band] = (ages[band] or 0) + 1
end

local rows = {}
for name, n in pairs(ethnic) do rows[#rows + 1] = { name, n, string.format("%.1f%%", n * 100 / total) } end
table.sort(rows, function(a, b) return a[2] > b[2] end)
lvzhi.report.print(rows, { title = "民族构成", headers = { "民族", "人数", "占比" } })

local ageRows = {}
for _, band in ipairs(bands) do
  if ages[band] then ageRows[#ageRows + 1] = { band, ages[band] } end
end
lvzhi.report.print(ageRows, { title = "年龄段", headers = { "年龄段", "人数" } })
