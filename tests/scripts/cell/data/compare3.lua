-- SPDX-License-Identifier: GPL-2.0-or-later
-- compare3.lua: compares Vm3.dat (t and three cells) with GENESIS's
-- rsnet25_vm3.dat row by row: the largest difference per cell, and the
-- upward crossings of 0 V of each cell in both.
local top = os.getenv("GS_TOP_SRCDIR") or "."
local ref = io.popen("xz -dc '" .. top .. "/tests/validation/data/rsnet25_vm3.dat.xz'")
local got = io.open("Vm3.dat")
local rows, dmax = 0, {0.0, 0.0, 0.0}
local up_r, up_g, sp_r, sp_g = {}, {}, {0, 0, 0}, {0, 0, 0}
for line in got:lines() do
  local rline = ref:read("l")
  if not rline then break end
  local g, r = {}, {}
  for w in line:gmatch("%S+") do g[#g + 1] = tonumber(w) end
  for w in rline:gmatch("%S+") do r[#r + 1] = tonumber(w) end
  if math.abs(g[1] - r[1]) > 1e-9 then
    print("time column differs at row " .. rows)
    break
  end
  for c = 1, 3 do
    dmax[c] = math.max(dmax[c], math.abs(g[c + 1] - r[c + 1]))
    if r[c + 1] > 0 and not up_r[c] then sp_r[c] = sp_r[c] + 1 end
    if g[c + 1] > 0 and not up_g[c] then sp_g[c] = sp_g[c] + 1 end
    up_r[c], up_g[c] = r[c + 1] > 0, g[c + 1] > 0
  end
  rows = rows + 1
end
got:close()
ref:close()
print(rows .. " rows")
for c, name in ipairs({"middle cell", "cell 0", "edge cell"}) do
  print(string.format("%s: %d upward crossings of 0 V (GENESIS %d), max |dVm| < 1e-9 V: %s",
    name, sp_g[c], sp_r[c], dmax[c] < 1e-9 and "yes" or "no"))
end
